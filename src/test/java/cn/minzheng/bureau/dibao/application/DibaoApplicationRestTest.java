package cn.minzheng.bureau.dibao.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import cn.minzheng.bureau.dibao.verification.EconomicStatusWorker;
import cn.minzheng.bureau.household.HouseholdForm.MemberForm;
import cn.minzheng.bureau.support.Http;
import cn.minzheng.bureau.support.TestApplications;

/**
 * The whole application over HTTP, as the demo users use it: the project's REST API to apply, the
 * engine REST API (what Tasklist calls) to work the tasks, ending in an active case.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DibaoApplicationRestTest {

    @Autowired
    EconomicStatusWorker worker;
    @LocalServerPort
    int port;
    @Autowired
    org.camunda.bpm.engine.ProcessEngine engine;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.camunda.bpm.engine.AuthorizationService authorizationService;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void anApplicationWalksThroughEveryLevelToAnActiveCase() {
        // urban (任丘办) elderly: standard 730 + addition 50; 2 people, head pension 500 => per capita 250;
        // (730 - 250) x 2 + 50 = 1010
        var form = TestApplications.household("renqiu", "renqiu-yongle", "ELDERLY", 2, "0");
        var members = List.of(
                new MemberForm("钱老汉", TestApplications.idNumber(true), "HEAD", "RETIRED", "NONE",
                        List.of(new cn.minzheng.bureau.household.HouseholdForm.IncomeForm("PENSION", "500"))),
                form.household().members().get(1));
        var response = http.post("clerk.renqiu", "/api/dibao/applications", TestApplications.withMembers(form, members));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        long caseId = response.json().get("caseId").asLong();
        String instance = response.json().get("processInstanceId").asText();
        assertThat(response.json().get("status").asText()).isEqualTo("APPLIED");

        // another township's clerk sees neither the case nor its task
        assertThat(http.get("clerk.mengke", "/api/dibao/cases/" + caseId).status()).isEqualTo(404);
        assertThat(http.get("clerk.mengke", "/engine-rest/task?processInstanceId=" + instance).json()).isEmpty();

        String accept = taskId("clerk.renqiu", instance, "Task_AcceptApplication");
        assertThat(http.get("clerk.renqiu", "/engine-rest/task/" + accept + "/deployed-form").json().get("id").asText())
                .isEqualTo("dibao-accept");
        var missing = submit("clerk.renqiu", accept, Map.of());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("message").asText()).isEqualTo("请选择受理决定（受理或退回补正）");
        assertThat(submit("clerk.mengke", accept, Map.of("acceptDecision", "ACCEPT", "economicCheckAuthorised", true))
                .status()).isIn(403, 404);
        // accepted without the applicant's written authorisation of the economic-status check: refused, nothing written
        var unauthorised = submit("clerk.renqiu", accept, Map.of("acceptDecision", "ACCEPT"));
        assertThat(unauthorised.status()).isEqualTo(400);
        assertThat(unauthorised.json().get("message").asText()).contains("核对授权书");
        assertThat(jdbc.sql("select count(*) from dibao_economic_check where case_id = ?").param(caseId)
                .query(Long.class).single()).isZero();
        assertThat(submit("clerk.renqiu", accept, Map.of("acceptDecision", "ACCEPT", "economicCheckAuthorised", true))
                .status()).isEqualTo(204);
        // the in-application worker runs the check (its polling is off in tests)
        assertThat(worker.runFor(caseId)).isTrue();

        String survey = taskId("clerk.renqiu", instance, "Task_SurveyHousehold");
        var surveyAnswers = Map.<String, Object>of("assetsFinding", "无房产车辆", "incomeFinding", "仅养老金",
                "employmentFinding", "均已退休或无业", "utilitiesMonthlyVerified", 96.5, "hiddenIncomeMonthly", 0,
                "homeVisitDone", true, "surveyConclusion", "属实", "secondInvestigator", "孙立群");
        assertThat(submit("clerk.renqiu", survey, surveyAnswers).status()).isEqualTo(204);

        String review = taskId("reviewer.renqiu", instance, "Task_ReviewByTownship");
        assertThat(http.get("reviewer.renqiu", "/engine-rest/task/" + review + "/variables/monthlyAmount")
                .json().get("value").asText()).isEqualTo("1010.00");
        assertThat(submit("clerk.renqiu", review, Map.of("reviewDecision", "APPROVE")).status()).isIn(403, 404);
        assertThat(submit("reviewer.renqiu", review, Map.of("reviewDecision", "APPROVE", "reviewComment", "同意"))
                .status()).isEqualTo(204);

        // the public notice runs out: the process manager fires the timer, but cannot approve
        // (besides the public notice, the 30 working days of the whole procedure are running, and the 3 working days
        // for the survey's start, whose timer fires although the survey started: it then reports nothing)
        assertThat(http.get("procmgr", "/engine-rest/job?timers=true&processInstanceId=" + instance).json()).hasSize(3);
        JsonNode timers = http.get("procmgr", "/engine-rest/job?timers=true&activityId=BoundaryEvent_NoticePeriodOver"
                + "&processInstanceId=" + instance).json();
        assertThat(timers).hasSize(1);
        assertThat(http.post("procmgr", "/engine-rest/job/" + timers.get(0).get("id").asText() + "/execute", "{}")
                .status()).isEqualTo(204);
        String approval = taskId("approver", instance, "Task_ApproveByDistrict");
        // the approver works on it through a task-level TASK_WORK grant and reads it through the global READ
        var taskGrant = authorizationService.createAuthorizationQuery().groupIdIn("district-approver")
                .resourceType(org.camunda.bpm.engine.authorization.Resources.TASK).resourceId(approval).singleResult();
        assertThat(taskGrant.isPermissionGranted(org.camunda.bpm.engine.authorization.TaskPermissions.TASK_WORK)).isTrue();
        assertThat(taskGrant.isPermissionGranted(org.camunda.bpm.engine.authorization.Permissions.UPDATE)).isFalse();
        assertThat(taskGrant.isPermissionGranted(org.camunda.bpm.engine.authorization.Permissions.READ)).isFalse();
        assertThat(submit("procmgr", approval, Map.of("approvalDecision", "APPROVE")).status()).isIn(403, 404);
        assertThat(submit("approver", approval, Map.of("approvalDecision", "APPROVE", "approvalComment", "同意"))
                .status()).isEqualTo(204);

        JsonNode approved = http.get("clerk.renqiu", "/api/dibao/cases/" + caseId).json();
        assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.get("monthlyAmount").decimalValue()).isEqualByComparingTo("1010.00");
        assertThat(approved.get("perCapitaIncome").decimalValue()).isEqualByComparingTo("250.00");
        assertThat(approved.get("history")).extracting(h -> h.get("status").asText())
                .containsExactly("APPLIED", "UNDER_SURVEY", "UNDER_REVIEW", "IN_NOTICE", "UNDER_REVIEW", "APPROVED");
        assertThat(approved.get("decisions")).extracting(d -> d.get("by").asText())
                .containsExactly("clerk.renqiu", "reviewer.renqiu", "approver");

        // the audit trail: who, when, what, why, before and after; only for those who may see the case
        JsonNode audit = http.get("approver", "/api/dibao/cases/" + caseId + "/audit").json();
        assertThat(audit).extracting(e -> e.get("action").asText())
                .contains("CREATED", "STATUS_CHANGED", "CALCULATED", "DECIDED", "START_MONTH_SET");
        JsonNode approvedEvent = java.util.stream.StreamSupport.stream(audit.spliterator(), false)
                .filter(e -> e.get("action").asText().equals("STATUS_CHANGED")
                        && e.get("afterState").asText().contains("APPROVED"))
                .findFirst().orElseThrow();
        assertThat(approvedEvent.get("actor").asText()).isEqualTo("approver");
        assertThat(approvedEvent.get("beforeState").asText()).contains("UNDER_REVIEW");
        assertThat(approvedEvent.get("occurredAt").asText()).isNotBlank();
        assertThat(audit).anySatisfy(e -> {
            assertThat(e.get("action").asText()).isEqualTo("CALCULATED");
            assertThat(e.get("afterState").asText()).contains("1010.00");
        });
        assertThat(http.get("clerk.mengke", "/api/dibao/cases/" + caseId + "/audit").status()).isEqualTo(404);
        long householdId = approved.get("householdId").asLong();
        JsonNode householdAudit = http.get("clerk.renqiu", "/api/households/" + householdId + "/audit").json();
        assertThat(householdAudit.get(0).get("entityType").asText()).isEqualTo("HOUSEHOLD");
        assertThat(householdAudit.get(0).get("afterState").asText()).doesNotContain(members.get(0).idNumber());
        assertThat(http.get("clerk.mengke", "/api/households/" + householdId + "/audit").status()).isEqualTo(404);
    }

    @Test
    void tasklistStartFormSubmissionRegistersAnApplication() {
        String head = TestApplications.idNumber(false);
        var response = http.post("clerk.yuecun", "/engine-rest/process-definition/key/dibao-application/submit-form",
                Map.of("variables", startForm(head)));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        String instance = response.json().get("id").asText();
        assertThat(response.json().get("businessKey").asText()).startsWith("DB");
        assertThat(taskId("clerk.yuecun", instance, "Task_AcceptApplication")).isNotNull();
        assertThat(jdbc.sql("select count(*) from household_member where id_number = ?").param(head)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void badInputIsRefusedInChineseAndNothingIsStored() {
        String valid = TestApplications.idNumber(true);
        String wrongCheck = valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0');
        long households = households();

        var startForm = http.post("clerk.yuecun", "/engine-rest/process-definition/key/dibao-application/submit-form",
                Map.of("variables", startForm(wrongCheck)));
        assertThat(startForm.status()).isEqualTo(400);
        assertThat(startForm.json().get("message").asText()).contains("校验位错误");

        var form = TestApplications.yuecunHousehold(1, "100");
        var member = form.household().members().get(0);
        var badMember = new MemberForm(member.name(), wrongCheck, member.relation(), member.employmentStatus(),
                member.disabilityLevel(), List.of(new cn.minzheng.bureau.household.HouseholdForm.IncomeForm("WAGE", "-5")));
        var api = http.post("clerk.yuecun", "/api/dibao/applications", TestApplications.withMembers(form, List.of(badMember)));
        assertThat(api.status()).isEqualTo(400);
        assertThat(api.json().get("code").asText()).isEqualTo("INVALID_APPLICATION");
        assertThat(api.json().get("detail").asText()).contains("校验位错误").contains("不能为负数");

        assertThat(http.post("clerk.yuecun", "/api/dibao/applications", "{not json").json().get("code").asText())
                .isEqualTo("MALFORMED_REQUEST");
        var otherTownship = http.post("clerk.yuecun", "/api/dibao/applications",
                TestApplications.household("mengke", "mengke-mengke", "ORDINARY", 1, "100"));
        assertThat(otherTownship.status()).isEqualTo(403);
        assertThat(households()).isEqualTo(households);
    }

    @Test
    void anonymousRequestsAreRefused() {
        assertThat(http.get(null, "/engine-rest/task").status()).isEqualTo(401);
        assertThat(http.get(null, "/api/dibao/cases/1").status()).isEqualTo(401);
        assertThat(http.post(null, "/api/dibao/applications", "{}").status()).isEqualTo(401);
    }

    @Test
    void demoUsersFindTheirTaskListsFilled() throws InterruptedException {
        for (String user : List.of("clerk.yuecun", "reviewer.yuecun", "clerk.zhongyuan", "reviewer.zhongyuan",
                "approver", "finance", "teamlead", "reliefhead", "community")) {
            JsonNode filters = http.get(user, "/engine-rest/filter?resourceType=Task").json();
            assertThat(filters).extracting(f -> f.get("name").asText()).contains("我的任务", "三日内到期");
            // finance's payroll check appears once the payroll's computation job has run
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (http.get(user, "/engine-rest/task").json().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(250);
            }
            assertThat(http.get(user, "/engine-rest/task").json()).as(user).isNotEmpty();
        }
    }

    private Map<String, Object> startForm(String headId) {
        String members = """
                [{"name":"刘小芳","idNumber":"%s","relation":"HEAD","employmentStatus":"UNEMPLOYED",
                  "disabilityLevel":"NONE","transferIncome":120}]""".formatted(headId);
        return Map.ofEntries(
                Map.entry("townshipCode", typed("yuecun", "String")),
                Map.entry("communityCode", typed("yuecun-xiyue", "String")),
                Map.entry("address", typed("西岳村3号", "String")),
                Map.entry("caseCategory", typed("ORDINARY", "String")),
                Map.entry("bankName", typed("农村信用社", "String")),
                Map.entry("bankAccount", typed("622991234567890123", "String")),
                Map.entry("waterMonthly", typed(15, "Long")),
                Map.entry("electricityMonthly", typed(32.6, "Double")),
                Map.entry("relatedToStaff", typed(false, "Boolean")),
                Map.entry("members", typed(members, "Json")));
    }

    private static Map<String, Object> typed(Object value, String type) {
        return Map.of("value", value, "type", type);
    }

    private String taskId(String user, String instance, String key) {
        JsonNode tasks = http.get(user, "/engine-rest/task?processInstanceId=" + instance + "&taskDefinitionKey=" + key).json();
        assertThat(tasks).as("%s sees %s", user, key).hasSize(1);
        return tasks.get(0).get("id").asText();
    }

    /** As Tasklist submits a Camunda Form: untyped values, the engine infers the types. */
    private Http.Response submit(String user, String taskId, Map<String, Object> values) {
        Map<String, Object> variables = new java.util.HashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        return http.post(user, "/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", variables));
    }

    private long households() {
        return jdbc.sql("select count(*) from household").query(Long.class).single();
    }
}
