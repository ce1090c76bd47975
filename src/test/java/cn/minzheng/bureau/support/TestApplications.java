package cn.minzheng.bureau.support;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import cn.minzheng.bureau.dibao.application.DibaoApplicationForm;
import cn.minzheng.bureau.household.HouseholdForm;
import cn.minzheng.bureau.household.HouseholdForm.IncomeForm;
import cn.minzheng.bureau.household.HouseholdForm.MemberForm;
import cn.minzheng.bureau.household.ResidentIdNumber;

/**
 * Applications for tests, with valid resident ID numbers that no other test (or earlier run on a
 * kept PostgreSQL database) has used, so the one-open-case-per-person rule never bites by accident.
 */
public final class TestApplications {

    private static final AtomicInteger SEQUENCE = new AtomicInteger(ThreadLocalRandom.current().nextInt(100, 800));

    private TestApplications() {
    }

    /**
     * A person's name no earlier run is likely to have given (people stay in a kept PostgreSQL test database, and a test
     * run again after a failure must find its own person alone): the start and three characters drawn at random.
     */
    public static String personName(String start) {
        String characters = "春夏秋冬文武建国家华明亮静安宁德志远新甲乙丙丁戊己庚辛壬癸";
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder name = new StringBuilder(start);
        for (int i = 0; i < 3; i++) {
            name.append(characters.charAt(random.nextInt(characters.length())));
        }
        return name.toString();
    }

    /** A fresh valid ID number: random birth date, running sequence. */
    public static String idNumber(boolean male) {
        return idNumber(LocalDate.of(1940, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(365 * 70)), male);
    }

    public static String idNumber(LocalDate birth, boolean male) {
        int sequence = SEQUENCE.incrementAndGet() % 1000;
        int sexDigit = (sequence % 5) * 2 + (male ? 1 : 0); // odd for men, even for women
        // a random county of the province: with one county, thousands of cases left open in a benchmark's
        // database made a repeated number (and a refused application) likely within a few runs
        String county = "41" + String.format("%04d", ThreadLocalRandom.current().nextInt(100, 10000));
        String first17 = county + birth.toString().replace("-", "") + String.format("%02d", sequence / 10 % 100) + sexDigit;
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    /**
     * A rural ordinary household of {@code size} in 岳村乡 whose head earns {@code headWage} a month:
     * standard 520, so the benefit is (520 − wage/size) × size.
     */
    public static DibaoApplicationForm yuecunHousehold(int size, String headWage) {
        return household("yuecun", "yuecun-yuecun", "ORDINARY", size, headWage);
    }

    public static DibaoApplicationForm household(String township, String community, String category, int size,
                                                 String headWage) {
        List<MemberForm> members = new ArrayList<>();
        members.add(new MemberForm("测试户主", idNumber(true), "HEAD", "FLEXIBLE", "NONE",
                List.of(new IncomeForm("WAGE", headWage), new IncomeForm("EXEMPT", "50"))));
        for (int i = 1; i < size; i++) {
            members.add(new MemberForm("测试成员" + "甲乙丙丁戊己庚辛壬癸".charAt(i % 10), idNumber(i % 2 == 0), "CHILD", "STUDENT", "NONE", List.of()));
        }
        return new DibaoApplicationForm(new HouseholdForm(township, community, "测试地址1号", "中国农业银行",
                "6228480000000000001", "自住房一处", "0", "20", "40", "15", "0", members),
                category, false, null, null);
    }

    public static DibaoApplicationForm withMembers(DibaoApplicationForm form, List<MemberForm> members) {
        HouseholdForm h = form.household();
        return new DibaoApplicationForm(new HouseholdForm(h.townshipCode(), h.communityCode(), h.address(),
                h.bankName(), h.bankAccount(), h.assetsDescription(), h.assetsValue(), h.waterMonthly(),
                h.electricityMonthly(), h.gasMonthly(), h.heatingMonthly(), members),
                form.caseCategory(), form.relatedToStaff(), form.relatedStaffName(), form.relatedStaffUserId());
    }

    public static DibaoApplicationForm relatedTo(DibaoApplicationForm form, String staffName, String staffUser) {
        return new DibaoApplicationForm(form.household(), form.caseCategory(), true, staffName, staffUser);
    }
}
