package cn.minzheng.bureau.dibao;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.household.Household;
import cn.minzheng.bureau.household.HouseholdRules;
import cn.minzheng.bureau.household.Problems;
import cn.minzheng.bureau.household.ResidentIdNumber;

/**
 * The rules of the supporters recorded on an application, the same for the start form and the REST API: a name,
 * a valid resident ID number (required: the economic-status check and the audit need the person), the relation,
 * the monthly income (not negative); the supporter lives outside the household and is named once.
 */
public final class Supporters {

    public static final int MAX_SUPPORTERS = 10;

    private Supporters() {
    }

    public static List<Supporter> validate(List<SupporterForm> forms, Household household) {
        if (forms == null || forms.isEmpty()) {
            return List.of();
        }
        if (forms.size() > MAX_SUPPORTERS) {
            throw new RuleViolation("INVALID_SUPPORTER", "赡养（抚养、扶养）义务人最多登记" + MAX_SUPPORTERS + "人");
        }
        Set<String> members = new HashSet<>();
        household.members().forEach(m -> members.add(m.idNumber().value()));
        Set<String> seen = new HashSet<>();
        List<Supporter> supporters = new ArrayList<>();
        for (int i = 0; i < forms.size(); i++) {
            SupporterForm form = forms.get(i);
            String where = "第" + (i + 1) + "位赡养（抚养、扶养）义务人";
            if (form == null) {
                throw new RuleViolation("INVALID_SUPPORTER", where + "内容不能为空");
            }
            Problems problems = Problems.firstThrows(null);
            String name = HouseholdRules.name(form.name(), where + "姓名", -1, problems);
            if (form.idNumber() == null || form.idNumber().isBlank()) {
                throw new RuleViolation("INVALID_SUPPORTER", where + "的公民身份号码不能为空");
            }
            ResidentIdNumber idNumber = HouseholdRules.idNumber(form.idNumber(), where + "公民身份号码：", -1,
                    problems);
            SupporterRelation relation = HouseholdRules.code(SupporterRelation.class, form.relation(),
                    where + "与申请家庭的关系", true, -1, problems);
            BigDecimal income = HouseholdRules.amount(form.monthlyIncome(), where + "月收入", -1,
                    problems);
            if (members.contains(idNumber.value())) {
                throw new RuleViolation("INVALID_SUPPORTER", where + "是申请家庭的成员：义务人应为家庭以外的人，"
                        + "家庭成员的收入在家庭成员中填写");
            }
            if (!seen.add(idNumber.value())) {
                throw new RuleViolation("INVALID_SUPPORTER", where + "的公民身份号码与前面的义务人重复");
            }
            supporters.add(new Supporter(name, idNumber, relation, income));
        }
        return List.copyOf(supporters);
    }
}
