package cn.minzheng.bureau.dibao;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.household.EmploymentStatus;
import cn.minzheng.bureau.region.AreaType;

/**
 * The parts of the income calculation method the locality sets in DMN tables: what a supporter outside the
 * household must contribute (dibao-supporter-contribution.dmn) and the employment-cost deduction of a member in
 * work (dibao-employment-deduction.dmn). The tables give the threshold, share or fixed amount; the arithmetic is
 * here, rounded half-up to the fen.
 */
@Component
public class IncomeRules {

    public static final String SUPPORTER_DECISION = "dibao-supporter-contribution";
    public static final String DEDUCTION_DECISION = "dibao-employment-deduction";

    private final DecisionService decisions;

    public IncomeRules(DecisionService decisions) {
        this.decisions = decisions;
    }

    /** A supporter and what they must contribute a month, with the table's threshold and share that gave it. */
    public record SupporterShare(Supporter supporter, BigDecimal threshold, BigDecimal share, BigDecimal contribution) {

        public Map<String, Object> snapshot() {
            Map<String, Object> snapshot = new LinkedHashMap<>();
            snapshot.put("name", supporter.name());
            snapshot.put("idNumber", supporter.idNumber().value());
            snapshot.put("relation", supporter.relation().name());
            snapshot.put("monthlyIncome", Money.of(supporter.monthlyIncome()).toPlainString());
            snapshot.put("threshold", threshold.toPlainString());
            snapshot.put("share", share.toPlainString());
            snapshot.put("contribution", contribution.toPlainString());
            return snapshot;
        }
    }

    public SupporterShare supporterShare(AreaType area, Supporter supporter) {
        DmnDecisionResultEntries result = evaluate(SUPPORTER_DECISION,
                Map.of("areaType", area.name(), "relation", supporter.relation().name()));
        BigDecimal threshold = Money.parse(result.get("threshold"), "起算额");
        BigDecimal share = new BigDecimal(result.get("share").toString());
        return new SupporterShare(supporter, threshold, share,
                contribution(supporter.monthlyIncome(), threshold, share));
    }

    /** (income − threshold) × share; nothing at or below the threshold. */
    static BigDecimal contribution(BigDecimal income, BigDecimal threshold, BigDecimal share) {
        BigDecimal above = income.subtract(threshold);
        return above.signum() <= 0 ? Money.ZERO : above.multiply(share).setScale(2, RoundingMode.HALF_UP);
    }

    /** The monthly deduction from a member's wage income: the table's fixed amount or share, never above the wage. */
    public BigDecimal employmentDeduction(AreaType area, EmploymentStatus status, BigDecimal wage) {
        if (wage.signum() <= 0) {
            return Money.ZERO;
        }
        DmnDecisionResultEntries result = evaluate(DEDUCTION_DECISION,
                Map.of("areaType", area.name(), "employmentStatus", status.name()));
        return deduction((String) result.get("method"), Money.parse(result.get("fixedAmount"), "固定扣减额"),
                new BigDecimal(result.get("share").toString()), wage);
    }

    static BigDecimal deduction(String method, BigDecimal fixedAmount, BigDecimal share, BigDecimal wage) {
        BigDecimal deduction = switch (method) {
            case "FIXED" -> fixedAmount;
            case "PROPORTIONAL" -> wage.multiply(share).setScale(2, RoundingMode.HALF_UP);
            case "NONE" -> Money.ZERO;
            default -> throw new IllegalStateException(DEDUCTION_DECISION + ".dmn: unknown method " + method);
        };
        return Money.of(deduction.min(wage));
    }

    private DmnDecisionResultEntries evaluate(String decision, Map<String, Object> inputs) {
        DmnDecisionResultEntries result = decisions.evaluateDecisionByKey(decision).variables(inputs).evaluate()
                .getSingleResult();
        if (result == null) {
            throw new IllegalStateException(decision + ".dmn gave no result for " + inputs);
        }
        return result;
    }
}
