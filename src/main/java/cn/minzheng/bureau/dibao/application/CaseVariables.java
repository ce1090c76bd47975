package cn.minzheng.bureau.dibao.application;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.common.ProcessVariables;
import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.engine.CopiedVariables;
import cn.minzheng.bureau.household.Household;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.region.Region;
import cn.minzheng.bureau.region.RegionRepository;

/**
 * The facts the task forms show about a case, published as process variables. The tables stay the
 * system of record; these are a read-only copy for Tasklist, with ID numbers masked.
 */
@Component
public class CaseVariables {

    /** What {@link #publish} sets that only copies the tables (see {@link CopiedVariables}). */
    public static final Set<String> COPIES = Set.of("applicantName", "townshipName", "communityName",
            "caseCategoryLabel", "householdSize", "householdSummary");

    private final HouseholdRepository households;
    private final RegionRepository regions;

    public CaseVariables(HouseholdRepository households, RegionRepository regions) {
        this.households = households;
        this.regions = regions;
    }

    /** The facts of a case the caller has read already. */
    public void publish(VariableScope scope, DibaoCase dibaoCase) {
        publish(scope, dibaoCase, households.find(dibaoCase.householdId()).orElseThrow());
    }

    /** The facts of a case whose household the caller holds already (just registered): nothing read again. */
    public void publish(VariableScope scope, DibaoCase dibaoCase, Household household) {
        Map<String, Region> found = regions.findAll(List.of(household.townshipCode(), household.communityCode()));
        Region township = Objects.requireNonNull(found.get(household.townshipCode()), household.townshipCode());
        Region community = Objects.requireNonNull(found.get(household.communityCode()), household.communityCode());
        Map<String, Object> variables = new HashMap<>();
        variables.put("caseNumber", dibaoCase.caseNumber());
        variables.put("applicantName", household.head().name());
        variables.put(DibaoApplicationProcess.VAR_TOWNSHIP_CODE, township.code());
        variables.put("townshipName", township.name());
        variables.put("communityName", community.name());
        variables.put("areaType", township.kind().areaType().name());
        variables.put("caseCategory", dibaoCase.category().name());
        variables.put("caseCategoryLabel", township.kind().areaType().label() + " · " + dibaoCase.category().label());
        variables.put("householdSize", household.size());
        variables.put("householdSummary", summary(household));
        variables.put("relatedToStaff", dibaoCase.relatedToStaff());
        variables.put("relatedStaffName", dibaoCase.relatedStaffName());
        variables.put("relatedStaffUser", dibaoCase.relatedStaffUser());
        // the start form already set some of these
        variables.forEach((name, value) -> ProcessVariables.setIfChanged(scope, name, value));
    }

    static String summary(Household household) {
        String members = household.members().stream()
                .map(m -> m.name() + "（" + m.relation().label() + "，" + m.idNumber().sex().label() + "，"
                        + m.idNumber().birthDate().getYear() + "年生，" + m.idNumber().masked() + "，"
                        + m.employmentStatus().label()
                        + (m.disabilityLevel().name().equals("NONE") ? "" : "，残疾：" + m.disabilityLevel().label())
                        + "）" + incomes(m))
                .collect(Collectors.joining("\n"));
        return members + "\n住址：" + household.address()
                + "\n水电气暖开支（申报）：" + Money.format(household.utilities().total()) + "元/月"
                + "\n家庭财产：" + (household.assetsDescription() == null ? "无" : household.assetsDescription())
                + "，估值" + Money.format(household.assetsValue()) + "元";
    }

    private static String incomes(Household.Member member) {
        if (member.incomes().isEmpty()) {
            return " 无收入";
        }
        return " " + member.incomes().stream()
                .map(i -> i.type().label() + Money.format(i.monthlyAmount()) + "元/月")
                .collect(Collectors.joining("、"));
    }
}
