package cn.minzheng.bureau.dibao.application;

import static cn.minzheng.bureau.dibao.application.DibaoApplicationProcess.VAR_CASE_ID;

import java.math.BigDecimal;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.dibao.DibaoSettings;
import cn.minzheng.bureau.dibao.HouseholdIncomeService;
import cn.minzheng.bureau.dibao.IncomeAssessment;
import cn.minzheng.bureau.dibao.IncomeCalculator;

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
        HouseholdIncomeService.Assessed household = incomes.assess(caseId);
        IncomeAssessment assessment = IncomeCalculator.assess(household.assessed());
        BigDecimal declared = IncomeCalculator.assess(household.declared()).countedMonthlyIncome();
        Optional<String> flag = settings.spendingCheck().flag(household.utilitiesMonthly(), declared);
        execution.setVariable("perCapitaIncome", Money.format(assessment.perCapitaIncome()));
        execution.setVariable("spendingFlag", flag.isPresent());
        execution.setVariable("spendingFlagReason", flag.orElse(null));
    }
}
