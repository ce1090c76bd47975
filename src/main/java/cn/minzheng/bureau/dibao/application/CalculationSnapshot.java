package cn.minzheng.bureau.dibao.application;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.minzheng.bureau.dibao.BenefitCalculation;
import cn.minzheng.bureau.dibao.IncomeAssessment;
import cn.minzheng.bureau.dibao.IncomeRules;
import cn.minzheng.bureau.dibao.verification.AssetRule;
import cn.minzheng.bureau.dibao.verification.EconomicStatusReport;
import cn.minzheng.bureau.household.Household;
import cn.minzheng.bureau.region.AreaType;
import cn.minzheng.bureau.engine.EngineClock;

/** What a calculation used, saved on the case: later edits of the household never change what was decided. */
final class CalculationSnapshot {

    private CalculationSnapshot() {
    }

    static Map<String, Object> of(Household household, IncomeAssessment assessment, BenefitCalculation benefit,
                                  AreaType area, EconomicStatusReport report, AssetRule.AssetCheck assets,
                                  List<IncomeRules.SupporterShare> supporters) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("computedAt", EngineClock.dateTime().toString());
        snapshot.put("areaType", area.name());
        snapshot.put("members", household.members().stream().map(CalculationSnapshot::member).toList());
        // 赡养（抚养、扶养）义务人 and what each must contribute (counted on the head as SUPPORTER_CONTRIBUTION)
        snapshot.put("supporters", supporters.stream().map(IncomeRules.SupporterShare::snapshot).toList());
        snapshot.put("countedMonthlyIncome", assessment.countedMonthlyIncome().toPlainString());
        snapshot.put("excludedMonthlyIncome", assessment.excludedMonthlyIncome().toPlainString());
        snapshot.put("perCapitaIncome", benefit.perCapitaIncome().toPlainString());
        snapshot.put("monthlyStandard", benefit.monthlyStandard().toPlainString());
        snapshot.put("categoryAddition", benefit.categoryAddition().toPlainString());
        snapshot.put("householdSize", benefit.householdSize());
        snapshot.put("monthlyAmount", benefit.monthlyAmount().toPlainString());
        // 居民家庭经济状况核对 as it stood when decided, and the asset rule's verdict on it
        snapshot.put("verification", report.snapshot());
        snapshot.put("assets", assets.snapshot());
        return snapshot;
    }

    private static Map<String, Object> member(Household.Member m) {
        return Map.of(
                "name", m.name(),
                "idNumber", m.idNumber().value(),
                "relation", m.relation().name(),
                "employmentStatus", m.employmentStatus().name(),
                "disabilityLevel", m.disabilityLevel().name(),
                "incomes", m.incomes().stream().map(i -> Map.of(
                        "type", i.type().name(),
                        "counted", i.type().counted(),
                        "monthlyAmount", i.monthlyAmount().toPlainString())).toList());
    }
}
