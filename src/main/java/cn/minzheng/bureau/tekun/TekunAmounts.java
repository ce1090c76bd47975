package cn.minzheng.bureau.tekun;

import java.math.BigDecimal;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Service;

import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.dibao.CaseCategory;
import cn.minzheng.bureau.dibao.StandardService;
import cn.minzheng.bureau.region.AreaType;

/**
 * The two amounts of 特困供养 from the DMN tables the process manager maintains: 基本生活标准
 * (tekun-basic-living, checked against 1.3 × the local 低保 standard of dibao-standard on every calculation) and
 * 照料护理标准 by self-care ability (tekun-care). The monthly amount is their sum.
 */
@Service
public class TekunAmounts {

    public static final String BASIC_LIVING_DECISION = "tekun-basic-living";
    public static final String CARE_DECISION = "tekun-care";

    private final DecisionService decisions;
    private final StandardService standards;

    public TekunAmounts(DecisionService decisions, StandardService standards) {
        this.decisions = decisions;
        this.standards = standards;
    }

    public record Amounts(AreaType area, BigDecimal dibaoStandard, BigDecimal basicLiving, SelfCareLevel selfCareLevel,
                         BigDecimal care, BigDecimal monthly) {
    }

    /** The local 低保 standard (一般困难家庭) the 1.3 floor and the income test refer to. */
    public BigDecimal dibaoStandard(AreaType area) {
        return standards.standardFor(area, CaseCategory.ORDINARY).monthlyStandard();
    }

    public Amounts amounts(AreaType area, SelfCareLevel level) {
        if (level == null) {
            throw new RuleViolation("MISSING_FIELD", "请评估生活自理能力（全自理、半护理或全护理）");
        }
        BigDecimal dibaoStandard = dibaoStandard(area);
        BigDecimal basicLiving = single(BASIC_LIVING_DECISION, Map.of("areaType", area.name()), "basicLiving", "基本生活标准");
        TekunEligibility.checkBasicLiving(basicLiving, dibaoStandard);
        BigDecimal care = single(CARE_DECISION, Map.of("areaType", area.name(), "selfCareLevel", level.name()),
                "careAmount", "照料护理标准");
        return new Amounts(area, dibaoStandard, basicLiving, level, care, basicLiving.add(care));
    }

    /** 基本生活标准 a month as the table says today (a case assessed before keeps its own). */
    public BigDecimal basicLiving(AreaType area) {
        return single(BASIC_LIVING_DECISION, Map.of("areaType", area.name()), "basicLiving", "基本生活标准");
    }

    private BigDecimal single(String decision, Map<String, Object> inputs, String output, String label) {
        DmnDecisionResultEntries result = decisions.evaluateDecisionByKey(decision).variables(inputs).evaluate()
                .getSingleResult();
        if (result == null) {
            throw new IllegalStateException(decision + ".dmn gave no " + output + " for " + inputs);
        }
        return Money.parse(result.get(output), label);
    }
}
