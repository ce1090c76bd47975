package cn.minzheng.bureau.ledger;

import java.util.Optional;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The page links of a household search (首页, 上一页, 下一页), each the search's filters with a {@link Keyset} cursor,
 * the number of the page it opens and the count the first page made (so that later pages need not count again).
 * Paths within the application; {@code null} where the page has no such link.
 */
public record HouseholdLinks(String first, String previous, String next) {

    public static HouseholdLinks of(HouseholdSearch search, HouseholdPage page) {
        Integer number = page.number();
        return new HouseholdLinks(page.first() ? null : link(search, Keyset.FIRST, null, null),
                page.previous() == null ? null
                        : link(search, Keyset.before(page.previous()), number == null ? null : number - 1, page.total()),
                page.next() == null ? null
                        : link(search, Keyset.after(page.next()), number == null ? null : number + 1, page.total()));
    }

    /** The search's page at the cursor: {@code /ledger?name=…&after=…&n=…&total=…}, blank filters left out. */
    public static String link(HouseholdSearch search, Keyset keyset, Integer number, Long total) {
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
                .queryParamIfPresent("n", Optional.ofNullable(number))
                .queryParamIfPresent("total", Optional.ofNullable(total))
                .encode().build().toUriString();
    }
}
