package cn.minzheng.bureau.community.reorganisation;

import static cn.minzheng.bureau.community.reorganisation.CommunityReorganisationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.reset;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import cn.minzheng.bureau.audit.AuditTrail;
import cn.minzheng.bureau.demo.DemoReorganisation;
import cn.minzheng.bureau.demo.DibaoWalker;
import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.dibao.application.DibaoApplicationProcess;
import cn.minzheng.bureau.region.Region;
import cn.minzheng.bureau.region.RegionKind;
import cn.minzheng.bureau.region.RegionRepository;
import cn.minzheng.bureau.support.FreshPeriods;
import cn.minzheng.bureau.support.Http;
import cn.minzheng.bureau.support.TestApplications;

/**
 * A seed-like reorganisation on the real database (H2 or PostgreSQL): two communities merged, one handed
 * over to another street office, one split household by household, one created. Households, open cases,
 * open tasks (低保 and committee work) move; afterwards every household and open task has exactly one
 * current community and a responsible group, paid history is as it was, a failure halfway leaves nothing,
 * and applying again does nothing.
 */
// A context of its own (the spy); it seeds no demo applications, so the suite's shared context still seeds
// them itself and counts that work in its own engine metrics.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "bureau.demo-data.applications=false")
class CommunityReorganisationIntegrationTest {

    static final String COMMITTEE_PROCESS = "test-committee-work";

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    DibaoWalker walker;
    @Autowired
    RegionRepository regions;
    @Autowired
    CommunityReorganisationService service;
    @Autowired
    CommunityReorganisationRepository plans;
    @Autowired
    JdbcClient jdbc;
    @MockitoSpyBean
    AuditTrail audit;

    @Test
    void aSeedLikePlanMovesEverythingAndOrphansNothing() {
        // fresh communities, so the shared regions of other tests stay as they are
        String p = "t" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36);
        String a = p + "-jingdong", b = p + "-yongle", c = p + "-youtian", d = p + "-nanjiang";
        String d1 = p + "-nanjiang-dong", d2 = p + "-nanjiang-xi", created = p + "-xinyuan";
        regions.insert(new Region(a, "京东社区（测试）", RegionKind.COMMUNITY, "renqiu"), LocalDate.now());
        regions.insert(new Region(b, "永乐社区（测试）", RegionKind.COMMUNITY, "renqiu"), LocalDate.now());
        regions.insert(new Region(c, "油田社区（测试）", RegionKind.COMMUNITY, "zhongyuan"), LocalDate.now());
        regions.insert(new Region(d, "南江社区（测试）", RegionKind.COMMUNITY, "zhongyuan"), LocalDate.now());

        // households with open work in every community concerned
        DibaoCase atAcceptanceInB = walker.submit("clerk.renqiu", TestApplications.household("renqiu", b, "ORDINARY", 2, "300"));
        DibaoCase atSurveyInC = walker.submit("clerk.zhongyuan", TestApplications.household("zhongyuan", c, "ORDINARY", 3, "200"));
        walker.accept("clerk.zhongyuan", atSurveyInC);
        DibaoCase atReviewInD = walker.submit("clerk.zhongyuan", TestApplications.household("zhongyuan", d, "ORDINARY", 1, "100"));
        walker.accept("clerk.zhongyuan", atReviewInD);
        walker.survey("clerk.zhongyuan", atReviewInD, Map.of());
        DibaoCase activeInC = activeCase("zhongyuan", c);
        DibaoCase activeInD = activeCase("zhongyuan", d);
        long paymentId = paidLastMonth(activeInC);
        String paidBefore = paymentRow(paymentId);
        String committeeInstance = committeeWork(b);
        String standaloneTask = standaloneCommitteeTask(d);
        List<DibaoCase> seeded = List.of(atAcceptanceInB, atSurveyInC, atReviewInD, activeInC, activeInD);

        String plan = """
                {"title": "社区调整（测试）", "steps": [
                  {"kind": "MERGE", "sources": ["%s", "%s"], "code": "%s"},
                  {"kind": "HAND_OVER", "code": "%s", "township": "renqiu"},
                  {"kind": "SPLIT", "code": "%s", "parts": [{"code": "%s", "name": "南江东社区（测试）"}, {"code": "%s", "name": "南江西社区（测试）"}],
                   "households": {"%d": "%s"}, "rest": "%s"},
                  {"kind": "CREATE", "code": "%s", "name": "新苑社区（测试）", "township": "zhongyuan"}]}"""
                .formatted(b, a, a, c, d, d1, d2, atReviewInD.householdId(), d1, d2, created);

        Http http = new Http(port);
        assertThat(http.post("clerk.renqiu", "/api/reorganisations", plan).status()).isEqualTo(403);
        Http.Response drafted = http.post("community", "/api/reorganisations", plan);
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
        long planId = drafted.json().at("/id").asLong();
        String instance = drafted.json().at("/processInstanceId").asText();
        complete("community", instance, TASK_DRAFT, Map.of(VAR_DRAFT_DECISION, SUBMIT, VAR_PLAN_JSON, plan));
        complete("reviewer.renqiu", instance, TASK_REVIEW_BY_TOWNSHIP, Map.of(VAR_REVIEW_DECISION, AGREE));
        complete("reviewer.zhongyuan", instance, TASK_REVIEW_BY_TOWNSHIP, Map.of(VAR_REVIEW_DECISION, AGREE));

        // a failure at the very last write of the apply step: nothing at all has moved
        Map<Long, String> householdsBefore = households(seeded);
        Map<String, Set<String>> groupsBefore = openTaskGroups(seeded, committeeInstance, standaloneTask);
        doThrow(new IllegalStateException("simulated failure")).when(audit)
                .record(eq("REORG_PLAN"), anyLong(), isNull(), isNull(), eq("APPLIED"), any(), any(), any(), any());
        assertThatThrownBy(() -> complete("approver", instance, TASK_APPROVE_BY_DISTRICT, Map.of(VAR_APPROVAL_DECISION, APPROVE)))
                .hasStackTraceContaining("simulated failure");
        reset(audit);
        assertThat(households(seeded)).isEqualTo(householdsBefore);
        assertThat(openTaskGroups(seeded, committeeInstance, standaloneTask)).isEqualTo(groupsBefore);
        assertThat(regions.findCurrent(b)).isPresent();
        assertThat(regions.exists(created)).isFalse();
        assertThat(plans.changes(planId)).isEmpty();
        assertThat(engine.getRuntimeService().getVariable(committeeInstance, "communityCode")).isEqualTo(b);
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance).taskDefinitionKey(TASK_APPROVE_BY_DISTRICT).count())
                .isEqualTo(1);

        complete("approver", instance, TASK_APPROVE_BY_DISTRICT, Map.of(VAR_APPROVAL_DECISION, APPROVE));
        assertThat(plans.find(planId).orElseThrow().status()).isEqualTo("APPLIED");

        // regions: B closed into A, C under renqiu, D split, the new one current
        assertThat(regions.findCurrent(b)).isEmpty();
        assertThat(regions.findCurrent(d)).isEmpty();
        assertThat(regions.findCurrent(c).orElseThrow().parentCode()).isEqualTo("renqiu");
        assertThat(regions.findCurrent(created).orElseThrow().parentCode()).isEqualTo("zhongyuan");
        assertThat(regions.children("zhongyuan")).extracting(Region::code).contains(d1, d2, created).doesNotContain(c, d);

        // every household: exactly one current community, whose township is the household's township
        Map<Long, String> after = households(seeded);
        assertThat(after.get(atAcceptanceInB.householdId())).isEqualTo("renqiu/" + a);
        assertThat(after.get(atSurveyInC.householdId())).isEqualTo("renqiu/" + c);
        assertThat(after.get(activeInC.householdId())).isEqualTo("renqiu/" + c);
        assertThat(after.get(atReviewInD.householdId())).isEqualTo("zhongyuan/" + d1);
        assertThat(after.get(activeInD.householdId())).isEqualTo("zhongyuan/" + d2);
        for (DibaoCase seededCase : seeded) {
            assertThat(jdbc.sql("""
                    select count(*) from household h join region r on r.code = h.community_code and r.valid_to is null
                    and r.parent_code = h.township_code where h.id = ?""").param(seededCase.householdId()).query(Long.class).single())
                    .as("household %d has one current community in its township", seededCase.householdId()).isEqualTo(1);
            assertThat(jdbc.sql("select township_code from dibao_case where id = ?").param(seededCase.id()).query(String.class).single())
                    .isEqualTo(after.get(seededCase.householdId()).split("/")[0]);
        }
        assertThat(jdbc.sql("select count(*) from household where community_code in (?, ?)").params(b, d).query(Long.class).single())
                .as("no household left in a closed community").isZero();

        // every open task: a candidate group of its household's current township, or of its community's committee
        for (DibaoCase seededCase : seeded) {
            String township = after.get(seededCase.householdId()).split("/")[0];
            for (Task task : openTasks(seededCase.processInstanceId())) {
                Set<String> groups = candidateGroups(task.getId());
                assertThat(groups).as("groups of %s", task.getName()).hasSize(1)
                        .allMatch(g -> g.equals("clerk-" + township) || g.equals("reviewer-" + township));
                assertThat(groups).allMatch(g -> engine.getIdentityService().createGroupQuery().groupId(g).count() == 1);
            }
        }
        Task committeeTask = openTasks(committeeInstance).get(0);
        assertThat(candidateGroups(committeeTask.getId())).containsExactly("committee-" + a);
        assertThat(engine.getRuntimeService().getVariable(committeeInstance, "communityCode")).isEqualTo(a);
        assertThat(candidateGroups(standaloneTask)).containsExactly("committee-" + d2);
        assertThat(engine.getIdentityService().createGroupQuery().groupId("committee-" + d2).count()).isEqualTo(1);
        assertThat(engine.getIdentityService().createGroupQuery().groupId("committee-" + created).count()).isEqualTo(1);

        // the township staff see what moved to them, and only that
        assertThat(visibleTo("clerk.renqiu", atSurveyInC.processInstanceId())).isEqualTo(1);
        assertThat(visibleTo("clerk.zhongyuan", atSurveyInC.processInstanceId())).isZero();
        assertThat(visibleTo("reviewer.zhongyuan", atReviewInD.processInstanceId())).isEqualTo(1);

        // later tasks go to the new groups too
        walker.survey("clerk.renqiu", atSurveyInC, Map.of());
        Task review = openTasks(atSurveyInC.processInstanceId()).get(0);
        assertThat(review.getTaskDefinitionKey()).isEqualTo(DibaoApplicationProcess.TASK_REVIEW_BY_TOWNSHIP);
        assertThat(candidateGroups(review.getId())).containsExactly("reviewer-renqiu");
        engine.getTaskService().complete(committeeTask.getId());
        assertThat(candidateGroups(openTasks(committeeInstance).get(0).getId())).containsExactly("committee-" + a);

        // paid history stays where it was paid
        assertThat(paymentRow(paymentId)).isEqualTo(paidBefore).contains("zhongyuan");

        // the record of before and after, over REST
        Http.Response shown = http.get("approver", "/api/reorganisations/" + planId);
        assertThat(shown.status()).as(shown.body()).isEqualTo(200);
        assertThat(shown.json().at("/status").asText()).isEqualTo("APPLIED");
        assertThat(shown.json().at("/changes/HOUSEHOLD").size()).isEqualTo(5);
        assertThat(shown.json().at("/changes/CASE").size()).as("the cases whose township changed").isEqualTo(2);
        assertThat(shown.json().at("/changes/TASK").size()).as("survey in C, committee work, standalone committee task").isEqualTo(3);
        assertThat(http.get("clerk.renqiu", "/api/reorganisations/" + planId).status()).isEqualTo(403);

        // applying again does nothing; a closed community takes no new household
        int changes = plans.changes(planId).size();
        assertThat(service.apply(planId, "approver").alreadyApplied()).isTrue();
        assertThat(plans.changes(planId)).hasSize(changes);
        assertThatThrownBy(() -> walker.submit("clerk.renqiu", TestApplications.household("renqiu", b, "ORDINARY", 1, "100")))
                .hasMessageContaining("已撤并");
    }

    @Test
    void theDemoPlansFitTheDistrictsRegions() {
        assertThat(service.resolve(CommunityReorganisationService.parse(DemoReorganisation.IN_REVIEW)).townshipsConcerned())
                .containsExactlyInAnyOrder("renqiu", "zhongyuan");
        assertThat(service.resolve(CommunityReorganisationService.parse(DemoReorganisation.DRAFT)).summary())
                .containsExactly("第1项（更名）：金华社区更名为金华苑社区");
    }

    private DibaoCase activeCase(String township, String community) {
        DibaoCase dibaoCase = walker.submit("clerk." + township, TestApplications.household(township, community, "ORDINARY", 2, "300"));
        walker.accept("clerk." + township, dibaoCase);
        walker.survey("clerk." + township, dibaoCase, Map.of());
        walker.reviewByTownship("reviewer." + township, dibaoCase, DibaoApplicationProcess.APPROVE, "同意");
        walker.endNotice(dibaoCase);
        walker.approveByDistrict("approver", dibaoCase, DibaoApplicationProcess.APPROVE, "同意");
        return dibaoCase;
    }

    /** A payment already issued for the case, frozen with the township it was paid in. */
    private long paidLastMonth(DibaoCase dibaoCase) {
        YearMonth month = FreshPeriods.monthBetween(1, 11);
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("insert into payroll (payroll_month, status, created_at, updated_at) values (?, 'ISSUED', ?, ?)")
                .params(month.toString(), now, now).update();
        long payrollId = jdbc.sql("select id from payroll where payroll_month = ?").param(month.toString()).query(Long.class).single();
        jdbc.sql("""
                insert into payment (payroll_id, case_id, benefit_month, household_id, township_code, payee_name, payee_id_number,
                    bank_name, bank_account, people_count, amount, status, issued_at, created_at, enrolment_id)
                values (?, ?, ?, ?, 'zhongyuan', '测试户主', '410322194001010011', '中国农业银行', '6228480000000000001', 2, ?, 'ISSUED', ?, ?,
                    (select e.id from enrolment e where e.program_code = 'DIBAO' and e.program_case_id = ?))""")
                .params(payrollId, dibaoCase.id(), month.toString(), dibaoCase.householdId(), new BigDecimal("740.00"), now, now,
                        dibaoCase.id())
                .update();
        return jdbc.sql("select id from payment where payroll_id = ?").param(payrollId).query(Long.class).single();
    }

    private String paymentRow(long paymentId) {
        return jdbc.sql("select township_code, household_id, amount, status, benefit_month from payment where id = ?")
                .param(paymentId).query().singleRow().toString();
    }

    /** Work of a community's committee in another process (as the mediation process offers it): two tasks in a row. */
    private String committeeWork(String community) {
        BpmnModelInstance model = Bpmn.createExecutableProcess(COMMITTEE_PROCESS).name("居委会工作（测试）")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask("Task_First").name("调解").camundaCandidateGroups("committee-${communityCode}")
                .userTask("Task_Second").name("回访").camundaCandidateGroups("committee-${communityCode}")
                .endEvent().done();
        engine.getRepositoryService().createDeployment().name(COMMITTEE_PROCESS).enableDuplicateFiltering(true)
                .addModelInstance(COMMITTEE_PROCESS + ".bpmn", model).deploy();
        return engine.getRuntimeService().startProcessInstanceByKey(COMMITTEE_PROCESS, Map.of("communityCode", community)).getId();
    }

    private String standaloneCommitteeTask(String community) {
        Task task = engine.getTaskService().newTask();
        task.setName("居民来访登记（测试）");
        engine.getTaskService().saveTask(task);
        engine.getTaskService().addCandidateGroup(task.getId(), "committee-" + community);
        return task.getId();
    }

    private Map<Long, String> households(List<DibaoCase> cases) {
        Map<Long, String> result = new HashMap<>();
        for (DibaoCase dibaoCase : cases) {
            Map<String, Object> row = jdbc.sql("select township_code, community_code from household where id = ?")
                    .param(dibaoCase.householdId()).query().singleRow();
            result.put(dibaoCase.householdId(), row.get("township_code") + "/" + row.get("community_code"));
        }
        return result;
    }

    private Map<String, Set<String>> openTaskGroups(List<DibaoCase> cases, String committeeInstance, String standaloneTask) {
        Map<String, Set<String>> result = new HashMap<>();
        List<String> instances = new ArrayList<>(cases.stream().map(DibaoCase::processInstanceId).toList());
        instances.add(committeeInstance);
        for (String instance : instances) {
            for (Task task : openTasks(instance)) {
                result.put(task.getId(), candidateGroups(task.getId()));
            }
        }
        result.put(standaloneTask, candidateGroups(standaloneTask));
        return result;
    }

    private List<Task> openTasks(String processInstanceId) {
        return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).list();
    }

    private Set<String> candidateGroups(String taskId) {
        Set<String> groups = new TreeSet<>();
        for (IdentityLink link : engine.getTaskService().getIdentityLinksForTask(taskId)) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                groups.add(link.getGroupId());
            }
        }
        return groups;
    }

    private long visibleTo(String user, String processInstanceId) {
        return walker.as(user, () -> engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).count());
    }

    private void complete(String user, String instance, String taskKey, Map<String, Object> variables) {
        walker.as(user, () -> {
            List<Task> found = engine.getTaskService().createTaskQuery().processInstanceId(instance).taskDefinitionKey(taskKey).list();
            assertThat(found).as(user + " sees " + taskKey).hasSize(1);
            engine.getTaskService().claim(found.get(0).getId(), user);
            engine.getTaskService().complete(found.get(0).getId(), variables);
            return null;
        });
    }
}
