package cn.minzheng.bureau.demo;

import static cn.minzheng.bureau.dibao.application.DibaoApplicationProcess.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.dibao.DibaoCaseRepository;
import cn.minzheng.bureau.dibao.application.DibaoApplicationForm;
import cn.minzheng.bureau.dibao.application.DibaoApplicationService;
import cn.minzheng.bureau.dibao.verification.EconomicStatusWorker;

/**
 * Walks a 低保 application through its tasks the way the users would, each step as the user
 * and groups of that role, so the engine's authorization and four-eyes checks apply.
 */
@Component
public class DibaoWalker {

    private final DibaoApplicationService applications;
    private final TaskService taskService;
    private final ManagementService managementService;
    private final IdentityService identityService;
    private final DibaoCaseRepository cases;
    private final EconomicStatusWorker economicStatusWorker;
    private final ExternalTaskService externalTaskService;

    public DibaoWalker(DibaoApplicationService applications, TaskService taskService,
                       ManagementService managementService, IdentityService identityService, DibaoCaseRepository cases,
                       EconomicStatusWorker economicStatusWorker, ExternalTaskService externalTaskService) {
        this.applications = applications;
        this.taskService = taskService;
        this.managementService = managementService;
        this.identityService = identityService;
        this.cases = cases;
        this.economicStatusWorker = economicStatusWorker;
        this.externalTaskService = externalTaskService;
    }

    /**
     * An application taken through every level to approval (受理, 入户调查, 乡镇审核, 公示, 区审批), each agreeing:
     * the case as it stands then, active and paid from its start month.
     */
    public DibaoCase approved(String clerk, String reviewer, String approver, DibaoApplicationForm form) {
        DibaoCase dibaoCase = submit(clerk, form);
        accept(clerk, dibaoCase);
        survey(clerk, dibaoCase, Map.of());
        reviewByTownship(reviewer, dibaoCase, APPROVE, "同意");
        endNotice(dibaoCase);
        approveByDistrict(approver, dibaoCase, APPROVE, "同意");
        return cases.find(dibaoCase.id()).orElseThrow();
    }

    public DibaoCase submit(String user, DibaoApplicationForm form) {
        return as(user, () -> applications.submit(form, user));
    }

    /**
     * 受理 with the applicant's written authorisation, then the economic-status check as the application's own
     * worker runs it (its polling is off in tests): the case is at 入户调查 afterwards.
     */
    public void accept(String user, DibaoCase dibaoCase) {
        complete(user, dibaoCase, TASK_ACCEPT, Map.of(VAR_ACCEPT_DECISION, ACCEPT, VAR_ECONOMIC_CHECK_AUTHORISED, true));
        verify(dibaoCase);
    }

    /**
     * The case's economic-status check, run now by the in-application worker. Where the worker also polls (the
     * demo), the poller may have taken it: then this waits until it is done (at most 30 s).
     */
    public void verify(DibaoCase dibaoCase) {
        long until = System.currentTimeMillis() + 30_000;
        while (!economicStatusWorker.runFor(dibaoCase.id())
                && externalTaskService.createExternalTaskQuery().processInstanceId(dibaoCase.processInstanceId())
                        .noRetriesLeft().count() == 0
                && externalTaskService.createExternalTaskQuery().processInstanceId(dibaoCase.processInstanceId()).count() > 0
                && System.currentTimeMillis() < until) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public void survey(String user, DibaoCase dibaoCase, Map<String, Object> overrides) {
        Map<String, Object> variables = new HashMap<>(Map.of(
                "assetsFinding", "自有住房一处，无车辆，无大额存款",
                "incomeFinding", "收入与申报一致",
                "employmentFinding", "就业情况与申报一致",
                "utilitiesMonthlyVerified", 105,
                "hiddenIncomeMonthly", 0,
                "homeVisitDone", true,
                "surveyConclusion", "家庭经济困难属实",
                "secondInvestigator", "孙立群"));
        variables.putAll(overrides);
        complete(user, dibaoCase, TASK_SURVEY, variables);
    }

    public void reviewByTownship(String user, DibaoCase dibaoCase, String decision, String comment) {
        complete(user, dibaoCase, TASK_REVIEW_BY_TOWNSHIP, Map.of(VAR_REVIEW_DECISION, decision, VAR_REVIEW_COMMENT, comment));
    }

    public void approveByDistrict(String user, DibaoCase dibaoCase, String decision, String comment) {
        complete(user, dibaoCase, TASK_APPROVE_BY_DISTRICT, Map.of(VAR_APPROVAL_DECISION, decision, VAR_APPROVAL_COMMENT, comment));
    }

    /** The clerk registers that the written refusal was delivered to the applicant. */
    public void issueRefusalNotice(String user, DibaoCase dibaoCase) {
        complete(user, dibaoCase, TASK_ISSUE_REFUSAL_NOTICE, Map.of("deliveryMethod", "IN_PERSON", "deliveredTo", "申请人本人",
                "deliveryNote", ""));
    }

    /** Lets the public notice run out: the timer job fires now instead of in seven days. */
    public void endNotice(DibaoCase dibaoCase) {
        Job timer = managementService.createJobQuery().processInstanceId(dibaoCase.processInstanceId()).timers()
                .activityId(TIMER_NOTICE_PERIOD_OVER).singleResult();
        managementService.executeJob(timer.getId());
    }

    public void complete(String user, DibaoCase dibaoCase, String taskKey, Map<String, Object> variables) {
        as(user, () -> {
            Task task = taskService.createTaskQuery().processInstanceId(dibaoCase.processInstanceId())
                    .taskDefinitionKey(taskKey).singleResult();
            if (task == null) {
                throw new IllegalStateException(user + " sees no task " + taskKey + " of case " + dibaoCase.caseNumber());
            }
            taskService.claim(task.getId(), user);
            taskService.complete(task.getId(), variables);
            return null;
        });
    }

    public <T> T as(String user, Supplier<T> action) {
        List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList();
        identityService.setAuthentication(user, groups);
        try {
            return action.get();
        } finally {
            identityService.clearAuthentication();
        }
    }
}
