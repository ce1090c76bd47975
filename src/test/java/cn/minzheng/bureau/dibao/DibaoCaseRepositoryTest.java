package cn.minzheng.bureau.dibao;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.Year;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.household.Household;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.household.HouseholdValidator;
import cn.minzheng.bureau.support.TestApplications;

/** The case table's writes for a roster import, and a missing case's status change. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DibaoCaseRepositoryTest {

    @Autowired
    DibaoCaseRepository cases;
    @Autowired
    HouseholdRepository households;
    @Autowired
    HouseholdValidator validator;

    @Test
    void importedCasesAreApprovedHoldTheirMembersAndAreNumberedAsRegisteredOnes() {
        Household household = validator.validate(TestApplications.yuecunHousehold(2, "100").household());
        long householdId = households.insert(household);
        long batchId = ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L);
        List<String> members = household.members().stream().map(m -> m.idNumber().value()).toList();

        List<Long> ids = cases.insertAll(List.of(new DibaoCaseRepository.ImportedCase(7, householdId,
                household.townshipCode(), CaseCategory.ORDINARY, new BigDecimal("50.00"), new BigDecimal("520.00"),
                BigDecimal.ZERO, new BigDecimal("940.00"), "2026-01", members, "花名册导入")), batchId, "importer",
                Timestamp.from(Instant.now()));
        // numbered at once where the id is drawn before the insert (PostgreSQL's COPY), provisionally elsewhere (H2)
        assertThat(cases.find(ids.get(0)).orElseThrow().caseNumber())
                .isIn("IMP" + batchId + "-7", CaseNumbers.of(Year.now(), ids.get(0)));
        cases.numberImportedCases(batchId);
        try {
            assertImportedAndHeld(ids.get(0), householdId, household);
        } finally {
            // not paid by other tests' payrolls
            cases.changeStatus(ids.get(0), CaseStatus.CANCELLED, "approver", "测试结束");
        }
    }

    private void assertImportedAndHeld(long caseId, long householdId, Household household) {
        DibaoCase imported = cases.find(caseId).orElseThrow();
        assertThat(imported.caseNumber()).isEqualTo(CaseNumbers.of(Year.now(), imported.id()));
        assertThat(imported.status()).isEqualTo(CaseStatus.APPROVED);
        assertThat(imported.monthlyAmount()).isEqualByComparingTo("940.00");
        assertThat(cases.history(imported.id())).singleElement()
                .satisfies(change -> assertThat(change.reason()).isEqualTo("花名册导入"));
        // its members are held: an application with one of them is refused
        assertThatThrownBy(() -> cases.insert(householdId, household, CaseCategory.ORDINARY, false, null, null, "clerk",
                null)).isInstanceOfSatisfying(RuleViolation.class,
                        violation -> assertThat(violation.getErrorCode()).isEqualTo("PERSON_IN_OPEN_CASE"));
    }

    @Test
    void aStatusChangeOfAMissingCaseIsARuleViolation() {
        assertThatThrownBy(() -> cases.changeStatus(Long.MAX_VALUE, CaseStatus.CANCELLED, "approver", "停保"))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("不存在");
    }
}
