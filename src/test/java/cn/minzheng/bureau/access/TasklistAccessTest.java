package cn.minzheng.bureau.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.minzheng.bureau.demo.DemoUsers;
import cn.minzheng.bureau.demo.DibaoWalker;
import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.household.HouseholdForm.IncomeForm;
import cn.minzheng.bureau.household.HouseholdForm.MemberForm;
import cn.minzheng.bureau.support.Http;
import cn.minzheng.bureau.support.TestApplications;

/**
 * What Tasklist asks the engine for, as each role: the filters of the role's work, the task cards with
 * their case variables (township staff could not read them), a case found by applicant or case number
 * (the criteria scripts/bureau-tasklist.js sends for text typed into the search box), people by name and
 * post, and the process manager's view of all open tasks for Cockpit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TasklistAccessTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MY_LEVEL = "本级待办（本乡镇 / 本岗位）";

    @LocalServerPort
    int port;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    IdentityService identityService;
    @Autowired
    StaffNames staffNames;
    @Autowired
    DibaoWalker walker;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void townshipStaffSeeTheCaseOnTheirTaskCardsButNotAnotherTownshipsCase() throws Exception {
        DibaoCase dibaoCase = walker.submit("clerk.yuecun", application("yuecun", "yuecun-dongyue", "岳卡片"));

        JsonNode card = card("clerk.yuecun", MY_LEVEL, dibaoCase.processInstanceId());
        assertThat(variables(card)).containsEntry("caseNumber", dibaoCase.caseNumber())
                .containsEntry("applicantName", "岳卡片").containsEntry("townshipName", "岳村乡");

        // the case's variables stay with its township
        assertThat(http.get("clerk.mengke", "/engine-rest/variable-instance?processInstanceIdIn="
                + dibaoCase.processInstanceId()).json()).isEmpty();
        assertThat(http.get("clerk.mengke", "/engine-rest/process-instance/" + dibaoCase.processInstanceId()
                + "/variables").status()).isIn(403, 404);
        assertThat(http.get("clerk.mengke", "/engine-rest/process-instance?processInstanceIds="
                + dibaoCase.processInstanceId()).json()).isEmpty();
    }

    @Test
    void eachRoleFindsTheFiltersOfItsWork() {
        assertThat(filterNames("clerk.yuecun")).containsExactly(MY_LEVEL, "我的任务", "三日内到期",
                "低保申请审批", "低保复核与核查", "救灾救济", "社区建设", "社会救助", "老龄工作", "优抚安置");
        assertThat(filterNames("reviewer.renqiu")).containsExactly(MY_LEVEL, "我的任务", "三日内到期",
                "低保申请审批", "低保复核与核查", "救灾救济", "社区建设", "社会救助", "老龄工作", "优抚安置");
        assertThat(filterNames("approver")).containsExactly(MY_LEVEL, "我的任务", "三日内到期",
                "低保申请审批", "低保复核与核查", "低保资金发放", "救灾救济", "社区建设", "社会救助", "老龄工作");
        assertThat(filterNames("finance")).containsExactly(MY_LEVEL, "我的任务", "三日内到期", "低保资金发放", "救灾救济");
        assertThat(filterNames("dibaohead")).containsExactly(MY_LEVEL, "我的任务", "三日内到期", "低保申请审批", "社会救助", "统计报表");
        assertThat(filterNames("statistician")).containsExactly(MY_LEVEL, "我的任务", "三日内到期", "统计报表");
        assertThat(filterNames("reliefhead")).containsExactly(MY_LEVEL, "我的任务", "三日内到期", "救灾救济");
        assertThat(filterNames("teamlead")).containsExactly(MY_LEVEL, "我的任务", "三日内到期", "低保申请审批", "低保复核与核查");
        assertThat(filterNames("committee.dongyue")).containsExactly(MY_LEVEL, "我的任务", "三日内到期", "社区建设");
        assertThat(filterNames("community")).containsExactly(MY_LEVEL, "我的任务", "三日内到期", "社区建设");
        assertThat(filterNames("orgclerk")).containsExactly(MY_LEVEL, "我的任务", "三日内到期", "民间组织登记");
        assertThat(filterNames("orghead")).containsExactly(MY_LEVEL, "我的任务", "三日内到期", "民间组织登记");
        assertThat(filterNames("youfu")).containsExactly(MY_LEVEL, "我的任务", "三日内到期", "优抚安置");
    }

    @Test
    void everyDemoUserFindsTodaysWorkWithTheCaseOnEachCard() throws Exception {
        for (DemoUsers.DemoUser user : DemoUsers.all()) {
            // the funeral home only starts claims (惠民殡葬); it has no task of its own
            if (List.of("procmgr", "admin", "funeralhome").contains(user.id())) {
                continue;
            }
            JsonNode tasks = list(user.id(), MY_LEVEL, "{}").path("_embedded").path("task");
            assertThat(tasks.size()).as("tasks of %s", user.id()).isPositive();
            for (JsonNode task : tasks) {
                assertThat(variables(task)).as("what the card of %s's task %s shows", user.id(), task.get("name").asText())
                        .isNotEmpty();
            }
        }
        // the survey team's leader is offered the team's work by name, not through a group
        assertThat(names(list("teamlead", MY_LEVEL, "{}"))).contains("调查组入户调查并由组长签发");
        assertThat(names(list("reliefhead", MY_LEVEL, "{}"))).contains("督办逾期报告");
    }

    @Test
    void aCaseIsFoundByApplicantOrCaseNumberWhateverElseTheListHolds() throws Exception {
        DibaoCase found = walker.submit("clerk.renqiu", application("renqiu", "renqiu-yongle", "任查找"));
        walker.submit("clerk.renqiu", application("renqiu", "renqiu-yongle", "任其他"));

        assertThat(names(list("clerk.renqiu", "低保申请审批", search("%任查找%", "低保申请审批")))).containsExactly("受理申请");
        JsonNode byNumber = list("clerk.renqiu", MY_LEVEL, search("%" + found.caseNumber().toLowerCase() + "%", MY_LEVEL));
        assertThat(byNumber.path("_embedded").path("task")).singleElement()
                .satisfies(task -> assertThat(task.get("processInstanceId").asText()).isEqualTo(found.processInstanceId()));
        // the task name is still searched, and another township's case is not found
        assertThat(names(list("clerk.renqiu", MY_LEVEL, search("%受理%", MY_LEVEL)))).isNotEmpty().containsOnly("受理申请");
        assertThat(list("clerk.yuecun", MY_LEVEL, search("%任查找%", MY_LEVEL)).path("count").asInt()).isZero();
    }

    @Test
    void staffAreStoredAndShownByNameAndPost() {
        User reviewer = identityService.createUserQuery().userId("reviewer.yuecun").singleResult();
        assertThat(reviewer.getFirstName()).isEqualTo("李建国");
        assertThat(reviewer.getLastName()).isEqualTo("岳村乡审核人");
        assertThat(staffNames.of("reviewer.yuecun")).isEqualTo("李建国（岳村乡审核人）");
        assertThat(staffNames.of("nobody.here")).isEqualTo("nobody.here");
        assertThat(StaffNames.format("张强", null)).isEqualTo("张强");
        assertThat(staffNames.membersOf("clerk-renqiu", "reviewer-renqiu")).containsExactly(
                Map.entry("clerk.renqiu", "周芳（任丘办经办人）"), Map.entry("clerk2.renqiu", "马晓燕（任丘办经办人）"),
                Map.entry("reviewer.renqiu", "吴海涛（任丘办审核人）"));
        // a township clerk reads a colleague's name (Tasklist shows who holds a task)
        assertThat(http.get("clerk.yuecun", "/engine-rest/user/reviewer.yuecun/profile").json().get("firstName").asText())
                .isEqualTo("李建国");
    }

    @Test
    void theProcessManagerReadsEveryOpenTaskThatCockpitCounts() {
        long open = taskService.createTaskQuery().count();
        assertThat(http.get("procmgr", "/engine-rest/task/count").json().get("count").asLong()).isEqualTo(open);
        assertThat(http.get("procmgr", "/engine-rest/history/task/count?unfinished=true").json().get("count").asLong())
                .isEqualTo(open);
        // reading only: the process manager still works on no task
        Task any = taskService.createTaskQuery().taskCandidateGroup("district-approver").list().get(0);
        assertThat(http.post("procmgr", "/engine-rest/task/" + any.getId() + "/claim", Map.of("userId", "procmgr"))
                .status()).isEqualTo(403);
    }

    private static cn.minzheng.bureau.dibao.application.DibaoApplicationForm application(String township, String community,
                                                                                        String head) {
        var form = TestApplications.household(township, community, "ORDINARY", 1, "100");
        return TestApplications.withMembers(form, List.of(new MemberForm(head, TestApplications.idNumber(true), "HEAD",
                "UNEMPLOYED", "NONE", List.of(new IncomeForm("WAGE", "100")))));
    }

    /** The extending query the Tasklist script sends for text typed into the search box. */
    private String search(String text, String filterName) throws IOException {
        JsonNode filter = filter("admin", filterName);
        List<Map<String, String>> variables = new ArrayList<>();
        filter.path("properties").path("variables").forEach(v -> variables.add(
                Map.of("name", v.get("name").asText(), "operator", "like", "value", text)));
        return JSON.writeValueAsString(Map.of("orQueries", List.of(Map.of("nameLike", text,
                "processInstanceBusinessKeyLike", text, "processVariables", variables, "taskVariables", variables,
                "variableValuesIgnoreCase", true))));
    }

    /** The user's filters in Tasklist's order (by priority). */
    private List<String> filterNames(String user) {
        List<JsonNode> filters = new ArrayList<>();
        http.get(user, "/engine-rest/filter?resourceType=Task").json().forEach(filters::add);
        filters.sort(java.util.Comparator.comparingInt(f -> f.path("properties").path("priority").asInt()));
        return filters.stream().map(f -> f.get("name").asText()).toList();
    }

    private JsonNode filter(String user, String name) {
        return StreamSupport.stream(http.get(user, "/engine-rest/filter?resourceType=Task").json().spliterator(), false)
                .filter(f -> f.get("name").asText().equals(name)).findFirst().orElseThrow();
    }

    private JsonNode card(String user, String filterName, String processInstanceId) throws Exception {
        return StreamSupport.stream(list(user, filterName, "{}").path("_embedded").path("task").spliterator(), false)
                .filter(t -> t.get("processInstanceId").asText().equals(processInstanceId)).findFirst().orElseThrow();
    }

    private static Map<String, String> variables(JsonNode halTask) {
        Map<String, String> values = new java.util.TreeMap<>();
        halTask.path("_embedded").path("variable").forEach(v -> values.put(v.get("name").asText(), v.path("value").asText()));
        return values;
    }

    private static List<String> names(JsonNode halList) {
        List<String> names = new ArrayList<>();
        halList.path("_embedded").path("task").forEach(t -> names.add(t.get("name").asText()));
        return names;
    }

    /** The filter's tasks as Tasklist loads them: HAL, with the card variables embedded. */
    private JsonNode list(String user, String filterName, String extendingQuery) throws Exception {
        String id = URLEncoder.encode(filter(user, filterName).get("id").asText(), StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/filter/" + id
                        + "/list?firstResult=0&maxResults=50"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").header("Accept", "application/hal+json")
                .POST(HttpRequest.BodyPublishers.ofString(extendingQuery, StandardCharsets.UTF_8)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
