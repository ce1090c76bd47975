package cn.minzheng.bureau.community.recruitment;

import static cn.minzheng.bureau.community.recruitment.RecruitmentProcess.*;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.Actor;
import cn.minzheng.bureau.common.TaskInput;
import cn.minzheng.bureau.community.recruitment.RecruitmentRepository.Application;
import cn.minzheng.bureau.engine.EngineAuthentication;
import cn.minzheng.bureau.region.Region;

/** What community-worker-recruitment.bpmn calls: ${recruitmentSteps.…}, service steps, collections and task listeners. */
@Component
public class RecruitmentSteps {

    private final RecruitmentService service;

    public RecruitmentSteps(RecruitmentService service) {
        this.service = service;
    }

    /** 发布招聘: a street office's (township's) own clerk opens a round with the posts of its communities. */
    public void open(DelegateExecution execution) {
        TaskInput input = new TaskInput(execution);
        Region township = service.township(TOWNSHIP_CODE.get(execution),
                EngineAuthentication.groupIds(execution.getProcessEngineServices().getIdentityService()));
        String title = input.text(VAR_TITLE, "招聘名称", 100);
        Map<String, Integer> posts = service.posts(township, POSTS.get(execution));
        long id = service.openRound(township, title, posts, execution.getProcessInstanceId(), Actor.currentOrNull(execution));
        ROUND_ID.set(execution, id);
        TOWNSHIP_CODE.set(execution, township.code());
        TOWNSHIP_NAME.set(execution, township.name());
        POSTS_SUMMARY.set(execution, service.postsSummary(posts));
        POSTS.remove(execution);
    }

    /** On create of the registration (its list emptied by the task's clearInputs): who applied so far. */
    public void openRegistration(DelegateTask task) {
        task.setVariableLocal(REGISTERED_SUMMARY.name(), service.registeredSummary(ROUND_ID.require(task)));
    }

    /** 报名登记: applicants with resident ID, community and education. */
    public void register(DelegateTask task) {
        service.register(ROUND_ID.require(task), TOWNSHIP_CODE.get(task), APPLICATIONS.get(task), Actor.of(task));
    }

    /** On create of the eligibility review: the verdicts as text, the admitted applicants as options to exclude. */
    public void showEligibility(DelegateTask task) {
        RecruitmentService.EligibilityView view = service.eligibility(ROUND_ID.require(task));
        task.setVariableLocal(ELIGIBILITY_SUMMARY.name(), view.summary());
        task.setVariableLocal(EXCLUDE_OPTIONS.name(), SpinValues.jsonValue(RecruitmentService.json(view.excludeOptions())).create());
    }

    /** 资格审查: confirm (the reviewer may exclude applicants, with a reason) or return for more registrations. */
    public void reviewEligibility(DelegateTask task) {
        long roundId = ROUND_ID.require(task);
        TaskInput input = new TaskInput(task);
        String decision = input.choice(VAR_ELIGIBILITY_DECISION, "审查结论", List.of(CONFIRM, RETURN));
        String actor = Actor.of(task);
        if (RETURN.equals(decision)) {
            service.returnEligibility(roundId, actor, input.text(VAR_ELIGIBILITY_COMMENT, "退回理由", 1000));
            return;
        }
        List<Application> excluded = service.toExclude(roundId, RecruitmentService.excludedIds(EXCLUDED.get(task)));
        String reason = excluded.isEmpty() ? null : input.optionalText(VAR_EXCLUDE_REASON, "取消资格的理由", 200);
        service.confirmEligibility(roundId, excluded, reason, actor);
    }

    /** The eligible applications: each gets its own scoring task. */
    public List<Long> eligibleApplications(DelegateExecution execution) {
        return service.eligibleApplications(ROUND_ID.require(execution));
    }

    /**
     * On create of one applicant's scoring task: name and community to show, and the scores given before if the
     * ranking was sent back. Kept on the task's own execution, where the submitted scores then land, so parallel
     * scoring tasks never see each other's values.
     */
    public void showScore(DelegateTask task) {
        Application a = scoredApplication(task);
        var execution = task.getExecution();
        String community = service.name(a.communityCode());
        execution.setVariableLocal(APPLICANT_NAME.name(), a.applicantName());
        execution.setVariableLocal(COMMUNITY_NAME.name(), community);
        execution.setVariableLocal(WRITTEN_SCORE.name(), a.writtenScore() == null ? null : a.writtenScore().doubleValue());
        execution.setVariableLocal(INTERVIEW_SCORE.name(), a.interviewScore() == null ? null : a.interviewScore().doubleValue());
        task.setName("录入成绩：" + a.applicantName() + "（" + community + "）");
    }

    /** 笔试、面试成绩 of one applicant. */
    public void score(DelegateTask task) {
        service.score(ROUND_ID.require(task), scoredApplication(task), WRITTEN_SCORE.get(task), INTERVIEW_SCORE.get(task),
                Actor.of(task));
    }

    private Application scoredApplication(DelegateTask task) {
        return service.scoredApplication(ROUND_ID.require(task), APPLICATION_ID.require(task));
    }

    /** Everyone who entered scores in this round (there is a task per applicant, so there may be several). */
    public void recordScorer(DelegateTask task) {
        String actor = Actor.of(task);
        Set<String> scorers = scorers(task);
        if (scorers.add(actor)) {
            SCORED_BY.set(task.getExecution().getProcessInstance(), String.join(",", scorers));
        }
    }

    /** Four eyes: whoever entered scores does not approve the ranking (on assignment and on completion). */
    public void requireNotScorer(DelegateTask task) {
        String actor = TaskListener.EVENTNAME_ASSIGNMENT.equals(task.getEventName()) ? task.getAssignee() : Actor.of(task);
        service.requireNotScorer(scorers(task), actor);
    }

    private static Set<String> scorers(DelegateTask task) {
        VariableScope instance = task.getExecution().getProcessInstance();
        String value = SCORED_BY.get(instance);
        Set<String> scorers = new LinkedHashSet<>();
        if (value != null && !value.isBlank()) {
            scorers.addAll(List.of(value.split(",")));
        }
        return scorers;
    }

    /** 按成绩排名, with the ranking as text for the approval. */
    public void rank(DelegateExecution execution) {
        RANKING_SUMMARY.set(execution, service.rank(ROUND_ID.require(execution)));
    }

    /** 街道审批聘用: approve the ranking, or send it back to scoring with a reason. */
    public void approve(DelegateTask task) {
        TaskInput input = new TaskInput(task);
        String decision = input.choice(VAR_APPOINTMENT_DECISION, "审批结论", List.of(APPROVE, REJECT));
        String actor = Actor.of(task);
        String comment = REJECT.equals(decision) ? input.text(VAR_APPOINTMENT_COMMENT, "退回理由", 1000)
                : input.optionalText(VAR_APPOINTMENT_COMMENT, "审批意见", 1000);
        service.decideAppointments(ROUND_ID.require(task), decision, comment, actor);
        APPROVED_BY.set(task, actor);
    }

    /** 聘用: the approved ranking becomes the communities' workers. */
    public void appoint(DelegateExecution execution) {
        service.appoint(ROUND_ID.require(execution), APPROVED_BY.get(execution));
    }

    /** The communities that got workers in this round: each gets its director (主任负责制). */
    public List<String> directorCommunities(DelegateExecution execution) {
        return service.directorCommunities(ROUND_ID.require(execution));
    }

    /** On create of a director appointment: the community's workers to choose from. */
    public void showDirectorChoice(DelegateTask task) {
        String community = COMMUNITY_CODE.get(task);
        task.setVariableLocal(COMMUNITY_NAME.name(), service.name(community));
        task.setVariableLocal(DIRECTOR_OPTIONS.name(), SpinValues.jsonValue(RecruitmentService.json(service.directorOptions(community))).create());
        task.setVariableLocal(CURRENT_DIRECTOR.name(), service.currentDirector(community));
    }

    /** 主任负责制: one of the community's workers becomes the director responsible for the community. */
    public void appointDirector(DelegateTask task) {
        service.appointDirector(ROUND_ID.require(task), COMMUNITY_CODE.get(task), DIRECTOR.get(task), Actor.of(task));
    }

    public void finish(DelegateExecution execution) {
        service.finish(ROUND_ID.require(execution));
    }
}
