package cn.minzheng.bureau.web;

import java.util.List;

import cn.minzheng.bureau.access.Groups;

/**
 * Who is looking at the ledgers, and which townships they may see (empty = all: a district role). The ledgers'
 * login puts it into every request under /ledger as the request attribute {@link #ATTRIBUTE}, for the page
 * controllers ({@link LedgerPage}) of any feature.
 */
public record LedgerUser(String id, List<String> groups) {

    /** The request attribute holding the logged-in user. */
    public static final String ATTRIBUTE = "ledgerUser";

    private static final String COMMITTEE_PREFIX = Groups.committee("");

    public boolean districtWide() {
        return groups.stream().anyMatch(Groups.DISTRICT_WIDE::contains);
    }

    /** The townships of the user's clerk / reviewer groups. */
    public List<String> townships() {
        return groups.stream()
                .filter(g -> g.startsWith("clerk-") || g.startsWith("reviewer-"))
                .map(g -> g.substring(g.indexOf('-') + 1))
                .distinct().toList();
    }

    public boolean maySee(String townshipCode) {
        return districtWide() || townships().contains(townshipCode);
    }

    /** The villages and communities whose committee (居委会 / 村委会) the user sits on. */
    public List<String> communities() {
        return groups.stream().filter(g -> g.startsWith(COMMITTEE_PREFIX))
                .map(g -> g.substring(COMMITTEE_PREFIX.length())).distinct().toList();
    }

    /**
     * A record of one village or community: its committee sees it, as do the township's staff and district roles.
     */
    public boolean maySee(String townshipCode, String communityCode) {
        return maySee(townshipCode) || (communityCode != null && communities().contains(communityCode));
    }
}
