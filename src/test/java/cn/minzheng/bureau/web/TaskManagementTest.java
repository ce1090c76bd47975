package cn.minzheng.bureau.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.minzheng.bureau.engine.TaskWorkGrants;
import cn.minzheng.bureau.demo.DibaoWalker;
import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.dibao.application.DibaoApplicationProcess;
import cn.minzheng.bureau.support.Http;
import cn.minzheng.bureau.support.TestApplications;
import cn.minzheng.bureau.support.WebappSession;

/**
 * Whoever a task is offered to claims, returns and completes it; who it is offered to, its assignee, its due date
 * and its name stay what the process and the township's rules made them. Found by trying it as 岳村乡's clerk: with
 * the engine's default task permission (UPDATE) she could add 任丘镇's clerks as candidates of her 受理申请, hand it
 * to a user of another township, or claim it for one, and they then read the household's data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TaskManagementTest {

    private static final String CLERK = "clerk.mengke";
    private static final String OTHER_TOWNSHIPS_CLERK = "clerk.renqiu";
    private static final String MANAGED_BY_ADMINISTRATOR = "TASK_MANAGED_BY_ADMINISTRATOR";

    @LocalServerPort
    int port;
    @Autowired
    DibaoWalker walker;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    AuthorizationService authorizationService;
    @Autowired
    TaskWorkGrants taskWorkGrants;

    @Test
    void aTaskCannotBeHandedToAnotherTownshipsStaffByWhoeverItIsOfferedTo() {
        Task accept = newApplicationsFirstTask();
        Http http = new Http(port);
        String task = "/engine-rest/task/" + accept.getId();

        List<Http.Response> managed = List.of(
                http.post(CLERK, task + "/identity-links", Map.of("groupId", "clerk-renqiu", "type", "candidate")),
                http.post(CLERK, task + "/assignee", Map.of("userId", OTHER_TOWNSHIPS_CLERK)),
                http.post(CLERK, task + "/delegate", Map.of("userId", OTHER_TOWNSHIPS_CLERK)),
                http.put(CLERK, task, Map.of("name", "改过的名称", "due", "2030-01-01T00:00:00.000+0000")));
        Http.Response claimForAnother = http.post(CLERK, task + "/claim", Map.of("userId", OTHER_TOWNSHIPS_CLERK));
        WebappSession tasklist = new WebappSession(port);
        tasklist.login(CLERK, "demo");
        // as Tasklist does, the task is read first: that answer carries the new session's CSRF token
        assertThat(tasklist.get("/camunda/api/engine/engine/default/task/" + accept.getId()).statusCode()).isEqualTo(200);
        var throughTasklist = tasklist.postJson("/camunda/api/engine/engine/default/task/" + accept.getId()
                + "/identity-links", "{\"groupId\":\"clerk-renqiu\",\"type\":\"candidate\"}");

        for (Http.Response refused : managed) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(403);
            assertThat(refused.json().get("code").asText()).isEqualTo(MANAGED_BY_ADMINISTRATOR);
            assertThat(refused.json().get("message").asText()).startsWith("任务的办理人、候选组、期限和名称由流程");
        }
        assertThat(claimForAnother.status()).as(claimForAnother.body()).isEqualTo(403);
        assertThat(claimForAnother.json().get("message").asText()).startsWith("任务只能由本人认领");
        assertThat(throughTasklist.statusCode()).as(throughTasklist.body()).isEqualTo(403);
        assertThat(throughTasklist.body()).contains(MANAGED_BY_ADMINISTRATOR);
        var returnedThroughTasklist = tasklist.postJson("/camunda/api/engine/engine/default/task/" + accept.getId()
                + "/unclaim", "");
        assertThat(returnedThroughTasklist.statusCode()).as(returnedThroughTasklist.body()).isEqualTo(204);

        Task after = taskService.createTaskQuery().taskId(accept.getId()).singleResult();
        assertThat(after.getAssignee()).isNull();
        assertThat(after.getName()).isEqualTo(accept.getName());
        assertThat(after.getDueDate()).isEqualTo(accept.getDueDate());
        assertThat(candidateGroups(accept.getId())).containsExactly("clerk-mengke");
        assertThat(http.get(OTHER_TOWNSHIPS_CLERK, task).status()).isEqualTo(404);
    }

    @Test
    void aTaskIsNotCreatedByHandButByItsProcess() {
        long before = taskService.createTaskQuery().count();

        Http.Response refused = new Http(port).post(CLERK, "/engine-rest/task/create", Map.of("name", "手工任务"));

        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(refused.json().get("code").asText()).isEqualTo("TASKS_COME_FROM_PROCESSES");
        assertThat(refused.json().get("message").asText()).startsWith("任务由业务流程产生");
        assertThat(taskService.createTaskQuery().count()).isEqualTo(before);
    }

    @Test
    void whoeverTheTaskIsOfferedToStillClaimsReturnsAndCompletesIt() {
        Task accept = newApplicationsFirstTask();
        Http http = new Http(port);
        String task = "/engine-rest/task/" + accept.getId();

        // 认领, 取消认领, 认领 again, 重置办理人 (a colleague's claim given back), 认领 again
        for (Http.Response worked : List.of(http.post(CLERK, task + "/claim", Map.of("userId", CLERK)),
                http.post(CLERK, task + "/unclaim", Map.of()), http.post(CLERK, task + "/claim", Map.of("userId", CLERK)),
                http.post(CLERK, task + "/assignee", "{\"userId\":null}"),
                http.post(CLERK, task + "/claim", Map.of("userId", CLERK)))) {
            assertThat(worked.status()).as(worked.body()).isEqualTo(204);
        }
        assertThat(taskService.createTaskQuery().taskId(accept.getId()).singleResult().getAssignee()).isEqualTo(CLERK);
        Http.Response completed = http.submitTaskForm(CLERK, accept.getId(), Map.of(
                DibaoApplicationProcess.VAR_ACCEPT_DECISION, DibaoApplicationProcess.ACCEPT,
                DibaoApplicationProcess.VAR_ECONOMIC_CHECK_AUTHORISED, true));

        assertThat(completed.status()).as(completed.body()).isEqualTo(204);
        assertThat(taskService.createTaskQuery().taskId(accept.getId()).count()).isZero();
    }

    @Test
    void aTaskAColleagueClaimedIsNeitherClaimedNorCompletedByTheOther() {
        // 任丘办 has two clerks; the task is offered to both
        DibaoCase dibaoCase = walker.submit("clerk.renqiu", TestApplications.household("renqiu", "renqiu-qinghuayuan", "ORDINARY", 2, "300"));
        Task accept = taskService.createTaskQuery().processInstanceId(dibaoCase.processInstanceId()).singleResult();
        Http http = new Http(port);
        String task = "/engine-rest/task/" + accept.getId();
        Map<String, Object> decision = Map.of(DibaoApplicationProcess.VAR_ACCEPT_DECISION, DibaoApplicationProcess.ACCEPT,
                DibaoApplicationProcess.VAR_ECONOMIC_CHECK_AUTHORISED, true);
        assertThat(http.post("clerk.renqiu", task + "/claim", Map.of("userId", "clerk.renqiu")).status()).isEqualTo(204);

        Http.Response secondClaim = http.post("clerk2.renqiu", task + "/claim", Map.of("userId", "clerk2.renqiu"));
        Http.Response secondSubmission = http.submitTaskForm("clerk2.renqiu", accept.getId(), decision);
        WebappSession tasklist = new WebappSession(port);
        tasklist.login("clerk2.renqiu", "demo");
        assertThat(tasklist.get("/camunda/api/engine/engine/default/task/" + accept.getId()).statusCode()).isEqualTo(200);
        var claimThroughTasklist = tasklist.postJson("/camunda/api/engine/engine/default/task/" + accept.getId() + "/claim",
                "{\"userId\":\"clerk2.renqiu\"}");
        var submissionThroughTasklist = tasklist.postJson("/camunda/api/engine/engine/default/task/" + accept.getId()
                + "/submit-form", "{\"variables\":{\"acceptDecision\":{\"value\":\"ACCEPT\"},"
                + "\"economicCheckAuthorised\":{\"value\":true}}}");

        for (Http.Response refused : List.of(secondClaim, secondSubmission)) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(409);
            assertThat(refused.json().get("code").asText()).isEqualTo("TASK_CLAIMED_BY_ANOTHER");
            assertThat(refused.json().get("message").asText()).startsWith("这项任务已由周芳（任丘办经办人）认领");
        }
        assertThat(claimThroughTasklist.statusCode()).as(claimThroughTasklist.body()).isEqualTo(409);
        assertThat(claimThroughTasklist.body()).contains("这项任务已由周芳（任丘办经办人）认领");
        assertThat(submissionThroughTasklist.statusCode()).as(submissionThroughTasklist.body()).isEqualTo(409);
        assertThat(submissionThroughTasklist.body()).contains("只能由认领人办理");
        assertThat(taskService.createTaskQuery().taskId(accept.getId()).singleResult().getAssignee()).isEqualTo("clerk.renqiu");

        // the one who claimed it completes it
        Http.Response completed = http.submitTaskForm("clerk.renqiu", accept.getId(), decision);
        assertThat(completed.status()).as(completed.body()).isEqualTo(204);
        assertThat(taskService.createTaskQuery().taskId(accept.getId()).count()).isZero();
    }

    @Test
    void aFormSubmittedForATaskThatIsGoneOrHeldIsRefusedInChinese() {
        Task accept = newApplicationsFirstTask();
        Http http = new Http(port);
        assertThat(http.post(CLERK, "/engine-rest/task/" + accept.getId() + "/claim", Map.of("userId", CLERK)).status()).isEqualTo(204);
        Map<String, Object> decision = Map.of(DibaoApplicationProcess.VAR_ACCEPT_DECISION, DibaoApplicationProcess.ACCEPT,
                DibaoApplicationProcess.VAR_ECONOMIC_CHECK_AUTHORISED, true);
        String formBody = "{\"variables\":{\"acceptDecision\":{\"value\":\"ACCEPT\"},\"economicCheckAuthorised\":{\"value\":true}}}";
        WebappSession tasklist = new WebappSession(port);
        tasklist.login(CLERK, "demo");
        assertThat(tasklist.get("/camunda/api/engine/engine/default/task/" + accept.getId()).statusCode()).isEqualTo(200);

        // the case held by a process manager (Cockpit's suspend)
        runtimeService.suspendProcessInstanceById(accept.getProcessInstanceId());
        Http.Response whileHeld;
        java.net.http.HttpResponse<String> whileHeldThroughTasklist;
        try {
            whileHeld = http.submitTaskForm(CLERK, accept.getId(), decision);
            whileHeldThroughTasklist = tasklist.postJson("/camunda/api/engine/engine/default/task/" + accept.getId()
                    + "/submit-form", formBody);
        } finally {
            runtimeService.activateProcessInstanceById(accept.getProcessInstanceId());
        }
        // a form left open while the task was finished otherwise
        Http.Response gone = http.submitTaskForm(CLERK, "no-such-task", decision);
        var goneThroughTasklist = tasklist.postJson("/camunda/api/engine/engine/default/task/no-such-task/submit-form", formBody);
        // another township's task, which the clerk does not see, is answered as gone
        DibaoCase elsewhere = walker.submit(OTHER_TOWNSHIPS_CLERK, TestApplications.household("renqiu", "renqiu-qinghuayuan", "ORDINARY", 1, "100"));
        String otherTask = taskService.createTaskQuery().processInstanceId(elsewhere.processInstanceId()).singleResult().getId();
        Http.Response notHers = http.submitTaskForm(CLERK, otherTask, decision);

        assertThat(whileHeld.status()).as(whileHeld.body()).isEqualTo(409);
        assertThat(whileHeld.json().get("message").asText()).startsWith("这项任务所在的流程已暂停");
        assertThat(whileHeldThroughTasklist.statusCode()).as(whileHeldThroughTasklist.body()).isEqualTo(409);
        assertThat(whileHeldThroughTasklist.body()).contains("TASK_SUSPENDED");
        for (Http.Response missing : List.of(gone, notHers)) {
            assertThat(missing.status()).as(missing.body()).isEqualTo(404);
            assertThat(missing.json().get("message").asText()).startsWith("这项任务已经办结或已不在您的待办中");
        }
        assertThat(goneThroughTasklist.statusCode()).as(goneThroughTasklist.body()).isEqualTo(404);
        assertThat(goneThroughTasklist.body()).contains("TASK_NOT_FOUND");
        assertThat(taskService.createTaskQuery().taskId(otherTask).count()).isOne();

        // once the case is released the same submission goes through
        assertThat(http.submitTaskForm(CLERK, accept.getId(), decision).status()).isEqualTo(204);
    }

    @Test
    void anAdministratorStillCompletesATaskAClerkClaimed() {
        Task accept = newApplicationsFirstTask();
        Http http = new Http(port);
        assertThat(http.post(CLERK, "/engine-rest/task/" + accept.getId() + "/claim", Map.of("userId", CLERK)).status())
                .isEqualTo(204);

        Http.Response completed = http.submitTaskForm("admin", accept.getId(), Map.of(
                DibaoApplicationProcess.VAR_ACCEPT_DECISION, DibaoApplicationProcess.ACCEPT,
                DibaoApplicationProcess.VAR_ECONOMIC_CHECK_AUTHORISED, true));

        assertThat(completed.status()).as(completed.body()).isEqualTo(204);
        assertThat(taskService.createTaskQuery().taskId(accept.getId()).count()).isZero();
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aReturnThatCannotBeDoneIsRefusedAndLeavesTheClaimAsItWas(CapturedOutput log) {
        Task accept = newApplicationsFirstTask();
        Http http = new Http(port);
        String task = "/engine-rest/task/" + accept.getId();
        assertThat(http.post(CLERK, task + "/claim", Map.of("userId", CLERK)).status()).isEqualTo(204);

        Http.Response malformed = http.post(CLERK, task + "/assignee", "不");
        runtimeService.suspendProcessInstanceById(accept.getProcessInstanceId());
        Http.Response whileSuspended;
        try {
            whileSuspended = http.post(CLERK, task + "/unclaim", Map.of());
        } finally {
            runtimeService.activateProcessInstanceById(accept.getProcessInstanceId());
        }
        Http.Response noSuchTask = http.post(CLERK, "/engine-rest/task/no-such-task/unclaim", Map.of());

        assertThat(malformed.status()).as(malformed.body()).isEqualTo(400);
        assertThat(whileSuspended.status()).as(whileSuspended.body()).isEqualTo(409);
        assertThat(whileSuspended.json().get("message").asText()).startsWith("这项任务所在的流程已暂停");
        assertThat(noSuchTask.status()).as(noSuchTask.body()).isEqualTo(404);
        assertThat(log.getAll()).as("a task that does not exist is no error of the system").doesNotContain("no-such-task");
        assertThat(taskService.createTaskQuery().taskId(accept.getId()).singleResult().getAssignee()).isEqualTo(CLERK);
    }

    @Test
    void anAdministratorStillReassignsATask() {
        Task accept = newApplicationsFirstTask();
        Http http = new Http(port);
        String task = "/engine-rest/task/" + accept.getId();

        assertThat(http.post("admin", task + "/claim", Map.of("userId", CLERK)).status()).isEqualTo(204);
        assertThat(http.post("admin", task + "/assignee", Map.of("userId", "clerk.mengke")).status()).isEqualTo(204);

        assertThat(taskService.createTaskQuery().taskId(accept.getId()).singleResult().getAssignee()).isEqualTo(CLERK);
    }

    @Test
    void grantsOfTasksOfferedUnderTheOldDefaultAreNarrowedAtStart() {
        Task accept = newApplicationsFirstTask();
        Authorization old = authorizationService.createAuthorizationQuery().resourceType(Resources.TASK)
                .resourceId(accept.getId()).groupIdIn("clerk-mengke").singleResult();
        old.removePermission(TaskPermissions.TASK_WORK);
        old.addPermission(Permissions.UPDATE);
        authorizationService.saveAuthorization(old);

        taskWorkGrants.narrowOpenTasksGrants();

        Authorization narrowed = authorizationService.createAuthorizationQuery().resourceType(Resources.TASK)
                .resourceId(accept.getId()).groupIdIn("clerk-mengke").singleResult();
        assertThat(narrowed.isPermissionGranted(Permissions.UPDATE)).isFalse();
        assertThat(narrowed.isPermissionGranted(TaskPermissions.TASK_WORK)).isTrue();
        assertThat(narrowed.isPermissionGranted(Permissions.READ)).isTrue();
        assertThat(new Http(port).post(CLERK, "/engine-rest/task/" + accept.getId() + "/assignee",
                Map.of("userId", OTHER_TOWNSHIPS_CLERK)).status()).isEqualTo(403);
    }

    private Task newApplicationsFirstTask() {
        DibaoCase dibaoCase = walker.submit(CLERK, TestApplications.household("mengke", "mengke-mengke", "ORDINARY", 2, "300"));
        return taskService.createTaskQuery().processInstanceId(dibaoCase.processInstanceId()).singleResult();
    }

    private List<String> candidateGroups(String taskId) {
        return taskService.getIdentityLinksForTask(taskId).stream().map(IdentityLink::getGroupId)
                .filter(java.util.Objects::nonNull).toList();
    }
}
