package cn.minzheng.bureau.tekun;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.payroll.ProgramAmounts;
import cn.minzheng.bureau.program.Program;

/**
 * A re-assessment's new amount is paid from the month after it (年度复核): the TEKUN payroll of a month first sets each
 * supported person's enrolment to the amount in force that month (the amount before the re-assessment for a month
 * before its effective month), in the computing transaction, as 优抚's yearly standard is brought in.
 */
@Component
public class TekunReviewAmounts implements ProgramAmounts {

    private final TekunReviewRepository reviews;
    private final TekunCaseRepository cases;

    public TekunReviewAmounts(TekunReviewRepository reviews, TekunCaseRepository cases) {
        this.reviews = reviews;
        this.cases = cases;
    }

    @Override
    public String programCode() {
        return Program.TEKUN;
    }

    @Override
    public int update(String month) {
        var due = reviews.amountsToBringInForce(month);
        due.forEach(a -> cases.mirrorAmountInForce(a.caseId(), a.amount(), a.snapshot()));
        return due.size();
    }
}
