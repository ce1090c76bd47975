package cn.minzheng.bureau.residence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import cn.minzheng.bureau.gaoling.GaolingAllowance;
import cn.minzheng.bureau.gaoling.GaolingRepository;
import cn.minzheng.bureau.household.DisabilityLevel;
import cn.minzheng.bureau.household.EmploymentStatus;
import cn.minzheng.bureau.household.Household;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.household.Relation;
import cn.minzheng.bureau.household.ResidentIdNumber;

/** Registered residents of 任丘办 for the 户籍迁出 tests (address code 410305, which no other test uses). */
final class MovingPeople {

    static final String CLERK = "clerk.renqiu";
    static final String TOWNSHIP = "renqiu";

    private MovingPeople() {
    }

    /** A one-person household of 任丘办 (清华苑社区) whose head was born on the date; returns the head's ID number. */
    static String resident(HouseholdRepository households, String name, LocalDate born) {
        String id;
        do {
            String first17 = "410305" + born.toString().replace("-", "")
                    + String.format("%03d", ThreadLocalRandom.current().nextInt(1, 1000));
            id = first17 + ResidentIdNumber.checkCharacter(first17);
        } while (!households.knownIdNumbers(List.of(id)).isEmpty());
        households.insert(new Household(null, TOWNSHIP, "renqiu-qinghuayuan", "清华苑小区3号楼202", "中国农业银行",
                "6228480000" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000)), null,
                BigDecimal.ZERO, new Household.UtilitySpending(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO), List.of(new Household.Member(null, name, ResidentIdNumber.parse(id), Relation.HEAD,
                EmploymentStatus.RETIRED, DisabilityLevel.NONE, List.of()))));
        return id;
    }

    /** Enrols the resident in 高龄津贴 from the month, as the clerk's confirmation of a proposal does. */
    static GaolingRepository.Recipient enrolInGaoling(GaolingRepository gaoling, GaolingAllowance allowance,
                                                      HouseholdRepository households, String idNumber, YearMonth month) {
        HouseholdRepository.Resident r = households.resident(idNumber).orElseThrow();
        String instance = "test-" + UUID.randomUUID();
        gaoling.insertProposal(month.toString(), new GaolingRepository.Resident(idNumber, r.name(), r.birthDate(),
                r.householdId(), r.townshipCode()), allowance.require(idNumber, month), instance);
        GaolingRepository.Proposal p = gaoling.proposals(instance, r.townshipCode()).get(0);
        gaoling.decideProposal(p.id(), GaolingRepository.ProposalStatus.CONFIRMED, null, CLERK);
        gaoling.enrol(p, CLERK);
        return gaoling.recipientOf(idNumber).orElseThrow();
    }
}
