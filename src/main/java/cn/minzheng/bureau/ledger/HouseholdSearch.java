package cn.minzheng.bureau.ledger;

/**
 * What a clerk searches households by; blank fields do not filter. {@code program} (a code of the registry) keeps
 * the households with an enrolment in that program, {@code programStatus} (an enrolment status) with an enrolment in
 * that status — within the program when one is given, in any program otherwise. Which page of the result is shown is
 * a {@link Keyset}.
 */
public record HouseholdSearch(String name, String idNumber, String township, String community, String status,
                              String program, String programStatus) {

    public static final int PAGE_SIZE = 20;

    public HouseholdSearch {
        name = blankToNull(name);
        idNumber = idNumber == null || idNumber.isBlank() ? null : idNumber.trim().toUpperCase();
        township = blankToNull(township);
        community = blankToNull(community);
        status = blankToNull(status);
        program = blankToNull(program);
        programStatus = blankToNull(programStatus);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
