package cn.minzheng.bureau.dibao.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.spin.json.SpinJsonNode;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.dibao.SupporterForm;
import cn.minzheng.bureau.household.HouseholdForm;
import cn.minzheng.bureau.household.HouseholdForm.IncomeForm;
import cn.minzheng.bureau.household.HouseholdForm.MemberForm;
import cn.minzheng.bureau.household.IncomeType;

/** Reads the variables of the start form dibao-application-start.form into an application. */
final class StartFormVariables {

    /**
     * The form's own variables: submitted as transient variables ({@link ApplicationStartFormHandler}) and
     * removed from the process once the application is stored in the tables (a start through the API may set
     * them as ordinary ones). Not
     * caseCategory, townshipCode or relatedToStaff: the case's facts keep them, and a variable removed and set
     * again in one transaction costs a new history row and two history details for nothing.
     */
    static final List<String> NAMES = List.of("communityCode", "address", "bankName",
            "bankAccount", "assetsDescription", "assetsValue", "waterMonthly", "electricityMonthly", "gasMonthly",
            "heatingMonthly", "relatedStaffUserId", "members", "supporters");

    /** Member fields of the form and the income type each one records. */
    private static final Map<String, IncomeType> INCOME_FIELDS = Map.of(
            "wageIncome", IncomeType.WAGE,
            "businessIncome", IncomeType.BUSINESS,
            "pensionIncome", IncomeType.PENSION,
            "propertyIncome", IncomeType.PROPERTY,
            "transferIncome", IncomeType.TRANSFER,
            "otherIncome", IncomeType.OTHER,
            "exemptIncome", IncomeType.EXEMPT);

    private static final ObjectMapper JSON = new ObjectMapper();

    private StartFormVariables() {
    }

    static DibaoApplicationForm read(Map<String, Object> variables) {
        HouseholdForm household = new HouseholdForm(
                string(variables.get("townshipCode")), string(variables.get("communityCode")),
                string(variables.get("address")), string(variables.get("bankName")),
                string(variables.get("bankAccount")), string(variables.get("assetsDescription")),
                variables.get("assetsValue"), variables.get("waterMonthly"), variables.get("electricityMonthly"),
                variables.get("gasMonthly"), variables.get("heatingMonthly"),
                members(variables.get("members")));
        return new DibaoApplicationForm(household, string(variables.get("caseCategory")),
                Boolean.TRUE.equals(variables.get("relatedToStaff")), string(variables.get("relatedStaffName")),
                string(variables.get("relatedStaffUserId")), supporters(variables.get("supporters")));
    }

    private static List<MemberForm> members(Object value) {
        List<MemberForm> members = new ArrayList<>();
        for (Map<String, Object> row : rows(value)) {
            List<IncomeForm> incomes = new ArrayList<>();
            INCOME_FIELDS.entrySet().stream()
                    .sorted(Map.Entry.comparingByValue())
                    .filter(e -> row.get(e.getKey()) != null && !"".equals(row.get(e.getKey())))
                    .forEach(e -> incomes.add(new IncomeForm(e.getValue().name(), row.get(e.getKey()))));
            members.add(new MemberForm(string(row.get("name")), string(row.get("idNumber")),
                    string(row.get("relation")), string(row.get("employmentStatus")),
                    string(row.get("disabilityLevel")), incomes));
        }
        return members;
    }

    private static List<SupporterForm> supporters(Object value) {
        return rows(value).stream().map(row -> new SupporterForm(string(row.get("name")), string(row.get("idNumber")),
                string(row.get("relation")), row.get("monthlyIncome"))).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return (List<Map<String, Object>>) list;
        }
        String json = value instanceof SpinJsonNode node ? node.toString() : value.toString();
        try {
            return JSON.readValue(json, new TypeReference<List<Map<String, Object>>>() {
            });
        } catch (JsonProcessingException e) {
            throw new RuleViolation("INVALID_APPLICATION", "家庭成员或义务人列表格式无效");
        }
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }
}
