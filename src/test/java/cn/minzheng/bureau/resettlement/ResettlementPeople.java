package cn.minzheng.bureau.resettlement;

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

/** Discharged soldiers on the household register for resettlement tests, and their arrival registrations. */
final class ResettlementPeople {

    private static final AtomicInteger SEQUENCE = new AtomicInteger(ThreadLocalRandom.current().nextInt(100, 900));

    private ResettlementPeople() {
    }

    static String idNumber(LocalDate birth) {
        int sequence = SEQUENCE.incrementAndGet() % 1000;
        String county = "41" + String.format("%04d", ThreadLocalRandom.current().nextInt(100, 10000));
        String first17 = county + birth.toString().replace("-", "") + String.format("%03d", sequence);
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    /** Registers the soldier alone in a household of 岳村乡's 岳村; returns the ID number. */
    static String register(HouseholdRepository households, HouseholdValidator validator, String name, int age) {
        String id = idNumber(LocalDate.now().minusYears(age).minusDays(40));
        HouseholdForm form = new HouseholdForm("yuecun", "yuecun-yuecun", "测试地址8号", "中国农业银行", "6228480000000000008",
                "无", "0", "5", "10", "0", "0", List.of(new MemberForm(name, id, "HEAD", "UNEMPLOYED", "NONE", List.of())));
        households.insert(validator.validate(form));
        return id;
    }

    /** A conscript of two years, discharged {@code daysAgo} days ago, nothing else: 自主就业. */
    static Map<String, Object> conscript(String idNumber, LocalDate discharged) {
        Map<String, Object> v = new HashMap<>();
        v.put("idNumber", idNumber);
        v.put("dischargeDate", discharged.toString());
        v.put("serviceBranch", "ARMY");
        v.put("serviceYears", 2L);
        v.put("rankKind", "CONSCRIPT");
        v.put("merit", "NONE");
        v.put("wartimeMerit", false);
        v.put("martyrChild", false);
        return v;
    }

    /** A 士官 of the grade and years: 12 years and more is 安排工作. */
    static Map<String, Object> nco(String idNumber, LocalDate discharged, String grade, long years) {
        Map<String, Object> v = conscript(idNumber, discharged);
        v.put("rankKind", "NCO");
        v.put("ncoGrade", grade);
        v.put("serviceYears", years);
        return v;
    }
}
