package cn.minzheng.bureau.dibao.deadline;

import static cn.minzheng.bureau.dibao.deadline.SupervisionProcess.*;

import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.minzheng.bureau.access.Groups;
import cn.minzheng.bureau.access.StaffNames;
import cn.minzheng.bureau.audit.AuditTrail;
import cn.minzheng.bureau.calendar.WorkingCalendar;
import cn.minzheng.bureau.calendar.WorkingDays;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.dibao.DibaoCaseRepository;
import cn.minzheng.bureau.dibao.application.DibaoApplicationProcess;

/**
 * The statutory time limits of dibao-application.bpmn, called as ${dibaoDeadlines.…}: a limit opens
 * when its work starts and is met when the work ends; the process's boundary timers (PnWD, computed
 * by the working-day calendar) call {@link #overrun} when it runs out first, which starts a
 * supervision (督办) for the level above. The whole procedure may be extended once to 45 working days.
 */
@Component("dibaoDeadlines")
public class DibaoDeadlines {

    private final StaffNames staffNames;

    static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    static final Set<String> DELIVERY_METHODS = Set.of("IN_PERSON", "POST", "LEFT_AT_HOME");
    static final int MAX_TEXT = 500;

    private final TimeLimitRepository limits;
    private final DibaoCaseRepository cases;
    private final WorkingDays workingDays;
    private final AuditTrail audit;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final IdentityService identityService;

    public DibaoDeadlines(TimeLimitRepository limits, DibaoCaseRepository cases, WorkingDays workingDays,
                         AuditTrail audit, RuntimeService runtimeService, ManagementService managementService,
                         IdentityService identityService, StaffNames staffNames) {
        this.staffNames = staffNames;
        this.limits = limits;
        this.cases = cases;
        this.workingDays = workingDays;
        this.audit = audit;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.identityService = identityService;
    }

    /** The work of a limit starts: the limit runs from now, n working days by the calendar. */
    public void start(DelegateExecution execution, String kindName) {
        LimitKind kind = LimitKind.valueOf(kindName);
        // the process's township, kept in step with the case's when a reorganisation moves the household
        String township = (String) execution.getVariable(DibaoApplicationProcess.VAR_TOWNSHIP_CODE);
        Date now = ClockUtil.getCurrentTime();
        limits.open(caseIdOf(execution), township, kind, execution.getProcessInstanceId(),
                kind.workingDays(), now, workingDays.deadline(now, kind.workingDays()));
    }

    /** The work of a limit is done (in time or not). */
    public void met(DelegateExecution execution, String kindName) {
        limits.met(caseIdOf(execution), LimitKind.valueOf(kindName), ClockUtil.getCurrentTime());
    }

    /** The limit ran out before the work was done: record it and tell the level above. */
    public void overrun(DelegateExecution execution, String kindName) {
        LimitKind kind = LimitKind.valueOf(kindName);
        DibaoCase dibaoCase = caseOf(execution);
        TimeLimit limit = limits.running(dibaoCase.id(), kind).orElseThrow(
                () -> new IllegalStateException("no running " + kind + " limit for case " + dibaoCase.caseNumber()));
        limits.overrun(limit.id(), ClockUtil.getCurrentTime());
        String due = limit.dueAt().format(SHOWN);
        audit.record("DIBAO_CASE", dibaoCase.id(), dibaoCase.householdId(), dibaoCase.id(), "TIME_LIMIT_OVERRUN",
                "system", kind.label() + "已于" + due + "届满，报" + supervisorName(kind) + "督办",
                Map.of("limit", kind.name(), "workingDays", limit.workingDays(), "dueAt", due),
                Map.of("supervisorGroup", kind.supervisorGroup()));
        Map<String, Object> variables = new HashMap<>();
        variables.put(DibaoApplicationProcess.VAR_CASE_ID, dibaoCase.id());
        variables.put("caseNumber", dibaoCase.caseNumber());
        variables.put(DibaoApplicationProcess.VAR_TOWNSHIP_CODE, dibaoCase.townshipCode());
        variables.put("townshipName", execution.getVariable("townshipName"));
        variables.put("applicantName", execution.getVariable("applicantName"));
        variables.put(VAR_TIME_LIMIT_ID, limit.id());
        variables.put(VAR_LIMIT_KIND, kind.name());
        variables.put(VAR_LIMIT_NAME, kind.label() + "，" + limit.workingDays() + "个工作日");
        variables.put(VAR_LIMIT_DUE_AT, due);
        variables.put(VAR_SUPERVISOR_GROUP, kind.supervisorGroup());
        runtimeService.startProcessInstanceByKey(KEY, dibaoCase.caseNumber(), variables);
    }

    /** The clerk registers that the written refusal was delivered. */
    public void refusalNoticeIssued(DelegateTask task) {
        Object method = task.getVariable("deliveryMethod");
        if (method == null || !DELIVERY_METHODS.contains(method.toString())) {
            throw new RuleViolation("DELIVERY_METHOD_MISSING", "请选择送达方式（直接送达、邮寄送达或留置送达）");
        }
        String to = text(task.getVariable("deliveredTo"));
        if (to.isEmpty()) {
            throw new RuleViolation("DELIVERED_TO_MISSING", "请填写签收人");
        }
        if (to.length() > 30) {
            throw new RuleViolation("DELIVERED_TO_TOO_LONG", "签收人不能超过30个字");
        }
        String note = text(task.getVariable("deliveryNote"));
        if (note.length() > MAX_TEXT) {
            throw new RuleViolation("DELIVERY_NOTE_TOO_LONG", "备注不能超过" + MAX_TEXT + "个字");
        }
        DibaoCase dibaoCase = caseOf(task.getExecution());
        audit.record("DIBAO_CASE", dibaoCase.id(), dibaoCase.householdId(), dibaoCase.id(), "REFUSAL_NOTICE_DELIVERED",
                null, text(task.getVariable(DibaoApplicationProcess.VAR_REJECTION_REASON)), null,
                Map.of("deliveryMethod", method.toString(), "deliveredTo", to, "note", note));
    }

    /** The level above has looked into the late case and written what it ordered. */
    public void supervised(DelegateTask task) {
        String comment = text(task.getVariable(VAR_SUPERVISION_COMMENT));
        if (comment.isEmpty()) {
            throw new RuleViolation("SUPERVISION_COMMENT_MISSING", "请填写督办意见");
        }
        if (comment.length() > MAX_TEXT) {
            throw new RuleViolation("SUPERVISION_COMMENT_TOO_LONG", "督办意见不能超过" + MAX_TEXT + "个字");
        }
        long limitId = ((Number) task.getVariable(VAR_TIME_LIMIT_ID)).longValue();
        TimeLimit limit = limits.find(limitId).orElseThrow();
        String user = currentUser();
        limits.supervised(limitId, user, ClockUtil.getCurrentTime(), comment);
        DibaoCase dibaoCase = cases.find(limit.caseId()).orElseThrow();
        audit.record("DIBAO_CASE", dibaoCase.id(), dibaoCase.householdId(), dibaoCase.id(), "TIME_LIMIT_SUPERVISED",
                user, comment, null, Map.of("limit", limit.kind().name()));
    }

    /**
     * Extends the whole procedure of the case once, from 30 to 45 working days from acceptance, with
     * the reason; moves the procedure timer accordingly. Only before the 30 working days have run out.
     */
    @Transactional
    public TimeLimit extendProcedure(long caseId, String reason) {
        Authentication authentication = identityService.getCurrentAuthentication();
        List<String> groups = authentication == null || authentication.getGroupIds() == null ? List.of()
                : authentication.getGroupIds();
        if (groups.stream().noneMatch(g -> g.equals(Groups.DISTRICT_APPROVER) || g.equals(Groups.DIBAO_HEAD))) {
            throw new RuleViolation("EXTENSION_DISTRICT_ONLY", "只有区民政局审批人或低保科负责人可以延长办理期限", 403);
        }
        String why = reason == null ? "" : reason.trim();
        if (why.isEmpty()) {
            throw new RuleViolation("EXTENSION_REASON_MISSING", "请填写延长办理期限的理由");
        }
        if (why.length() > MAX_TEXT) {
            throw new RuleViolation("EXTENSION_REASON_TOO_LONG", "延期理由不能超过" + MAX_TEXT + "个字");
        }
        DibaoCase dibaoCase = cases.find(caseId).orElseThrow(() -> RuleViolation.notFound("案件" + caseId));
        TimeLimit limit = limits.running(caseId, LimitKind.PROCEDURE).orElseThrow(() -> new RuleViolation(
                "EXTENSION_NOT_RUNNING", "案件" + dibaoCase.caseNumber() + "不在审批程序中（尚未受理或已办结），无需延长办理期限", 409));
        if (limit.extendedAt() != null) {
            throw new RuleViolation("EXTENSION_ALREADY_GRANTED", "案件" + dibaoCase.caseNumber() + "的办理期限已于"
                    + limit.extendedAt().format(SHOWN) + "由" + staffNames.of(limit.extendedBy()) + "延长过一次（理由：" + limit.extensionReason()
                    + "），只能延长一次", 409);
        }
        if (limit.overrunAt() != null) {
            throw new RuleViolation("EXTENSION_TOO_LATE", "案件" + dibaoCase.caseNumber() + "的30个工作日办理期限已于"
                    + limit.dueAt().format(SHOWN) + "届满并已督办，延长须在期限届满前决定", 409);
        }
        Date startedAt = Date.from(limit.startedAt().atZone(WorkingCalendar.ZONE).toInstant());
        Date due = workingDays.deadline(startedAt, LimitKind.EXTENDED_PROCEDURE_DAYS);
        Date now = ClockUtil.getCurrentTime();
        String user = authentication.getUserId();
        if (!limits.extend(limit.id(), LimitKind.EXTENDED_PROCEDURE_DAYS, due, user, now, why)) {
            throw new RuleViolation("EXTENSION_ALREADY_GRANTED", "案件" + dibaoCase.caseNumber() + "的办理期限已延长过一次，只能延长一次", 409);
        }
        // the role was checked above; the engine's job is read and moved without per-instance grants of the user
        identityService.clearAuthentication();
        try {
            Job timer = managementService.createJobQuery().processInstanceId(limit.processInstanceId())
                    .activityId(LimitKind.PROCEDURE.timerId()).singleResult();
            if (timer != null) {
                managementService.setJobDuedate(timer.getId(), due);
            }
        } finally {
            identityService.setAuthentication(authentication);
        }
        audit.record("DIBAO_CASE", dibaoCase.id(), dibaoCase.householdId(), dibaoCase.id(), "TIME_LIMIT_EXTENDED",
                user, why, Map.of("workingDays", limit.workingDays(), "dueAt", limit.dueAt().format(SHOWN)),
                Map.of("workingDays", LimitKind.EXTENDED_PROCEDURE_DAYS,
                        "dueAt", due.toInstant().atZone(WorkingCalendar.ZONE).toLocalDateTime().format(SHOWN)));
        return limits.find(limit.id()).orElseThrow();
    }

    private DibaoCase caseOf(DelegateExecution execution) {
        return cases.find(caseIdOf(execution)).orElseThrow();
    }

    private static long caseIdOf(DelegateExecution execution) {
        return ((Number) execution.getVariable(DibaoApplicationProcess.VAR_CASE_ID)).longValue();
    }

    private String currentUser() {
        Authentication authentication = identityService.getCurrentAuthentication();
        return authentication != null && authentication.getUserId() != null ? authentication.getUserId() : "system";
    }

    private static String supervisorName(LimitKind kind) {
        return Groups.DIBAO_HEAD.equals(kind.supervisorGroup()) ? "低保科负责人" : "区民政局审批人";
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString().trim();
    }
}
