package cn.minzheng.bureau.ledger;

/**
 * Where a page of households starts, as the page links carry it: the households before {@code after} (下一页: the
 * ids below the last one shown, the ledger being newest first), or the page that ends right above {@code before}
 * (上一页). Neither: the first page (首页). The database reads only the page's rows, however deep the page.
 */
public record Keyset(Long after, Long before) {

    public static final Keyset FIRST = new Keyset(null, null);

    public Keyset {
        if (after != null && before != null) {
            before = null;
        }
    }

    public static Keyset after(long id) {
        return new Keyset(id, null);
    }

    public static Keyset before(long id) {
        return new Keyset(null, id);
    }

    public boolean first() {
        return after == null && before == null;
    }
}
