package cn.minzheng.bureau.statistics;

import java.math.BigDecimal;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.dibao.CaseCategory;
import cn.minzheng.bureau.dibao.StandardService;
import cn.minzheng.bureau.program.Program;
import cn.minzheng.bureau.region.AreaType;
import cn.minzheng.bureau.tekun.TekunAmounts;

/**
 * The program's monthly standard for an urban or rural township, from the DMN tables the process manager maintains
 * (the version deployed when the return is prepared; the version's figures keep it): 低保 the standard of an
 * ordinary household (dibao-standard), 特困供养 the basic living standard (tekun-basic-living); 临时救助 has none.
 */
@Component
public class ReturnStandards {

    private final StandardService dibao;
    private final DecisionService decisions;

    public ReturnStandards(StandardService dibao, DecisionService decisions) {
        this.dibao = dibao;
        this.decisions = decisions;
    }

    /** The standard, or null for a program without one. */
    public BigDecimal of(String programCode, AreaType area) {
        return switch (programCode) {
            case Program.DIBAO -> dibao.standardFor(area, CaseCategory.ORDINARY).monthlyStandard();
            case Program.TEKUN -> {
                DmnDecisionResultEntries result = decisions.evaluateDecisionByKey(TekunAmounts.BASIC_LIVING_DECISION)
                        .variables(Map.of("areaType", area.name())).evaluate().getSingleResult();
                if (result == null) {
                    throw new IllegalStateException(TekunAmounts.BASIC_LIVING_DECISION + ".dmn gave no standard for " + area);
                }
                yield Money.parse(result.get("basicLiving"), "基本生活标准");
            }
            default -> null;
        };
    }
}
