package cn.minzheng.bureau.ledger;

import java.util.List;

/**
 * A page of the household search, newest household first: its rows, the search's count, the page's number when the
 * links carried it ({@code null} when unknown: a link kept from elsewhere), and the cursors of its links —
 * {@code previous} the first id shown (上一页, {@code null} on the first page), {@code next} the last id shown (下一页,
 * {@code null} on the last page).
 */
public record HouseholdPage(List<HouseholdRow> rows, long total, Integer number, Long previous, Long next) {

    public HouseholdPage {
        rows = List.copyOf(rows);
    }

    public long pages() {
        return Math.max(1, (total + HouseholdSearch.PAGE_SIZE - 1) / HouseholdSearch.PAGE_SIZE);
    }

    public boolean first() {
        return previous == null;
    }
}
