package cn.minzheng.bureau.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import cn.minzheng.bureau.engine.EngineAuthentication;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditTrailTest {

    /** Far above any id the demo data or other tests give a case or household. */
    private static final long CASE = 970_000_001L;
    private static final long HOUSEHOLD = 970_000_002L;

    @Autowired
    AuditTrail auditTrail;
    @Autowired
    IdentityService identityService;

    @Test
    void recordAllStoresEachEntryAsRecordWouldAtOneMoment() {
        String longReason = "原因".repeat(600);
        EngineAuthentication.as(identityService, "clerk.yuecun", List.of(), () -> {
            auditTrail.recordAll(List.of(
                    new AuditEntry("DIBAO_CASE", CASE, HOUSEHOLD, CASE, "IMPORTED", "admin", "导入：批次#1",
                            null, Map.of("status", "APPROVED", "members", 3)),
                    new AuditEntry("HOUSEHOLD", HOUSEHOLD, HOUSEHOLD, null, "IMPORTED", null, longReason,
                            Map.of("address", "旧址"), Map.of("address", "新址"))));
            return null;
        });

        List<AuditEvent> ofCase = auditTrail.forCase(CASE);
        assertThat(ofCase).singleElement().satisfies(event -> {
            assertThat(event.actor()).isEqualTo("admin");
            assertThat(event.entityType()).isEqualTo("DIBAO_CASE");
            assertThat(event.householdId()).isEqualTo(HOUSEHOLD);
            assertThat(event.action()).isEqualTo("IMPORTED");
            assertThat(event.beforeState()).isNull();
            assertThat(event.afterState()).contains("\"status\":\"APPROVED\"").contains("\"members\":3");
        });
        List<AuditEvent> ofHousehold = auditTrail.forHousehold(HOUSEHOLD);
        assertThat(ofHousehold).hasSize(2);
        AuditEvent household = ofHousehold.get(1);
        assertThat(household.actor()).as("the logged-in user when the entry names none").isEqualTo("clerk.yuecun");
        assertThat(household.caseId()).isNull();
        assertThat(household.reason()).hasSize(1000);
        assertThat(household.beforeState()).isEqualTo("{\"address\":\"旧址\"}");
        assertThat(household.occurredAt()).isEqualTo(ofHousehold.get(0).occurredAt());
    }

    @Test
    void recordAllOfNothingWritesNothing() {
        auditTrail.recordAll(List.of());
        assertThat(auditTrail.forCase(CASE + 10)).isEmpty();
    }

    @Test
    void withNobodyLoggedInTheActorIsTheSystem() {
        auditTrail.recordAll(List.of(new AuditEntry("IMPORT_BATCH", CASE + 20, null, CASE + 20, "COMMITTED", null, null,
                null, Map.of("rows", 2))));
        assertThat(auditTrail.forCase(CASE + 20)).singleElement()
                .satisfies(event -> assertThat(event.actor()).isEqualTo("system"));
    }
}
