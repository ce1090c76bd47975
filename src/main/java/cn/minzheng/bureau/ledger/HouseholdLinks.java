package cn.minzheng.bureau.ledger;

import java.util.Optional;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The page links of a household search (首页, 上一页, 下一页), each the search's filters with a {@link Keyset} cursor,
 * the number of the page it opens and the count the first page made (so that later pages need not count again):
 * {@code total=N} when exact, {@code over=N} when the search found more than the first page counts. Where the count is
 * bounded, {@code exactCount} opens the same page again with the exact count ({@code count=exact}). Paths within the
 * application; {@code null} where the page has no such link.
 */
public record HouseholdLinks(String first, String previous, String next, String exactCount) {

    /** The parameter (with the value {@link #EXACT}) that asks a page for the exact count of its search. */
    public static final String COUNT = "count";
    public static final String EXACT = "exact";

    /** The links of {@code page}, which was opened at {@code shown}. */
    public static HouseholdLinks of(HouseholdSearch search, Keyset shown, HouseholdPage page) {
        Integer number = page.number();
        HouseholdCount count = page.count();
        return new HouseholdLinks(page.first() ? null : link(search, Keyset.FIRST, null, null),
                page.previous() == null ? null
                        : link(search, Keyset.before(page.previous()), number == null ? null : number - 1, count),
                page.next() == null ? null
                        : link(search, Keyset.after(page.next()), number == null ? null : number + 1, count),
                count.exact() ? null : builder(search, page.first() ? Keyset.FIRST : shown, number)
                        .queryParam(COUNT, EXACT).encode().build().toUriString());
    }

    /** The search's page at the cursor: {@code /ledger?name=…&after=…&n=…&total=…}, blank filters left out. */
    public static String link(HouseholdSearch search, Keyset keyset, Integer number, HouseholdCount count) {
        return builder(search, keyset, number)
                .queryParamIfPresent("total", Optional.ofNullable(count).filter(HouseholdCount::exact)
                        .map(HouseholdCount::households))
                .queryParamIfPresent("over", Optional.ofNullable(count).filter(c -> !c.exact())
                        .map(HouseholdCount::households))
                .encode().build().toUriString();
    }

    private static UriComponentsBuilder builder(HouseholdSearch search, Keyset keyset, Integer number) {
        return UriComponentsBuilder.fromPath("/ledger")
                .queryParamIfPresent("name", Optional.ofNullable(search.name()))
                .queryParamIfPresent("idNumber", Optional.ofNullable(search.idNumber()))
                .queryParamIfPresent("township", Optional.ofNullable(search.township()))
                .queryParamIfPresent("community", Optional.ofNullable(search.community()))
                .queryParamIfPresent("status", Optional.ofNullable(search.status()))
                .queryParamIfPresent("program", Optional.ofNullable(search.program()))
                .queryParamIfPresent("programStatus", Optional.ofNullable(search.programStatus()))
                .queryParamIfPresent("after", Optional.ofNullable(keyset.after()))
                .queryParamIfPresent("before", Optional.ofNullable(keyset.before()))
                .queryParamIfPresent("n", Optional.ofNullable(number));
    }
}
