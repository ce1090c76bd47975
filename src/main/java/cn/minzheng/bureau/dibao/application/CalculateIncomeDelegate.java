package cn.minzheng.bureau.dibao.application;

import static cn.minzheng.bureau.dibao.application.DibaoApplicationProcess.VAR_ASSESSED_HOUSEHOLD;
import static cn.minzheng.bureau.dibao.application.DibaoApplicationProcess.VAR_CASE_ID;
import static cn.minzheng.bureau.dibao.application.DibaoApplicationProcess.VAR_RECORDED_SURVEY;

import java.math.BigDecimal;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.common.ProcessVariables;
import cn.minzheng.bureau.dibao.DibaoSettings;
import cn.minzheng.bureau.dibao.HouseholdIncomeService;
import cn.minzheng.bureau.dibao.IncomeAssessment;
import cn.minzheng.bureau.dibao.IncomeCalculator;
import cn.minzheng.bureau.dibao.Survey;

/** 计算家庭人均收入: per-capita monthly income by the income calculation method, and the spending check. */
@Component("calculateIncome")
public class CalculateIncomeDelegate implements JavaDelegate {

    private final HouseholdIncomeService incomes;
    private final DibaoSettings settings;

    public CalculateIncomeDelegate(HouseholdIncomeService incomes, DibaoSettings settings) {
        this.incomes = incomes;
        this.settings = settings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long caseId = ((Number) execution.getVariable(VAR_CASE_ID)).longValue();
        HouseholdIncomeService.Assessed household = execution.getVariable(VAR_RECORDED_SURVEY) instanceof Survey recorded
                ? incomes.assess(caseId, Optional.of(recorded))
                : incomes.assess(caseId);
        // handed to 计算补助金额 in the same transaction, not stored: the tables stay the record
        execution.setVariable(VAR_ASSESSED_HOUSEHOLD, Variables.objectValue(household, true).create());
        IncomeAssessment assessment = IncomeCalculator.assess(household.assessed());
        BigDecimal declared = IncomeCalculator.assess(household.declared()).countedMonthlyIncome();
        Optional<String> flag = settings.spendingCheck().flag(household.utilitiesMonthly(), declared);
        ProcessVariables.setIfChanged(execution, "perCapitaIncome", Money.format(assessment.perCapitaIncome()));
        // the reviewer's form shows the warning when there is a reason; none, and no variable is written
        ProcessVariables.setIfChanged(execution, "spendingFlagReason", flag.orElse(null));
    }
}
