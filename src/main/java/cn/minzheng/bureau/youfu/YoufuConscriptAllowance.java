package cn.minzheng.bureau.youfu;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.region.AreaType;

/** 义务兵家庭优待金 of a year from youfu-conscript-allowance.dmn: by year and the family's area (城镇 / 农村). */
@Service
public class YoufuConscriptAllowance {

    public static final String DECISION = "youfu-conscript-allowance";

    private final DecisionService decisions;
    private final ObjectMapper json;

    public YoufuConscriptAllowance(DecisionService decisions, ObjectMapper json) {
        this.decisions = decisions;
        this.json = json;
    }

    /** The year's amount and its frozen calculation. */
    public record Amount(int year, AreaType areaType, BigDecimal amount, String snapshot) {
    }

    public Amount of(int year, AreaType areaType) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("year", year);
        inputs.put("areaType", areaType.name());
        DmnDecisionResultEntries result = decisions.evaluateDecisionByKey(DECISION).variables(inputs).evaluate()
                .getSingleResult();
        if (result == null) {
            throw new RuleViolation("NO_STANDARD", "义务兵家庭优待金标准表（" + DECISION + "）中没有" + year + "年"
                    + areaType.label() + "家庭的标准，请流程管理员补充标准表", 422);
        }
        BigDecimal amount = Money.parse(result.get("annualAmount"), "优待金");
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("decision", DECISION);
        s.put("year", year);
        s.put("areaType", areaType.name());
        s.put("annualAmount", amount);
        try {
            return new Amount(year, areaType, amount, json.writeValueAsString(s));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
