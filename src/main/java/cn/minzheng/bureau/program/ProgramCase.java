package cn.minzheng.bureau.program;

import java.math.BigDecimal;

/**
 * A program's own case as its enrolment shows it: the program's case row ({@code programCaseId}), who is
 * enrolled, the status in enrolment terms, the amount, the first month paid and the frozen calculation.
 * The program's repository hands it to {@link EnrolmentRepository#mirror} after every change of the case.
 */
public record ProgramCase(String programCode, long programCaseId, long householdId, String personIdNumber,
                          String townshipCode, EnrolmentStatus status, BigDecimal amount, String startMonth,
                          String calculationSnapshot) {
}
