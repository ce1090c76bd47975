package cn.minzheng.bureau.community.recruitment;

import static cn.minzheng.bureau.community.recruitment.RecruitmentProcess.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.minzheng.bureau.common.Actor;
import cn.minzheng.bureau.common.JsonRows;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.common.TaskInput;
import cn.minzheng.bureau.common.TextRules;
import cn.minzheng.bureau.community.construction.Communities;
import cn.minzheng.bureau.community.recruitment.RecruitmentRepository.Application;
import cn.minzheng.bureau.community.recruitment.RecruitmentRepository.Worker;
import cn.minzheng.bureau.household.ResidentIdNumber;
import cn.minzheng.bureau.region.Region;
import cn.minzheng.bureau.region.RegionRepository;

/** What the user tasks of community-worker-recruitment.bpmn show and submit, checked and stored (${recruitmentTasks.…}). */
@Component("recruitmentTasks")
public class RecruitmentTaskListeners {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private final RecruitmentRepository recruitment;
    private final RecruitmentActions actions;
    private final RegionRepository regions;
    private final RecruitmentSettings settings;

    public RecruitmentTaskListeners(RecruitmentRepository recruitment, RecruitmentActions actions, RegionRepository regions,
                                    RecruitmentSettings settings) {
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

    /** On create of the eligibility review: the applicants with the rule's verdict, for the reviewer to confirm. */
    public void showEligibility(DelegateTask task) {
        task.removeVariable(VAR_ELIGIBILITY_DECISION);
        task.removeVariable(VAR_ELIGIBILITY_COMMENT);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Application a : recruitment.applications(RecruitmentActions.roundId(task))) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("applicationId", a.id());
            row.put("applicantName", a.applicantName());
            row.put("communityName", actions.name(a.communityCode()));
            row.put("age", a.age());
            row.put("education", Education.valueOf(a.education()).label());
            row.put("eligible", a.eligible());
            row.put("reason", a.ineligibleReason() == null ? "" : a.ineligibleReason());
            rows.add(row);
        }
        // on the process, where the submitted form writes its list back
        task.setVariable("eligibility", SpinValues.jsonValue(json(rows)).create());
    }

    /** 资格审查: confirm (the reviewer may exclude an applicant, with a reason) or return for more registrations. */
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
        List<Map<String, Object>> rows = JsonRows.of(task.getVariable("eligibility"), "资格审查表");
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> row = rows.get(i);
            Application a = rowApplication(row, i, all, "资格审查表");
            boolean eligible = JsonRows.flag(row, "eligible");
            if (eligible && !a.eligible()) {
                throw new RuleViolation("NOT_ELIGIBLE", a.applicantName() + "不符合报名条件（" + a.ineligibleReason() + "），不能确认为合格");
            }
            if (!eligible && a.eligible()) {
                String reason = JsonRows.text(row, "reason");
                if (reason == null) {
                    throw new RuleViolation("MISSING_FIELD", "请填写" + a.applicantName() + "资格审查不合格的理由");
                }
                recruitment.excluded(roundId, a.id(), reason.length() > 200 ? reason.substring(0, 200) : reason, actor);
            }
        }
        long eligible = recruitment.applications(roundId).stream().filter(Application::eligible).count();
        if (eligible == 0) {
            throw new RuleViolation("NO_ELIGIBLE_APPLICANTS", "没有资格审查合格的报名人员，请退回继续报名");
        }
        recruitment.eligibilityConfirmed(roundId, actor, eligible);
    }

    /** On create of scoring: the eligible applicants, with scores given before if the ranking was sent back. */
    public void showScores(DelegateTask task) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Application a : recruitment.applications(RecruitmentActions.roundId(task))) {
            if (!a.eligible()) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("applicationId", a.id());
            row.put("applicantName", a.applicantName());
            row.put("communityName", actions.name(a.communityCode()));
            if (a.writtenScore() != null) {
                row.put("writtenScore", a.writtenScore());
                row.put("interviewScore", a.interviewScore());
            }
            rows.add(row);
        }
        task.setVariable(VAR_SCORES, SpinValues.jsonValue(json(rows)).create());
    }

    /** 笔试、面试成绩: for every eligible applicant, each 0–100 with at most two decimals. */
    public void score(DelegateTask task) {
        long roundId = RecruitmentActions.roundId(task);
        List<Application> eligibleList = recruitment.applications(roundId).stream().filter(Application::eligible).toList();
        Map<Long, Application> eligible = eligibleList.stream().collect(Collectors.toMap(Application::id, a -> a));
        Map<Long, BigDecimal[]> scores = new LinkedHashMap<>();
        List<Map<String, Object>> rows = JsonRows.of(task.getVariable(VAR_SCORES), "成绩表");
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> row = rows.get(i);
            Application a = rowApplication(row, i, eligibleList, "成绩表");
            long id = a.id();
            scores.put(id, new BigDecimal[] {score(row.get("writtenScore"), a.applicantName() + "的笔试成绩"),
                    score(row.get("interviewScore"), a.applicantName() + "的面试成绩")});
        }
        for (Application a : eligible.values()) {
            if (!scores.containsKey(a.id())) {
                throw new RuleViolation("MISSING_SCORE", "请录入" + a.applicantName() + "的成绩");
            }
        }
        recruitment.scores(roundId, scores, Actor.of(task));
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

    /**
     * The application a submitted row of a prefilled list stands for: by its applicationId, or, where the
     * form did not send the id back, by its position (the list cannot be reordered, added to or shortened).
     */
    static Application rowApplication(Map<String, Object> row, int position, List<Application> shown, String listLabel) {
        Object id = row.get("applicationId");
        if (id == null || id.toString().isBlank()) {
            if (position >= shown.size()) {
                throw new RuleViolation("UNKNOWN_APPLICATION", listLabel + "的行数与报名人员不符，请重新打开任务");
            }
            return shown.get(position);
        }
        String text = id.toString().replaceAll("\\.0+$", "");
        return shown.stream().filter(a -> String.valueOf(a.id()).equals(text)).findFirst()
                .orElseThrow(() -> new RuleViolation("UNKNOWN_APPLICATION", listLabel + "中有不属于本环节的报名人员"));
    }

    private static BigDecimal score(Object value, String label) {
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
