package cn.minzheng.bureau.funeral;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.engine.EngineClock;
import cn.minzheng.bureau.funeral.benefits.EcoBurialProcess;
import cn.minzheng.bureau.funeral.benefits.FeeWaiverProcess;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.program.EnrolmentRepository;
import cn.minzheng.bureau.program.EnrolmentStatus;
import cn.minzheng.bureau.program.Program;
import cn.minzheng.bureau.program.ProgramCase;
import cn.minzheng.bureau.support.Http;

/**
 * 惠民殡葬 and 生态安葬 over HTTP: the funeral home's claim through POST /api/funeral/fee-claims and the engine REST
 * start form meet the same rules (a second claim of a death, a person not entitled: Chinese 4xx, nothing written);
 * the township verifies through the engine REST API; the claims are listed to the funeral home and the township
 * only; the settlement refuses a month that has not ended; a clerk takes an eco-burial application over /api.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FuneralBenefitsRestTest {

    @LocalServerPort
    int port;
    @Autowired
    HouseholdRepository households;
    @Autowired
    DeathRegistrationRepository deaths;
    @Autowired
    EnrolmentRepository enrolments;
    @Autowired
    JdbcClient jdbc;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void aClaimOverTheApiIsVerifiedThroughTheEngineRestApiAndListedToTheFuneralHomeAndItsTownshipOnly() {
        JsonNode figuresBefore = yuecunThisMonth();
        String id = deceased("岳接口特困", true, BurialKind.COLUMBARIUM);
        var created = http.post("funeralhome", "/api/funeral/fee-claims",
                FuneralBenefitsProcessTest.claimForm(id, 450, 150, 600, 300));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode claim = created.json();
        assertThat(claim.get("status").asText()).isEqualTo("SUBMITTED");
        // 400 (of 450) + 150 + 600 + 300
        assertThat(new BigDecimal(claim.get("waivedAmount").asText())).isEqualByComparingTo("1450.00");
        long claimId = claim.get("id").asLong();

        long before = count();
        var again = http.post("funeralhome", "/api/funeral/fee-claims", FuneralBenefitsProcessTest.claimForm(id, 100, 0, 0, 0));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asText()).contains("每位死者只减免一次");
        var againByForm = http.submitStartForm("funeralhome", FeeWaiverProcess.KEY,
                FuneralBenefitsProcessTest.claimForm(id, 100, 0, 0, 0));
        assertThat(againByForm.status()).isIn(400, 409);
        assertThat(againByForm.json().get("message").asText()).contains("每位死者只减免一次");
        String notEntitled = deceased("岳接口无项", false, BurialKind.CEMETERY);
        var refused = http.post("funeralhome", "/api/funeral/fee-claims", FuneralBenefitsProcessTest.claimForm(notEntitled, 400, 0, 0, 0));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("detail").asText()).contains("不属于惠民殡葬减免对象");
        assertThat(http.post("clerk.yuecun", "/api/funeral/fee-claims", FuneralBenefitsProcessTest.claimForm(id, 1, 0, 0, 0))
                .status()).isBetween(400, 499);
        assertThat(count()).isEqualTo(before);

        JsonNode tasks = http.get("reviewer.yuecun", "/engine-rest/task?processInstanceId=" + claim.get("processInstanceId").asText()
                + "&taskDefinitionKey=" + FeeWaiverProcess.TASK_VERIFY).json();
        assertThat(tasks).hasSize(1);
        String task = tasks.get(0).get("id").asText();
        var noReason = http.submitTaskForm("reviewer.yuecun", task, Map.of("verifyDecision", "REFUSE"));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("message").asText()).contains("不予减免须写明理由");
        assertThat(http.submitTaskForm("reviewer.yuecun", task, Map.of("verifyDecision", "VERIFY")).status()).isEqualTo(204);

        assertThat(http.get("funeralhome", "/api/funeral/fee-claims").json())
                .anySatisfy(c -> {
                    assertThat(c.get("id").asLong()).isEqualTo(claimId);
                    assertThat(c.get("status").asText()).isEqualTo("VERIFIED");
                    assertThat(c.get("settlementMonth").asText()).isEqualTo(YearMonth.from(EngineClock.today()).toString());
                });
        assertThat(http.get("clerk.yuecun", "/api/funeral/fee-claims").json())
                .anySatisfy(c -> assertThat(c.get("id").asLong()).isEqualTo(claimId));
        assertThat(http.get("clerk.renqiu", "/api/funeral/fee-claims").json())
                .noneSatisfy(c -> assertThat(c.get("id").asLong()).isEqualTo(claimId));

        var thisMonth = http.post("finance", "/api/funeral/settlements",
                Map.of("settlementMonth", YearMonth.from(EngineClock.today()).toString()));
        assertThat(thisMonth.status()).isEqualTo(400);
        assertThat(thisMonth.json().get("detail").asText()).contains("只能结算已结束的月份");
        assertThat(http.get("clerk.yuecun", "/api/funeral/settlements").status()).isEqualTo(403);
        assertThat(http.get("finance", "/api/funeral/settlements").status()).isEqualTo(200);

        // the 殡葬 figures of the township and month: two more deaths, both cremated, 1450.00 more waived, none settled
        JsonNode figures = yuecunThisMonth();
        assertThat(figures.get("deaths").asLong()).isEqualTo(figuresBefore.path("deaths").asLong() + 2);
        assertThat(figures.get("cremations").asLong()).isEqualTo(figuresBefore.path("cremations").asLong() + 2);
        assertThat(new BigDecimal(figures.get("waivedAmount").asText()))
                .isEqualByComparingTo(new BigDecimal(figuresBefore.path("waivedAmount").asText("0")).add(new BigDecimal("1450.00")));
        assertThat(new BigDecimal(figures.get("settledAmount").asText()))
                .isEqualByComparingTo(new BigDecimal(figuresBefore.path("settledAmount").asText("0")));
        assertThat(http.get("clerk.renqiu", "/api/funeral/figures?year=" + EngineClock.today().getYear()).json())
                .noneSatisfy(f -> assertThat(f.get("townshipCode").asText()).isEqualTo("yuecun"));
    }

    private JsonNode yuecunThisMonth() {
        JsonNode all = http.get("clerk.yuecun", "/api/funeral/figures?year=" + EngineClock.today().getYear()).json();
        for (JsonNode f : all) {
            if (f.get("townshipCode").asText().equals("yuecun")
                    && f.get("month").asText().equals(YearMonth.from(EngineClock.today()).toString())) {
                return f;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    @Test
    void aClerkTakesAnEcoBurialApplicationOverTheApiAndASecondIsRefused() {
        List<String> family = FuneralPeople.household(households, List.of("岳接口花葬", "岳接口女"),
                List.of(LocalDate.of(1939, 1, 2), LocalDate.of(1968, 3, 4)));
        confirmDeath(family.get(0), BurialKind.FLOWER);
        Map<String, Object> form = FuneralBenefitsProcessTest.rewardForm(family.get(0), family.get(1), EngineClock.today());
        var created = http.post("clerk.yuecun", "/api/funeral/eco-burial-rewards", form);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(new BigDecimal(created.json().get("amount").asText())).isEqualByComparingTo("1000.00");
        var again = http.submitStartForm("clerk.yuecun", EcoBurialProcess.KEY, form);
        assertThat(again.status()).isIn(400, 409);
        assertThat(again.json().get("message").asText()).contains("每位死者只奖补一次");
        assertThat(http.get("clerk.yuecun", "/api/funeral/eco-burial-rewards").json())
                .anySatisfy(r -> assertThat(r.get("payeeName").asText()).isEqualTo("岳接口女"));
        assertThat(http.get("clerk.renqiu", "/api/funeral/eco-burial-rewards").json())
                .noneSatisfy(r -> assertThat(r.get("payeeName").asText()).isEqualTo("岳接口女"));
    }

    /** Died today, confirmed and cremated; in 特困 in the month of death when {@code tekun}. */
    private String deceased(String name, boolean tekun, BurialKind burial) {
        String id = FuneralPeople.resident(households, name, LocalDate.of(1942, 4, 4));
        if (tekun) {
            var person = deaths.person(id).orElseThrow();
            enrolments.mirror(new ProgramCase(Program.TEKUN, ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L),
                    person.householdId(), id, person.townshipCode(), EnrolmentStatus.ENDED, new BigDecimal("600.00"),
                    YearMonth.from(EngineClock.today()).minusYears(2).toString(), null), "test", "测试");
        }
        confirmDeath(id, burial);
        return id;
    }

    private void confirmDeath(String id, BurialKind burial) {
        var person = deaths.person(id).orElseThrow();
        long record = deaths.register(new DeathRegistrationRepository.Registration(id, person, EngineClock.today(),
                "中原区殡仪馆", DeathSource.FUNERAL_HOME, "火化证明第0002号", true, burial), EngineClock.today().getYear(),
                null, "clerk.yuecun");
        deaths.confirm(record, "reviewer.yuecun", null);
    }

    private long count() {
        return jdbc.sql("select count(*) from funeral_fee_claim").query(Long.class).single();
    }
}
