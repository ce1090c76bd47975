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
import cn.minzheng.bureau.household.Household.Income;
import cn.minzheng.bureau.household.Household.Member;
import cn.minzheng.bureau.household.Household.UtilitySpending;
import cn.minzheng.bureau.region.Region;
import cn.minzheng.bureau.region.RegionRepository;

/**
 * Turns a submitted household into a valid {@link Household} or refuses it with every problem
 * listed in Chinese. Both ways of applying (Tasklist start form, REST API) go through here; the field rules are
 * {@link HouseholdRules}, which the 低保 roster import applies too.
 */
@Component
public class HouseholdValidator {

    static final int MAX_MEMBERS = HouseholdRules.MAX_MEMBERS;
    /** The form has no template columns. */
    private static final int NONE = -1;

    private final RegionRepository regions;

    public HouseholdValidator(RegionRepository regions) {
        this.regions = regions;
    }

    public Household validate(HouseholdForm form) {
        if (form == null) {
            throw new RuleViolation("INVALID_APPLICATION", "申请内容不能为空");
        }
        Problems problems = Problems.collectAll();
        validateArea(form, problems);
        String address = HouseholdRules.text(form.address(), "家庭住址", 200, true, NONE, problems);
        String bankName = HouseholdRules.text(form.bankName(), "开户银行", 50, true, NONE, problems);
        String bankAccount = HouseholdRules.bankAccount(form.bankAccount(), NONE, problems);
        String assetsDescription = HouseholdRules.text(form.assetsDescription(), "家庭财产情况", 500, false, NONE, problems);
        BigDecimal assetsValue = amount(form.assetsValue(), "家庭财产估值", problems);
        UtilitySpending utilities = new UtilitySpending(
                amount(form.waterMonthly(), "水费", problems),
                amount(form.electricityMonthly(), "电费", problems),
                amount(form.gasMonthly(), "燃气费", problems),
                amount(form.heatingMonthly(), "取暖费", problems));
        List<Member> members = validateMembers(form.members(), problems);
        problems.throwIfAny("INVALID_APPLICATION");
        return new Household(null, form.townshipCode(), form.communityCode(), address, bankName, bankAccount,
                assetsDescription, assetsValue, utilities, members);
    }

    private void validateArea(HouseholdForm form, Problems problems) {
        Map<String, Region> found = regions.findCurrentAll(Arrays.asList(form.townshipCode(), form.communityCode()));
        Region township = form.townshipCode() == null ? null : found.get(form.townshipCode());
        if (township == null || !township.isTownshipLevel()) {
            problems.add("INVALID_CODE", NONE, "乡镇（街道）“" + nullToEmpty(form.townshipCode()) + "”不存在");
            return;
        }
        Region community = form.communityCode() == null ? null : found.get(form.communityCode());
        if (community == null) {
            problems.add("INVALID_CODE", NONE, form.communityCode() == null || form.communityCode().isBlank() ? "请选择村（社区）"
                    : "所选村（社区）不存在或已撤并，请在" + township.name() + "下重新选择");
        } else if (!township.code().equals(community.parentCode())) {
            problems.add("INVALID_CODE", NONE, "村（社区）“" + community.name() + "”不属于" + township.name() + "，请重新选择");
        }
    }

    private List<Member> validateMembers(List<HouseholdForm.MemberForm> forms, Problems problems) {
        List<Member> members = new ArrayList<>();
        if (forms == null || forms.isEmpty()) {
            problems.add("MISSING_FIELD", NONE, "家庭成员至少填写一人");
            return members;
        }
        if (forms.size() > MAX_MEMBERS) {
            problems.add("TOO_MANY_MEMBERS", NONE, "家庭成员不能超过" + MAX_MEMBERS + "人");
            return members;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < forms.size(); i++) {
            HouseholdForm.MemberForm form = forms.get(i);
            String where = "第" + (i + 1) + "位成员";
            if (form == null) {
                problems.add("MISSING_FIELD", NONE, where + "内容为空");
                continue;
            }
            Member member = member(form, where, problems);
            if (member.idNumber() != null && !seen.add(member.idNumber().value())) {
                problems.add("DUPLICATE_PERSON", NONE, where + "的公民身份号码与其他成员重复");
            }
            members.add(member);
        }
        HouseholdRules.oneHead(members.stream().filter(m -> m.relation() == Relation.HEAD).count(), "家庭成员中", NONE,
                problems);
        return members;
    }

    private static Member member(HouseholdForm.MemberForm form, String where, Problems problems) {
        String name = HouseholdRules.name(form.name(), where + "姓名", NONE, problems);
        ResidentIdNumber idNumber = HouseholdRules.idNumber(form.idNumber(), where + "：", NONE, problems);
        Relation relation = HouseholdRules.code(Relation.class, form.relation(), where + "与户主关系", true, NONE, problems);
        EmploymentStatus employment = HouseholdRules.code(EmploymentStatus.class, form.employmentStatus(),
                where + "就业状况", true, NONE, problems);
        DisabilityLevel disability = HouseholdRules.disability(form.disabilityLevel(), where + "残疾等级", NONE, problems);
        List<Income> incomes = new ArrayList<>();
        if (form.incomes() != null) {
            for (HouseholdForm.IncomeForm income : form.incomes()) {
                if (income == null) {
                    continue;
                }
                IncomeType type = HouseholdRules.code(IncomeType.class, income.type(), where + "收入类型", true, NONE,
                        problems);
                if (type != null && !type.declarable()) {
                    problems.add("INVALID_CODE", NONE, where + "收入类型“" + type.label() + "”由低保收入核算计算，不能申报");
                    continue;
                }
                BigDecimal amount = amount(income.monthlyAmount(), where + "的" + (type == null ? "收入" : type.label()),
                        problems);
                if (type != null && amount.signum() > 0) {
                    incomes.add(new Income(type, amount));
                }
            }
        }
        return new Member(null, name, idNumber, relation, employment, disability, List.copyOf(incomes));
    }

    /** An amount of the form; zero after a problem (the form is refused anyway, with every problem listed). */
    private static BigDecimal amount(Object value, String label, Problems problems) {
        BigDecimal amount = HouseholdRules.amount(value, label, NONE, problems);
        return amount == null ? Money.ZERO : amount;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
