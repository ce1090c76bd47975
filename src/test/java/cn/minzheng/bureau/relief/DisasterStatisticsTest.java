package cn.minzheng.bureau.relief;

import static cn.minzheng.bureau.relief.DisasterReliefProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.minzheng.bureau.support.WebappSession;

/**
 * A known year of disasters counted by hand: two hailstorms and a waterlogging, one household on all three
 * registers. The year's statistics take each disaster's latest report with numbers and count that household once
 * per kind and once for the year; the page shows them to district roles in hectares and hides them from a township.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DisasterStatisticsTest {

    /** A year no other test registers disasters in. */
    private static final int YEAR = 2015;

    @LocalServerPort
    int port;
    @Autowired
    DisasterWalker walker;
    @Autowired
    DisasterStatistics statistics;
    @Autowired
    ProcessEngine engine;

    @Test
    void eachDisastersLatestReportIsSummedByKindAndAHouseholdHitThreeTimesCountsOnce() {
        Map<String, Object> twiceHit = DisasterWalker.household("yuecun-dongyue", "SEVERELY_AFFECTED", "COLLAPSED", 2, 1000);
        Map<String, Object> once = DisasterWalker.household("yuecun-dongyue", "ORDINARY", "GENERAL", 1, 500);
        once.put("persons", 4);

        // hail 1: 初报 then 续报 (the 续报 counts), households twiceHit and once
        ProcessInstance hail = disaster("HAIL", LocalDateTime.of(YEAR, 5, 10, 14, 0));
        walker.report(hail, TASK_INITIAL_REPORT, indicators(100, 1, "300", "0", "9.9"));
        walker.report(hail, TASK_FOLLOW_UP_REPORT, Map.of(VAR_SITUATION_STABLE, true, "affectedPeople", 120L, "deaths", 0L,
                "cropAffectedMu", 450.0, "cropDamagedMu", 150.0, "directLoss", 12.5));
        walker.registerHouseholds("yuecun", hail, List.of(twiceHit, once), null);
        // hail 2: only the 初报; twiceHit again
        ProcessInstance hail2 = disaster("HAIL", LocalDateTime.of(YEAR, 6, 2, 16, 30));
        walker.report(hail2, TASK_INITIAL_REPORT, indicators(80, 0, "150", "30", "5.5"));
        walker.registerHouseholds("yuecun", hail2, List.of(copy(twiceHit)), null);
        // waterlogging: twiceHit a third time
        ProcessInstance water = disaster("WATERLOGGING", LocalDateTime.of(YEAR, 7, 20, 6, 0));
        walker.report(water, TASK_INITIAL_REPORT, indicators(60, 0, "90", "0", "3"));
        walker.registerHouseholds("yuecun", water, List.of(copy(twiceHit)), null);

        DisasterStatistics.YearTotals year = statistics.of(YEAR);
        assertThat(year.kinds()).extracting(k -> k.kind()).containsExactly(DisasterKind.HAIL, DisasterKind.WATERLOGGING);
        DisasterStatistics.KindTotals hailTotals = year.kinds().get(0);
        assertThat(hailTotals.disasters()).isEqualTo(2);
        // 120 (hail 1's 续报) + 80 (hail 2's 初报); deaths 0 + 0 (the 初报's 1 was corrected by the 续报)
        assertThat(hailTotals.indicators().affectedPeople()).isEqualTo(200);
        assertThat(hailTotals.indicators().deaths()).isZero();
        assertThat(hailTotals.indicators().cropAffectedMu()).isEqualByComparingTo("600.00");
        assertThat(hailTotals.indicators().cropAffectedHectares()).isEqualByComparingTo("40.00");
        assertThat(hailTotals.indicators().directLoss()).isEqualByComparingTo("18.00");
        // households: twiceHit (3 people) and once (4 people), each once
        assertThat(hailTotals.households()).isEqualTo(2);
        assertThat(hailTotals.persons()).isEqualTo(7);
        DisasterStatistics.KindTotals waterTotals = year.kinds().get(1);
        assertThat(waterTotals.households()).isEqualTo(1);
        assertThat(waterTotals.indicators().affectedPeople()).isEqualTo(60);
        // the year: 260 affected, still two households, 7 people
        assertThat(year.indicators().affectedPeople()).isEqualTo(260);
        assertThat(year.indicators().directLoss()).isEqualByComparingTo("21.00");
        assertThat(year.households()).isEqualTo(2);
        assertThat(year.persons()).isEqualTo(7);

        WebappSession head = new WebappSession(port);
        assertThat(head.login(DisasterWalker.HEAD, "demo").statusCode()).isEqualTo(200);
        String page = head.get("/ledger/relief/statistics?year=" + YEAR).body();
        assertThat(page).contains(YEAR + "年自然灾害情况统计", "冰雹", "内涝", "40.00", "全年合计", "21.00");
        WebappSession township = new WebappSession(port);
        assertThat(township.login("clerk.yuecun", "demo").statusCode()).isEqualTo(200);
        assertThat(township.get("/ledger/relief/statistics?year=" + YEAR).statusCode()).isEqualTo(404);
        assertThat(head.get("/ledger/relief/statistics?year=1999").statusCode()).isEqualTo(400);
    }

    /**
     * A disaster of that year: its 初报 is long overdue, so the job executor escalates it at once; the test waits
     * for that before working the disaster's tasks (completing the report while the timer fires would collide).
     */
    private ProcessInstance disaster(String kind, LocalDateTime occurredAt) {
        Map<String, Object> variables = new HashMap<>(DisasterWalker.startVariables(occurredAt, "yuecun-dongyue"));
        variables.put("disasterKind", kind);
        ProcessInstance instance = walker.start(variables);
        long deadline = System.currentTimeMillis() + 60_000;
        while (engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).executable().count() > 0) {
            assertThat(System.currentTimeMillis()).as("the overdue report's escalation ran").isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return instance;
    }

    private static Map<String, Object> indicators(long affected, long deaths, String cropMu, String lostMu, String loss) {
        return Map.of("affectedPeople", affected, "deaths", deaths, "cropAffectedMu", Double.parseDouble(cropMu),
                "cropDamagedMu", Double.parseDouble(cropMu), "cropLostMu", Double.parseDouble(lostMu),
                "directLoss", new BigDecimal(loss).doubleValue());
    }

    /** The same household (same head, same ID number) on another disaster's register. */
    private static Map<String, Object> copy(Map<String, Object> household) {
        return new HashMap<>(household);
    }
}
