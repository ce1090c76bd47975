package cn.minzheng.bureau.youfu;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.common.RuleViolation;

/**
 * 定期抚恤金 / 定期生活补助 from the table the process manager maintains (youfu-allowance.dmn): the yearly standard
 * by year, category, cause and grade; a month pays a twelfth of it, rounded half up to the fen.
 */
@Service
public class YoufuAllowance {

    public static final String DECISION = "youfu-allowance";
    private static final BigDecimal MONTHS = BigDecimal.valueOf(12);

    private final DecisionService decisions;
    private final ObjectMapper json;

    public YoufuAllowance(DecisionService decisions, ObjectMapper json) {
        this.decisions = decisions;
        this.json = json;
    }

    /** The standard of a month: the year's annual standard and the month's twelfth, with the snapshot. */
    public record Amount(YearMonth month, BigDecimal annualStandard, BigDecimal monthly, String snapshot) {
    }

    public Amount forMonth(YoufuCategory category, DisabilityCause cause, Integer grade, YearMonth month) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("year", month.getYear());
        inputs.put("category", category.name());
        inputs.put("disabilityCause", cause == null ? null : cause.name());
        inputs.put("disabilityGrade", grade);
        DmnDecisionResultEntries result = decisions.evaluateDecisionByKey(DECISION).variables(inputs).evaluate()
                .getSingleResult();
        if (result == null) {
            throw new RuleViolation("NO_STANDARD", "优抚对象抚恤补助标准表（" + DECISION + "）中没有" + month.getYear() + "年"
                    + category.label() + (grade == null ? "" : cause.label() + YoufuRules.chineseGrade(grade))
                    + "的标准，请流程管理员补充标准表", 422);
        }
        BigDecimal annual = Money.parse(result.get("annualStandard"), "年标准");
        BigDecimal monthly = monthly(annual);
        return new Amount(month, annual, monthly, snapshot(category, cause, grade, month, annual, monthly));
    }

    /** A twelfth of the yearly standard, two places, half up (e.g. 54640 / 12 = 4553.33). */
    public static BigDecimal monthly(BigDecimal annual) {
        return annual.divide(MONTHS, 2, RoundingMode.HALF_UP);
    }

    private String snapshot(YoufuCategory category, DisabilityCause cause, Integer grade, YearMonth month,
                            BigDecimal annual, BigDecimal monthly) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("decision", DECISION);
        s.put("year", month.getYear());
        s.put("month", month.toString());
        s.put("category", category.name());
        if (grade != null) {
            s.put("disabilityCause", cause.name());
            s.put("disabilityGrade", grade);
        }
        s.put("annualStandard", annual);
        s.put("monthlyAmount", monthly);
        try {
            return json.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
