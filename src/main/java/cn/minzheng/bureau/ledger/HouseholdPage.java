package cn.minzheng.bureau.ledger;

import java.util.List;

/**
 * A page of the household search, newest household first: its rows, the search's count (exact, or bounded: see
 * {@link HouseholdCount}), the page's number when the links carried it ({@code null} when unknown: a link kept from
 * elsewhere), and the cursors of its links — {@code previous} the first id shown (上一页, {@code null} on the first
 * page), {@code next} the last id shown (下一页, {@code null} on the last page).
 */
public record HouseholdPage(List<HouseholdRow> rows, HouseholdCount count, Integer number, Long previous, Long next) {

    public HouseholdPage {
        rows = List.copyOf(rows);
    }

    /** The number of pages, {@code null} where the count is bounded (超过 N 户). */
    public Long pages() {
        return count.pages();
    }

    public boolean first() {
        return previous == null;
    }
}
