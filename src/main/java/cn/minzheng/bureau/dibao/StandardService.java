package cn.minzheng.bureau.dibao;

import java.math.BigDecimal;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Service;

import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.region.AreaType;

/** Reads the standards and wage anchors from the DMN tables that the process manager maintains. */
@Service
public class StandardService {

    public static final String STANDARD_DECISION = "dibao-standard";
    public static final String WAGE_ANCHORS_DECISION = "dibao-wage-anchors";

    private final DecisionService decisions;

    public StandardService(DecisionService decisions) {
        this.decisions = decisions;
    }

    public Standard standardFor(AreaType area, CaseCategory category) {
        DmnDecisionResultEntries result = decisions.evaluateDecisionByKey(STANDARD_DECISION)
                .variables(Map.of("areaType", area.name(), "caseCategory", category.name()))
                .evaluate()
                .getSingleResult();
        return fromResult(result);
    }

    /** Checks standard ≤ unemployment benefit ≤ minimum wage for the area. */
    public void checkAgainstWages(AreaType area, BigDecimal standard) {
        DmnDecisionResultEntries anchors = decisions.evaluateDecisionByKey(WAGE_ANCHORS_DECISION)
                .variables(Map.of("areaType", area.name()))
                .evaluate()
                .getSingleResult();
        StandardConsistency.check(standard, Money.parse(anchors.get("unemploymentBenefit"), "失业保险金"),
                Money.parse(anchors.get("minimumWage"), "最低工资"));
    }

    public static Standard fromResult(Map<String, Object> result) {
        if (result == null) {
            throw new IllegalStateException("dibao-standard.dmn gave no standard for this area and category");
        }
        return new Standard(Money.parse(result.get("monthlyStandard"), "低保标准"),
                Money.parse(result.get("categoryAddition"), "分类施保加发"));
    }

    public record Standard(BigDecimal monthlyStandard, BigDecimal categoryAddition) {
    }
}
