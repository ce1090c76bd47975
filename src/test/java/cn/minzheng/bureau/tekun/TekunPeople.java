package cn.minzheng.bureau.tekun;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import cn.minzheng.bureau.household.HouseholdForm;
import cn.minzheng.bureau.household.HouseholdForm.IncomeForm;
import cn.minzheng.bureau.household.HouseholdForm.MemberForm;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.household.HouseholdValidator;
import cn.minzheng.bureau.household.ResidentIdNumber;

/** People on the household register for 特困 tests: a one-person household with the age and condition asked for. */
final class TekunPeople {

    private static final AtomicInteger SEQUENCE = new AtomicInteger(ThreadLocalRandom.current().nextInt(100, 900));

    private TekunPeople() {
    }

    static String idNumber(LocalDate birth) {
        int sequence = SEQUENCE.incrementAndGet() % 1000;
        String county = "41" + String.format("%04d", ThreadLocalRandom.current().nextInt(100, 10000));
        String first17 = county + birth.toString().replace("-", "") + String.format("%03d", sequence);
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    /** Registers the person alone in a household of the community; returns the ID number. */
    static String register(HouseholdRepository households, HouseholdValidator validator, String township,
                           String community, String name, int age, String employment, String disability,
                           String monthlyIncome) {
        String id = idNumber(LocalDate.now().minusYears(age).minusDays(10));
        List<IncomeForm> incomes = monthlyIncome == null ? List.of() : List.of(new IncomeForm("PENSION", monthlyIncome));
        HouseholdForm form = new HouseholdForm(township, community, "测试地址8号", "中国农业银行", "6228480000000000008",
                "无", "0", "5", "10", "0", "0", List.of(new MemberForm(name, id, "HEAD", employment, disability, incomes)));
        households.insert(validator.validate(form));
        return id;
    }
}
