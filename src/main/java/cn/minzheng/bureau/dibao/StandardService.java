package cn.minzheng.bureau.dibao;

import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.stereotype.Service;

import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.region.AreaType;

/** Reads the standards and wage anchors from the DMN tables that the process manager maintains. */
@Service
public class StandardService {

    public static final String STANDARD_DECISION = "dibao-standard";
    public static final String WAGE_ANCHORS_DECISION = "dibao-wage-anchors";

    private final DecisionService decisions;
    private final RepositoryService repository;
    /** Wage anchors per version of the table and area: a deployed version never changes. */
    private final Map<String, WageAnchors> anchors = new ConcurrentHashMap<>();

    public StandardService(DecisionService decisions, RepositoryService repository) {
        this.decisions = decisions;
        this.repository = repository;
    }

    public Standard standardFor(AreaType area, CaseCategory category) {
        DmnDecisionResultEntries result = decisions.evaluateDecisionByKey(STANDARD_DECISION)
                .variables(Map.of("areaType", area.name(), "caseCategory", category.name()))
                .evaluate()
                .getSingleResult();
        return fromResult(result);
    }

    /**
     * Checks standard ≤ unemployment benefit ≤ minimum wage for the area, against the latest version of the
     * wage anchors table. The table is evaluated once per version and area, not once per application.
     */
    public void checkAgainstWages(AreaType area, BigDecimal standard) {
        String latest = repository.createDecisionDefinitionQuery().decisionDefinitionKey(WAGE_ANCHORS_DECISION)
                .latestVersion().singleResult().getId();
        WageAnchors wages = anchors.computeIfAbsent(latest + "/" + area.name(), key -> {
            DmnDecisionResultEntries result = decisions.evaluateDecisionById(latest)
                    .variables(Map.of("areaType", area.name()))
                    .evaluate()
                    .getSingleResult();
            return new WageAnchors(Money.parse(result.get("unemploymentBenefit"), "失业保险金"),
                    Money.parse(result.get("minimumWage"), "最低工资"));
        });
        StandardConsistency.check(standard, wages.unemploymentBenefit(), wages.minimumWage());
    }

    private record WageAnchors(BigDecimal unemploymentBenefit, BigDecimal minimumWage) {
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
