package cn.minzheng.bureau.dibao;

import static cn.minzheng.bureau.engine.ProcessVariable.copy;
import static cn.minzheng.bureau.engine.ProcessVariable.fact;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.engine.ProcessVariable;
import cn.minzheng.bureau.household.Household;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.region.Region;
import cn.minzheng.bureau.region.RegionRepository;

/**
 * The facts the task forms show about a case, published as process variables by every process about a case
 * (application, appeal, report, review, recovery). The tables stay the system of record; these are a read-only
 * copy for Tasklist, with ID numbers masked. Each of those processes declares {@link #ALL} among its variables.
 */
@Component
public class CaseVariables {

    /** The case a process is about. */
    public static final ProcessVariable<Long> CASE_ID = fact("caseId", Long.class);
    public static final ProcessVariable<String> CASE_NUMBER = fact("caseNumber", String.class);
    public static final ProcessVariable<String> APPLICANT_NAME = copy("applicantName", String.class);
    /** The township handling the case: candidate groups and the four-eyes rule read it. */
    public static final ProcessVariable<String> TOWNSHIP_CODE = fact("townshipCode", String.class);
    public static final ProcessVariable<String> TOWNSHIP_NAME = copy("townshipName", String.class);
    public static final ProcessVariable<String> COMMUNITY_NAME = copy("communityName", String.class);
    /** URBAN or RURAL: the standard table and the recalculations read it. */
    public static final ProcessVariable<String> AREA_TYPE = fact("areaType", String.class);
    public static final ProcessVariable<String> CASE_CATEGORY = fact("caseCategory", String.class);
    public static final ProcessVariable<String> CASE_CATEGORY_LABEL = copy("caseCategoryLabel", String.class);
    public static final ProcessVariable<Integer> HOUSEHOLD_SIZE = copy("householdSize", Integer.class);
    public static final ProcessVariable<String> HOUSEHOLD_SUMMARY = copy("householdSummary", String.class);
    public static final ProcessVariable<Boolean> RELATED_TO_STAFF = fact("relatedToStaff", Boolean.class);
    public static final ProcessVariable<String> RELATED_STAFF_NAME = fact("relatedStaffName", String.class);
    /** A relative of the applicant on the staff: the four-eyes rule refuses them every task. */
    public static final ProcessVariable<String> RELATED_STAFF_USER = fact("relatedStaffUser", String.class);

    /** Every variable {@link #publish} sets, and the case id. */
    public static final List<ProcessVariable<?>> ALL = List.of(CASE_ID, CASE_NUMBER, APPLICANT_NAME, TOWNSHIP_CODE,
            TOWNSHIP_NAME, COMMUNITY_NAME, AREA_TYPE, CASE_CATEGORY, CASE_CATEGORY_LABEL, HOUSEHOLD_SIZE,
            HOUSEHOLD_SUMMARY, RELATED_TO_STAFF, RELATED_STAFF_NAME, RELATED_STAFF_USER);

    /**
     * The names of the copies among {@link #ALL}.
     *
     * @deprecated for processes not yet declaring their variables (review); declare {@link #ALL} instead.
     */
    @Deprecated
    public static final Set<String> COPIES = ALL.stream().filter(ProcessVariable::isCopy).map(ProcessVariable::name)
            .collect(Collectors.toUnmodifiableSet());

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
        // the start form already set some of these
        CASE_NUMBER.setIfChanged(scope, dibaoCase.caseNumber());
        APPLICANT_NAME.setIfChanged(scope, household.head().name());
        TOWNSHIP_CODE.setIfChanged(scope, township.code());
        TOWNSHIP_NAME.setIfChanged(scope, township.name());
        COMMUNITY_NAME.setIfChanged(scope, community.name());
        AREA_TYPE.setIfChanged(scope, township.kind().areaType().name());
        CASE_CATEGORY.setIfChanged(scope, dibaoCase.category().name());
        CASE_CATEGORY_LABEL.setIfChanged(scope, township.kind().areaType().label() + " · " + dibaoCase.category().label());
        HOUSEHOLD_SIZE.setIfChanged(scope, household.size());
        HOUSEHOLD_SUMMARY.setIfChanged(scope, summary(household));
        RELATED_TO_STAFF.setIfChanged(scope, dibaoCase.relatedToStaff());
        RELATED_STAFF_NAME.setIfChanged(scope, dibaoCase.relatedStaffName());
        RELATED_STAFF_USER.setIfChanged(scope, dibaoCase.relatedStaffUser());
    }

    /** The case a process is about, by the id it keeps. */
    public static long caseId(VariableScope scope) {
        return CASE_ID.require(scope);
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
