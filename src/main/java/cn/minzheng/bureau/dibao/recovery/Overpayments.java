package cn.minzheng.bureau.dibao.recovery;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import cn.minzheng.bureau.common.Money;

/**
 * The overpaid months of a case: every payment of a benefit month from {@code fromMonth} on against what
 * should have been paid for it (0 for a cancellation, the lowered amount for a reduction). The amount
 * compared is the payment's full amount: a part kept back by a deduction still settled the household's debt.
 */
public final class Overpayments {

    private Overpayments() {
    }

    public record PaidMonth(long paymentId, String benefitMonth, BigDecimal paid) {
    }

    public record OverpaidMonth(long paymentId, String benefitMonth, BigDecimal paid, BigDecimal entitled,
                                BigDecimal overpaid) {
    }

    public record Result(List<OverpaidMonth> months, BigDecimal total) {
    }

    public static Result compute(List<PaidMonth> history, String fromMonth, BigDecimal entitled) {
        BigDecimal due = Money.of(entitled);
        List<OverpaidMonth> months = new ArrayList<>();
        BigDecimal total = Money.ZERO;
        for (PaidMonth paid : history.stream().sorted((a, b) -> a.benefitMonth().compareTo(b.benefitMonth())).toList()) {
            if (paid.benefitMonth().compareTo(fromMonth) < 0) {
                continue;
            }
            BigDecimal overpaid = Money.of(paid.paid()).subtract(due);
            if (overpaid.signum() > 0) {
                months.add(new OverpaidMonth(paid.paymentId(), paid.benefitMonth(), Money.of(paid.paid()), due, overpaid));
                total = total.add(overpaid);
            }
        }
        return new Result(List.copyOf(months), total);
    }
}
