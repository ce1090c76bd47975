package cn.minzheng.bureau.household;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.common.TextRules;
import cn.minzheng.bureau.household.Household.Income;
import cn.minzheng.bureau.household.Household.Member;
import cn.minzheng.bureau.household.Household.UtilitySpending;
import cn.minzheng.bureau.region.Region;
import cn.minzheng.bureau.region.RegionRepository;

/**
 * Turns a submitted household into a valid {@link Household} or refuses it with every problem
 * listed in Chinese. Both ways of applying (Tasklist start form, REST API) go through here.
 */
@Component
public class HouseholdValidator {

    static final int MAX_MEMBERS = 20;

    private final RegionRepository regions;

    public HouseholdValidator(RegionRepository regions) {
        this.regions = regions;
    }

    public Household validate(HouseholdForm form) {
        Problems problems = new Problems();
        if (form == null) {
            throw new RuleViolation("INVALID_APPLICATION", "申请内容不能为空");
        }
        validateArea(form, problems);
        String address = problems.text(form.address(), "家庭住址", 200, true);
        String bankName = problems.text(form.bankName(), "开户银行", 50, true);
        String bankAccount = problems.text(form.bankAccount(), "银行账号", 19, true);
        if (bankAccount != null && !bankAccount.matches("[0-9]{12,19}")) {
            problems.add("银行账号应为12至19位数字");
        }
        String assetsDescription = problems.text(form.assetsDescription(), "家庭财产情况", 500, false);
        BigDecimal assetsValue = problems.amount(form.assetsValue(), "家庭财产估值");
        UtilitySpending utilities = new UtilitySpending(
                problems.amount(form.waterMonthly(), "水费"),
                problems.amount(form.electricityMonthly(), "电费"),
                problems.amount(form.gasMonthly(), "燃气费"),
                problems.amount(form.heatingMonthly(), "取暖费"));
        List<Member> members = validateMembers(form.members(), problems);
        problems.throwIfAny();
        return new Household(null, form.townshipCode(), form.communityCode(), address, bankName, bankAccount,
                assetsDescription, assetsValue, utilities, members);
    }

    private void validateArea(HouseholdForm form, Problems problems) {
        Map<String, Region> found = regions.findCurrentAll(Arrays.asList(form.townshipCode(), form.communityCode()));
        Region township = form.townshipCode() == null ? null : found.get(form.townshipCode());
        if (township == null || !township.isTownshipLevel()) {
            problems.add("乡镇（街道）“" + nullToEmpty(form.townshipCode()) + "”不存在");
            return;
        }
        Region community = form.communityCode() == null ? null : found.get(form.communityCode());
        if (community == null) {
            problems.add(form.communityCode() == null || form.communityCode().isBlank() ? "请选择村（社区）"
                    : "所选村（社区）不存在或已撤并，请在" + township.name() + "下重新选择");
        } else if (!township.code().equals(community.parentCode())) {
            problems.add("村（社区）“" + community.name() + "”不属于" + township.name() + "，请重新选择");
        }
    }

    private List<Member> validateMembers(List<HouseholdForm.MemberForm> forms, Problems problems) {
        List<Member> members = new ArrayList<>();
        if (forms == null || forms.isEmpty()) {
            problems.add("家庭成员至少填写一人");
            return members;
        }
        if (forms.size() > MAX_MEMBERS) {
            problems.add("家庭成员不能超过" + MAX_MEMBERS + "人");
            return members;
        }
        Set<String> seen = new HashSet<>();
        int heads = 0;
        for (int i = 0; i < forms.size(); i++) {
            HouseholdForm.MemberForm form = forms.get(i);
            String where = "第" + (i + 1) + "位成员";
            if (form == null) {
                problems.add(where + "内容为空");
                continue;
            }
            String name = problems.name(form.name(), where + "姓名");
            ResidentIdNumber idNumber = null;
            try {
                idNumber = ResidentIdNumber.parse(form.idNumber());
                if (!seen.add(idNumber.value())) {
                    problems.add(where + "的公民身份号码与其他成员重复");
                }
            } catch (RuleViolation e) {
                problems.add(where + "：" + e.getMessage());
            }
            Relation relation = problems.code(Relation.class, form.relation(), where + "与户主关系");
            if (relation == Relation.HEAD) {
                heads++;
            }
            EmploymentStatus employment = problems.code(EmploymentStatus.class, form.employmentStatus(), where + "就业状况");
            DisabilityLevel disability = form.disabilityLevel() == null || form.disabilityLevel().isBlank()
                    ? DisabilityLevel.NONE
                    : problems.code(DisabilityLevel.class, form.disabilityLevel(), where + "残疾等级");
            List<Income> incomes = new ArrayList<>();
            if (form.incomes() != null) {
                for (HouseholdForm.IncomeForm income : form.incomes()) {
                    if (income == null) {
                        continue;
                    }
                    IncomeType type = problems.code(IncomeType.class, income.type(), where + "收入类型");
                    BigDecimal amount = problems.amount(income.monthlyAmount(), where + "的" + (type == null ? "收入" : type.label()));
                    if (type != null && amount.signum() > 0) {
                        incomes.add(new Income(type, amount));
                    }
                }
            }
            members.add(new Member(null, name, idNumber, relation, employment, disability, List.copyOf(incomes)));
        }
        if (heads != 1) {
            problems.add("家庭成员中须有且只有一位户主，现有" + heads + "位");
        }
        return members;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** Collects every problem of a submission so the user can fix them in one go. */
    static final class Problems {

        private final List<String> messages = new ArrayList<>();

        void add(String message) {
            messages.add(message);
        }

        String text(String value, String label, int maxLength, boolean required) {
            if (value == null || value.isBlank()) {
                if (required) {
                    add(label + "不能为空");
                }
                return null;
            }
            String trimmed = value.trim();
            if (trimmed.length() > maxLength) {
                add(label + "不能超过" + maxLength + "个字");
                return null;
            }
            String problem = TextRules.textProblem(label, trimmed);
            if (problem != null) {
                add(problem);
                return null;
            }
            return trimmed;
        }

        String name(String value, String label) {
            String name = text(value, label, 30, true);
            String problem = name == null ? null : TextRules.nameProblem(label, name);
            if (problem != null) {
                add(problem);
                return null;
            }
            return name;
        }

        BigDecimal amount(Object value, String label) {
            try {
                return Money.parse(value, label);
            } catch (RuleViolation e) {
                add(e.getMessage());
                return Money.ZERO;
            }
        }

        <E extends Enum<E> & Labelled> E code(Class<E> type, Object value, String label) {
            try {
                return Labelled.parse(type, value, label);
            } catch (RuleViolation e) {
                add(e.getMessage());
                return null;
            }
        }

        void throwIfAny() {
            if (!messages.isEmpty()) {
                throw new RuleViolation("INVALID_APPLICATION", String.join("；", messages));
            }
        }
    }
}
