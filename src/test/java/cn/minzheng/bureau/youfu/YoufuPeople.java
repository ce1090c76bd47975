package cn.minzheng.bureau.youfu;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import cn.minzheng.bureau.household.HouseholdForm;
import cn.minzheng.bureau.household.HouseholdForm.MemberForm;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.household.HouseholdValidator;
import cn.minzheng.bureau.household.ResidentIdNumber;

/** People on the household register for 优抚 tests, and registrations of each category. */
final class YoufuPeople {

    private static final AtomicInteger SEQUENCE = new AtomicInteger(ThreadLocalRandom.current().nextInt(100, 900));

    private YoufuPeople() {
    }

    static String idNumber(LocalDate birth) {
        int sequence = SEQUENCE.incrementAndGet() % 1000;
        String county = "41" + String.format("%04d", ThreadLocalRandom.current().nextInt(100, 10000));
        String first17 = county + birth.toString().replace("-", "") + String.format("%03d", sequence);
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    /** Registers the person alone in a household of the community; returns the ID number. */
    static String register(HouseholdRepository households, HouseholdValidator validator, String township,
                           String community, String name, int age) {
        String id = idNumber(LocalDate.now().minusYears(age).minusDays(10));
        HouseholdForm form = new HouseholdForm(township, community, "测试地址6号", "中国农业银行", "6228480000000000006",
                "无", "0", "5", "10", "0", "0", List.of(new MemberForm(name, id, "HEAD", "RETIRED", "NONE", List.of())));
        households.insert(validator.validate(form));
        return id;
    }

    /** A 残疾军人 of the grade and cause, assessed in 1985. */
    static Map<String, Object> disabledSoldier(String idNumber, Object grade, String cause) {
        Map<String, Object> v = new HashMap<>();
        v.put("idNumber", idNumber);
        v.put("category", "DISABLED_SOLDIER");
        v.put("certificateNumber", "豫军残字第031588号");
        v.put("disabilityGrade", grade);
        v.put("disabilityCause", cause);
        v.put("assessedDate", "1985-06-20");
        return v;
    }

    /** A 烈士遗属: the martyr and the day he fell. */
    static Map<String, Object> martyrSurvivor(String idNumber) {
        Map<String, Object> v = new HashMap<>();
        v.put("idNumber", idNumber);
        v.put("category", "MARTYR_SURVIVOR");
        v.put("certificateNumber", "豫烈字第000417号");
        v.put("deceasedName", "王建军");
        v.put("deathDate", "1979-02-17");
        return v;
    }
}
