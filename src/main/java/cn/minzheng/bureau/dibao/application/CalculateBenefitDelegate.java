package cn.minzheng.bureau.dibao.application;

import static cn.minzheng.bureau.dibao.application.DibaoApplicationProcess.*;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.common.ProcessVariables;
import cn.minzheng.bureau.dibao.BenefitCalculation;
import cn.minzheng.bureau.dibao.BenefitCalculator;
import cn.minzheng.bureau.dibao.DibaoCaseRepository;
import cn.minzheng.bureau.dibao.HouseholdIncomeService;
import cn.minzheng.bureau.dibao.IncomeAssessment;
import cn.minzheng.bureau.dibao.IncomeCalculator;
import cn.minzheng.bureau.dibao.StandardService;
import cn.minzheng.bureau.dibao.StandardService.Standard;
import cn.minzheng.bureau.household.Household;
import cn.minzheng.bureau.region.AreaType;

/**
 * 计算补助金额: the benefit from the standard the DMN table gave, and a snapshot on the case of the
 * household data it used, so later edits never change what was decided.
 */
@Component("calculateBenefit")
public class CalculateBenefitDelegate implements JavaDelegate {

    private final HouseholdIncomeService incomes;
    private final StandardService standards;
    private final DibaoCaseRepository cases;
    private final ObjectMapper json;

    public CalculateBenefitDelegate(HouseholdIncomeService incomes, StandardService standards,
                                    DibaoCaseRepository cases, ObjectMapper json) {
        this.incomes = incomes;
        this.standards = standards;
        this.cases = cases;
        this.json = json;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void execute(DelegateExecution execution) throws JsonProcessingException {
        long caseId = ((Number) execution.getVariable(VAR_CASE_ID)).longValue();
        AreaType area = AreaType.valueOf((String) execution.getVariable("areaType"));
        Standard standard = StandardService.fromResult((Map<String, Object>) execution.getVariable(VAR_STANDARD_DECISION));
        // the decision history records the table's result; set and removed in this transaction, the variable
        // never reaches the database (and, declared a copy, nor its history)
        execution.removeVariable(VAR_STANDARD_DECISION);
        standards.checkAgainstWages(area, standard.monthlyStandard());

        Household household = assessedHousehold(execution, caseId);
        IncomeAssessment assessment = IncomeCalculator.assess(household);
        BenefitCalculation benefit = BenefitCalculator.calculate(assessment.perCapitaIncome(),
                standard.monthlyStandard(), standard.categoryAddition(), assessment.householdSize());
        cases.saveCalculation(caseId, benefit, json.writeValueAsString(snapshot(household, assessment, benefit, area)));

        ProcessVariables.setIfChanged(execution, "monthlyStandard", Money.format(benefit.monthlyStandard()));
        ProcessVariables.setIfChanged(execution, "categoryAddition", Money.format(benefit.categoryAddition()));
        ProcessVariables.setIfChanged(execution, "monthlyAmount", Money.format(benefit.monthlyAmount()));
        ProcessVariables.setIfChanged(execution, "eligibilityNote", benefit.eligible()
                ? "符合条件：人均收入低于低保标准，月补助" + Money.format(benefit.monthlyAmount()) + "元"
                : "不符合条件：人均收入" + Money.format(benefit.perCapitaIncome()) + "元不低于低保标准"
                        + Money.format(benefit.monthlyStandard()) + "元");
    }

    /** The household 计算家庭人均收入 assessed in this transaction, else (after a wait state) read again. */
    private Household assessedHousehold(DelegateExecution execution, long caseId) {
        Object handedOver = execution.getVariable(VAR_ASSESSED_HOUSEHOLD);
        return handedOver instanceof HouseholdIncomeService.Assessed assessed ? assessed.assessed()
                : incomes.assessedHousehold(caseId);
    }

    private static Map<String, Object> snapshot(Household household, IncomeAssessment assessment,
                                                BenefitCalculation benefit, AreaType area) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("computedAt", LocalDateTime.now().toString());
        snapshot.put("areaType", area.name());
        snapshot.put("members", household.members().stream().map(m -> Map.of(
                "name", m.name(),
                "idNumber", m.idNumber().value(),
                "relation", m.relation().name(),
                "employmentStatus", m.employmentStatus().name(),
                "disabilityLevel", m.disabilityLevel().name(),
                "incomes", m.incomes().stream().map(i -> Map.of(
                        "type", i.type().name(),
                        "counted", i.type().counted(),
                        "monthlyAmount", i.monthlyAmount().toPlainString())).toList())).toList());
        snapshot.put("countedMonthlyIncome", assessment.countedMonthlyIncome().toPlainString());
        snapshot.put("excludedMonthlyIncome", assessment.excludedMonthlyIncome().toPlainString());
        snapshot.put("perCapitaIncome", benefit.perCapitaIncome().toPlainString());
        snapshot.put("monthlyStandard", benefit.monthlyStandard().toPlainString());
        snapshot.put("categoryAddition", benefit.categoryAddition().toPlainString());
        snapshot.put("householdSize", benefit.householdSize());
        snapshot.put("monthlyAmount", benefit.monthlyAmount().toPlainString());
        return snapshot;
    }
}
