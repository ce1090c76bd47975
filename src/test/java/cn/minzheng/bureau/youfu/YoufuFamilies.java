package cn.minzheng.bureau.youfu;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.household.HouseholdForm;
import cn.minzheng.bureau.household.HouseholdForm.MemberForm;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.household.HouseholdValidator;

/** Families for the yearly 优抚 tests: a conscript and his mother; a recipient on the register and active. */
final class YoufuFamilies {

    private YoufuFamilies() {
    }

    /** The ID numbers of a conscript (born {@code age} years ago) and of his mother, the head of the household. */
    record Family(String motherIdNumber, String conscriptIdNumber) {
    }

    static Family conscriptFamily(HouseholdRepository households, HouseholdValidator validator, String township,
                                  String community, String motherName, String conscriptName, int age) {
        String mother = YoufuPeople.idNumber(LocalDate.now().minusYears(age + 26).minusDays(40));
        String son = YoufuPeople.idNumber(LocalDate.now().minusYears(age).minusDays(20));
        HouseholdForm form = new HouseholdForm(township, community, "测试地址8号", "中国农业银行", "6228480000000000008",
                "无", "0", "5", "10", "0", "0", List.of(
                        new MemberForm(motherName, mother, "HEAD", "RETIRED", "NONE", List.of()),
                        new MemberForm(conscriptName, son, "CHILD", "EMPLOYED", "NONE", List.of())));
        households.insert(validator.validate(form));
        return new Family(mother, son);
    }

    /** A 残疾军人 因战五级 on the register, active from {@code startMonth} at 4553.33 (54640 / 12). */
    static YoufuRecipient activeRecipient(YoufuRepository recipients, JdbcClient jdbc, HouseholdRepository households,
                                          HouseholdValidator validator, String name, String startMonth) {
        String id = YoufuPeople.register(households, validator, "yuecun", "yuecun-yuecun", name, 63);
        long householdId = jdbc.sql("select household_id from household_member where id_number = ?").param(id)
                .query(Long.class).single();
        YoufuRecipient r = recipients.insert(new YoufuRepository.NewRecipient(householdId, "yuecun", id, name,
                new YoufuRules.Evidence(YoufuCategory.DISABLED_SOLDIER, "豫军残字第031588号", 5, DisabilityCause.WAR,
                        LocalDate.of(1985, 6, 20), null, null, null, null)), null, "clerk.yuecun");
        return recipients.activate(r.id(), startMonth, new BigDecimal("4553.33"), "{\"year\":2026}", "youfu");
    }
}
