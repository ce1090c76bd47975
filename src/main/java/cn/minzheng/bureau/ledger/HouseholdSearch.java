package cn.minzheng.bureau.ledger;

/** What a clerk searches households by; blank fields do not filter. */
public record HouseholdSearch(String name, String idNumber, String township, String community, String status,
                              int page) {

    public static final int PAGE_SIZE = 20;

    public HouseholdSearch {
        name = blankToNull(name);
        idNumber = idNumber == null || idNumber.isBlank() ? null : idNumber.trim().toUpperCase();
        township = blankToNull(township);
        community = blankToNull(community);
        status = blankToNull(status);
        page = Math.max(page, 0);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
