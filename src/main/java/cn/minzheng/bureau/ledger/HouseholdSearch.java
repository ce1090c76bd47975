package cn.minzheng.bureau.ledger;

/**
 * What a clerk searches households by; blank fields do not filter. {@code program} (a code of the registry) keeps
 * the households with an enrolment in that program, {@code programStatus} (an enrolment status) with an enrolment in
 * that status — within the program when one is given, in any program otherwise.
 */
public record HouseholdSearch(String name, String idNumber, String township, String community, String status,
                              String program, String programStatus, int page) {

    public static final int PAGE_SIZE = 20;

    public HouseholdSearch {
        name = blankToNull(name);
        idNumber = idNumber == null || idNumber.isBlank() ? null : idNumber.trim().toUpperCase();
        township = blankToNull(township);
        community = blankToNull(community);
        status = blankToNull(status);
        program = blankToNull(program);
        programStatus = blankToNull(programStatus);
        page = Math.max(page, 0);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
