package cn.minzheng.bureau.community.recruitment;

import static cn.minzheng.bureau.community.recruitment.RecruitmentProcess.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.minzheng.bureau.access.StaffNames;
import cn.minzheng.bureau.common.Actor;
import cn.minzheng.bureau.common.JsonRows;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.common.TaskInput;
import cn.minzheng.bureau.common.TextRules;
import cn.minzheng.bureau.region.Communities;
import cn.minzheng.bureau.community.recruitment.RecruitmentRepository.Application;
import cn.minzheng.bureau.community.recruitment.RecruitmentRepository.Worker;
import cn.minzheng.bureau.household.ResidentIdNumber;
import cn.minzheng.bureau.region.Region;
import cn.minzheng.bureau.region.RegionRepository;

/** What the user tasks of community-worker-recruitment.bpmn show and submit, checked and stored (${recruitmentTasks.…}). */
@Component("recruitmentTasks")
public class RecruitmentTaskListeners {

    private final StaffNames staffNames;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private final RecruitmentRepository recruitment;
    private final RecruitmentActions actions;
    private final RegionRepository regions;
    private final RecruitmentSettings settings;

    public RecruitmentTaskListeners(RecruitmentRepository recruitment, RecruitmentActions actions, RegionRepository regions,
                                    RecruitmentSettings settings, StaffNames staffNames) {
        this.staffNames = staffNames;
        this.recruitment = recruitment;
        this.actions = actions;
        this.regions = regions;
        this.settings = settings;
    }

    /** On create of the registration: an empty list, and who applied so far. */
    public void openRegistration(DelegateTask task) {
        task.removeVariable(VAR_APPLICATIONS);
        List<Application> applications = recruitment.applications(RecruitmentActions.roundId(task));
        task.setVariableLocal("registeredSummary", applications.isEmpty() ? "尚无报名" : applications.stream()
                .map(a -> actions.name(a.communityCode()) + " " + a.applicantName() + (a.eligible() ? "" : "（不符合条件：" + a.ineligibleReason() + "）"))
                .collect(Collectors.joining("\n")));
    }

    /** 报名登记: applicants with resident ID, community and education; eligibility checked as each is registered. */
    public void register(DelegateTask task) {
        long roundId = RecruitmentActions.roundId(task);
        String township = (String) task.getVariable(VAR_TOWNSHIP_CODE);
        Map<String, Integer> posts = recruitment.posts(roundId);
        List<Map<String, Object>> rows = JsonRows.of(task.getVariable(VAR_APPLICATIONS), "报名人员");
        if (rows.isEmpty()) {
            throw new RuleViolation("MISSING_FIELD", "请至少登记一名报名人员");
        }
        Set<String> seen = new HashSet<>();
        LocalDate today = today();
        String actor = Actor.of(task);
        record Row(String name, ResidentIdNumber id, Region community, Education education) {
        }
        List<Row> valid = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            String name = JsonRows.text(row, "applicantName");
            if (name == null || name.length() > 50) {
                throw new RuleViolation("MISSING_FIELD", "报名人员姓名不能为空，且不超过50个字");
            }
            String problem = TextRules.textProblem("姓名", name);
            if (problem != null) {
                throw new RuleViolation("FORBIDDEN_CHARACTERS", problem);
            }
            ResidentIdNumber id = ResidentIdNumber.parse(JsonRows.text(row, "idNumber"));
            Region community = Communities.inTownship(regions, township, JsonRows.text(row, "community"));
            if (!posts.containsKey(community.code())) {
                throw new RuleViolation("NO_POST", community.name() + "本轮没有招聘岗位");
            }
            if (!seen.add(id.value()) || recruitment.applied(roundId, id.value())) {
                throw new RuleViolation("DUPLICATE_APPLICATION", name + "已报名，同一人在本轮只能报名一次");
            }
            valid.add(new Row(name, id, community, Education.parse(row.get("education"))));
        }
        for (Row row : valid) {
            Eligibility.Verdict verdict = Eligibility.check(row.id(), row.education(), recruitment.isWorker(row.id().value()), today, settings);
            recruitment.apply(roundId, row.community().code(), row.name(), row.id().value(), row.education(), verdict, actor);
        }
    }

    /**
     * On create of the eligibility review: the applicants with the rule's verdict as read-only text, and the
     * applicants the rules admitted as the options the reviewer may exclude.
     */
    public void showEligibility(DelegateTask task) {
        for (String variable : List.of(VAR_ELIGIBILITY_DECISION, VAR_ELIGIBILITY_COMMENT, VAR_EXCLUDED, VAR_EXCLUDE_REASON)) {
            task.removeVariable(variable);
        }
        List<String> lines = new ArrayList<>();
        List<Map<String, Object>> options = new ArrayList<>();
        for (Application a : recruitment.applications(RecruitmentActions.roundId(task))) {
            String who = a.applicantName() + "（" + actions.name(a.communityCode()) + "）";
            lines.add(who + " " + a.age() + "岁 " + Education.valueOf(a.education()).label() + " — "
                    + (a.eligible() ? "合格" : "不合格：" + a.ineligibleReason()));
            if (a.eligible()) {
                options.add(Map.of("label", who, "value", String.valueOf(a.id())));
            }
        }
        task.setVariableLocal("eligibilitySummary", String.join("\n", lines));
        task.setVariableLocal("excludeOptions", SpinValues.jsonValue(json(options)).create());
    }

    /** 资格审查: confirm (the reviewer may exclude applicants the rules admitted, with a reason) or return for more registrations. */
    public void reviewEligibility(DelegateTask task) {
        long roundId = RecruitmentActions.roundId(task);
        TaskInput input = new TaskInput(task);
        String decision = input.choice(VAR_ELIGIBILITY_DECISION, "审查结论", List.of(CONFIRM, RETURN));
        String actor = Actor.of(task);
        if (RETURN.equals(decision)) {
            recruitment.eligibilityReturned(roundId, actor, input.text(VAR_ELIGIBILITY_COMMENT, "退回理由", 1000));
            return;
        }
        List<Application> all = recruitment.applications(roundId);
        List<Application> excluded = new ArrayList<>();
        for (String id : excludedIds(task.getVariable(VAR_EXCLUDED))) {
            Application a = all.stream().filter(x -> String.valueOf(x.id()).equals(id)).findFirst()
                    .orElseThrow(() -> new RuleViolation("UNKNOWN_APPLICATION", "取消资格的人员不是本轮的报名人员，请重新打开任务"));
            if (!a.eligible()) {
                throw new RuleViolation("NOT_ELIGIBLE", a.applicantName() + "已因不符合报名条件（" + a.ineligibleReason() + "）不合格，无需取消");
            }
            excluded.add(a);
        }
        if (!excluded.isEmpty()) {
            String reason = input.optionalText(VAR_EXCLUDE_REASON, "取消资格的理由", 200);
            if (reason == null) {
                throw new RuleViolation("MISSING_FIELD", "已勾选取消资格的人员，请填写取消资格的理由");
            }
            for (Application a : excluded) {
                recruitment.excluded(roundId, a.id(), reason, actor);
            }
        }
        long eligible = recruitment.applications(roundId).stream().filter(Application::eligible).count();
        if (eligible == 0) {
            throw new RuleViolation("NO_ELIGIBLE_APPLICANTS", "没有资格审查合格的报名人员，请退回继续报名");
        }
        recruitment.eligibilityConfirmed(roundId, actor, eligible);
    }

    /**
     * On create of one applicant's scoring task (one per eligible applicant): name and community to show, and the
     * scores given before if the ranking was sent back. Kept on the task's own execution, where the submitted
     * scores then land, so parallel scoring tasks never see each other's values.
     */
    public void showScore(DelegateTask task) {
        Application a = scoredApplication(task);
        var execution = task.getExecution();
        execution.setVariableLocal("applicantName", a.applicantName());
        execution.setVariableLocal("communityName", actions.name(a.communityCode()));
        execution.setVariableLocal(VAR_WRITTEN_SCORE, a.writtenScore() == null ? null : a.writtenScore().doubleValue());
        execution.setVariableLocal(VAR_INTERVIEW_SCORE, a.interviewScore() == null ? null : a.interviewScore().doubleValue());
        task.setName("录入成绩：" + a.applicantName() + "（" + actions.name(a.communityCode()) + "）");
    }

    /** 笔试、面试成绩 of one applicant, each 0–100 with at most two decimals. */
    public void score(DelegateTask task) {
        Application a = scoredApplication(task);
        BigDecimal written = score(task.getVariable(VAR_WRITTEN_SCORE), a.applicantName() + "的笔试成绩");
        BigDecimal interview = score(task.getVariable(VAR_INTERVIEW_SCORE), a.applicantName() + "的面试成绩");
        recruitment.scores(RecruitmentActions.roundId(task), Map.of(a.id(), new BigDecimal[] {written, interview}), Actor.of(task));
    }

    /** Everyone who entered scores in this round (there is a task per applicant, so there may be several). */
    public void recordScorer(DelegateTask task) {
        String actor = Actor.of(task);
        Set<String> scorers = scorers(task);
        if (scorers.add(actor)) {
            task.getExecution().getProcessInstance().setVariable(VAR_SCORED_BY, String.join(",", scorers));
        }
    }

    /** Four eyes: whoever entered scores does not approve the ranking. */
    public void requireNotScorer(DelegateTask task) {
        String actor = TaskListener.EVENTNAME_ASSIGNMENT.equals(task.getEventName()) ? task.getAssignee() : Actor.of(task);
        if (actor != null && scorers(task).contains(actor)) {
            throw new RuleViolation("FOUR_EYES", "四眼原则：" + staffNames.of(actor) + "已录入本轮的笔试面试成绩，不能再审批聘用，请由其他人员办理", 403);
        }
    }

    private static Set<String> scorers(DelegateTask task) {
        Object value = task.getExecution().getProcessInstance().getVariable(VAR_SCORED_BY);
        Set<String> scorers = new LinkedHashSet<>();
        if (value != null && !value.toString().isBlank()) {
            scorers.addAll(List.of(value.toString().split(",")));
        }
        return scorers;
    }

    private Application scoredApplication(DelegateTask task) {
        long id = ((Number) task.getVariable(VAR_APPLICATION_ID)).longValue();
        return recruitment.applications(RecruitmentActions.roundId(task)).stream().filter(a -> a.id() == id && a.eligible())
                .findFirst().orElseThrow(() -> new RuleViolation("UNKNOWN_APPLICATION", "该报名人员不在资格审查合格名单中"));
    }

    /** The checklist's value: the ids of the excluded applications, as a Json array, a JSON string or a Java list. */
    static List<String> excludedIds(Object value) {
        if (value == null || value.toString().isBlank()) {
            return List.of();
        }
        List<?> list;
        if (value instanceof List<?> l) {
            list = l;
        } else {
            String json = value instanceof SpinJsonNode node ? node.toString() : value.toString();
            try {
                list = JSON.readValue(json, List.class);
            } catch (JsonProcessingException e) {
                throw new RuleViolation("INVALID_LIST", "取消资格的人员格式不正确");
            }
        }
        return list.stream().filter(x -> x != null && !x.toString().isBlank()).map(x -> x.toString().trim().replaceAll("\\.0+$", ""))
                .distinct().toList();
    }

    /** 街道审批聘用: approve the ranking, or send it back to scoring with a reason. */
    public void approve(DelegateTask task) {
        TaskInput input = new TaskInput(task);
        String decision = input.choice(VAR_APPOINTMENT_DECISION, "审批结论", List.of(APPROVE, REJECT));
        String actor = Actor.of(task);
        String comment = REJECT.equals(decision) ? input.text(VAR_APPOINTMENT_COMMENT, "退回理由", 1000)
                : input.optionalText(VAR_APPOINTMENT_COMMENT, "审批意见", 1000);
        recruitment.appointmentDecision(RecruitmentActions.roundId(task), decision, comment, actor);
        task.setVariable("approvedBy", actor);
    }

    /** On create of a director appointment: the community's workers to choose from. */
    public void showDirectorChoice(DelegateTask task) {
        String community = (String) task.getVariable(VAR_COMMUNITY_CODE);
        task.setVariableLocal("communityName", actions.name(community));
        List<Map<String, Object>> options = recruitment.workers(community).stream()
                .map(w -> Map.<String, Object>of("label", w.workerName(), "value", String.valueOf(w.id()))).toList();
        task.setVariableLocal("directorOptions", SpinValues.jsonValue(json(options)).create());
        task.setVariableLocal("currentDirector", recruitment.currentDirector(community).map(d -> d.workerName()).orElse("暂无"));
    }

    /** 主任负责制: one of the community's workers becomes the director responsible for the community. */
    public void appointDirector(DelegateTask task) {
        String community = (String) task.getVariable(VAR_COMMUNITY_CODE);
        Object chosen = task.getVariable(VAR_DIRECTOR);
        Worker worker = recruitment.workers(community).stream()
                .filter(w -> chosen != null && String.valueOf(w.id()).equals(chosen.toString().replaceAll("\\.0$", "")))
                .findFirst()
                .orElseThrow(() -> new RuleViolation("MISSING_DECISION", "请从本社区的社区工作者中选择居委会主任"));
        recruitment.director(community, worker, RecruitmentActions.roundId(task), Actor.of(task));
    }

    static BigDecimal score(Object value, String label) {
        if (value == null || value.toString().isBlank()) {
            throw new RuleViolation("MISSING_SCORE", "请录入" + label);
        }
        BigDecimal score;
        try {
            score = new BigDecimal(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new RuleViolation("INVALID_NUMBER", label + "必须是数字");
        }
        if (score.signum() < 0 || score.compareTo(HUNDRED) > 0) {
            throw new RuleViolation("INVALID_SCORE", label + "应在0至100分之间");
        }
        if (score.stripTrailingZeros().scale() > 2) {
            throw new RuleViolation("INVALID_SCORE", label + "最多保留两位小数");
        }
        return score.setScale(2);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LocalDate today() {
        return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.systemDefault());
    }
}
