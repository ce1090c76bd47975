package cn.minzheng.bureau.common;

/**
 * A query with its positional parameters, handed to the owner of a table that inserts what it selects
 * ({@code insert into … select … from (query)}): the owner writes its own columns and constants around it.
 */
public record SqlSelect(String sql, Object... params) {

    /** The parameters of a statement that has {@code before} ahead of this query and {@code after} behind it. */
    public Object[] params(Object[] before, Object... after) {
        Object[] all = new Object[before.length + params.length + after.length];
        System.arraycopy(before, 0, all, 0, before.length);
        System.arraycopy(params, 0, all, before.length, params.length);
        System.arraycopy(after, 0, all, before.length + params.length, after.length);
        return all;
    }
}
