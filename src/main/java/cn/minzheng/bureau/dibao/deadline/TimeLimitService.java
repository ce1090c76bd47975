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
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.minzheng.bureau.access.Groups;
import cn.minzheng.bureau.access.StaffNames;
import cn.minzheng.bureau.audit.AuditTrail;
import cn.minzheng.bureau.calendar.WorkingCalendar;
import cn.minzheng.bureau.calendar.WorkingDays;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.deadline.StatutoryTimeLimits;
import cn.minzheng.bureau.deadline.SupervisionRules;
import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.dibao.DibaoCaseRepository;
import cn.minzheng.bureau.engine.EngineAuthentication;
import cn.minzheng.bureau.engine.EngineClock;

/**
 * The statutory time limits of a 低保 application: a limit opens when its work starts and is met when the
 * work ends; when it runs out first (the application process's boundary timers, PnWD by the working-day
 * calendar) a supervision (督办, dibao-supervision.bpmn) starts for the level above. The whole procedure
 * may be extended once to 45 working days. Times are the engine's clock, so that timers and tables agree.
 */
@Service
public class TimeLimitService {

    static final DateTimeFormatter SHOWN = StatutoryTimeLimits.SHOWN;
    static final Set<String> DELIVERY_METHODS = Set.of("IN_PERSON", "POST", "LEFT_AT_HOME");
    static final int MAX_TEXT = 500;

    private final TimeLimitRepository limits;
    private final DibaoCaseRepository cases;
    private final WorkingDays workingDays;
    private final AuditTrail audit;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final IdentityService identityService;
    private final StaffNames staffNames;
    private final StatutoryTimeLimits statutoryLimits;

    public TimeLimitService(TimeLimitRepository limits, DibaoCaseRepository cases, WorkingDays workingDays,
                            AuditTrail audit, RuntimeService runtimeService, ManagementService managementService,
                            IdentityService identityService, StaffNames staffNames, StatutoryTimeLimits statutoryLimits) {
        this.limits = limits;
        this.cases = cases;
        this.workingDays = workingDays;
        this.audit = audit;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.identityService = identityService;
        this.staffNames = staffNames;
        this.statutoryLimits = statutoryLimits;
    }

    /** The work of a limit starts: the limit runs from now, n working days by the calendar. */
    public void start(long caseId, String townshipCode, LimitKind kind, String processInstanceId) {
        Date now = EngineClock.now();
        limits.open(caseId, townshipCode, kind, processInstanceId, kind.workingDays(), now,
                statutoryLimits.due(now, kind));
    }

    /** The work of a limit is done (in time or not). */
    public void met(long caseId, LimitKind kind) {
        limits.met(caseId, kind, EngineClock.now());
    }

    /** Whether the case's limit of this kind was opened and is met (false while it runs, or when never opened). */
    public boolean isMet(long caseId, LimitKind kind) {
        return limits.running(caseId, kind).isEmpty() && limits.forCase(caseId).stream().anyMatch(l -> l.kind() == kind);
    }

    /**
     * The limit ran out before the work was done: record it and tell the level above, whose supervision task
     * shows the township and applicant as the application's forms did.
     */
    public void overrun(long caseId, LimitKind kind, String townshipName, String applicantName) {
        DibaoCase dibaoCase = cases.find(caseId).orElseThrow();
        TimeLimit limit = limits.running(dibaoCase.id(), kind).orElseThrow(
                () -> new IllegalStateException("no running " + kind + " limit for case " + dibaoCase.caseNumber()));
        limits.overrun(limit.id(), EngineClock.now());
        String due = limit.dueAt().format(SHOWN);
        audit.record("DIBAO_CASE", dibaoCase.id(), dibaoCase.householdId(), dibaoCase.id(), "TIME_LIMIT_OVERRUN",
                "system", kind.label() + "已于" + due + "届满，报" + supervisorName(kind) + "督办",
                Map.of("limit", kind.name(), "workingDays", limit.workingDays(), "dueAt", due),
                Map.of("supervisorGroup", kind.supervisorGroup()));
        Map<String, Object> variables = new HashMap<>();
        variables.put(CASE_ID.name(), dibaoCase.id());
        variables.put(CASE_NUMBER.name(), dibaoCase.caseNumber());
        variables.put(TOWNSHIP_CODE.name(), dibaoCase.townshipCode());
        variables.put(TOWNSHIP_NAME.name(), townshipName);
        variables.put(APPLICANT_NAME.name(), applicantName);
        variables.put(TIME_LIMIT_ID.name(), limit.id());
        variables.put(LIMIT_KIND.name(), kind.name());
        variables.put(LIMIT_NAME.name(), kind.label() + "，" + limit.workingDays() + "个工作日");
        variables.put(LIMIT_DUE_AT.name(), due);
        variables.put(SUPERVISOR_GROUP.name(), kind.supervisorGroup());
        runtimeService.startProcessInstanceByKey(KEY, dibaoCase.caseNumber(), variables);
    }

    /** The clerk registers that the written refusal was delivered: how, to whom, and a note. */
    public void refusalNoticeDelivered(long caseId, String method, String deliveredTo, String note, String rejectionReason) {
        if (method == null || !DELIVERY_METHODS.contains(method)) {
            throw new RuleViolation("DELIVERY_METHOD_MISSING", "请选择送达方式（直接送达、邮寄送达或留置送达）");
        }
        String to = text(deliveredTo);
        if (to.isEmpty()) {
            throw new RuleViolation("DELIVERED_TO_MISSING", "请填写签收人");
        }
        if (to.length() > 30) {
            throw new RuleViolation("DELIVERED_TO_TOO_LONG", "签收人不能超过30个字");
        }
        String shownNote = text(note);
        if (shownNote.length() > MAX_TEXT) {
            throw new RuleViolation("DELIVERY_NOTE_TOO_LONG", "备注不能超过" + MAX_TEXT + "个字");
        }
        DibaoCase dibaoCase = cases.find(caseId).orElseThrow();
        audit.record("DIBAO_CASE", dibaoCase.id(), dibaoCase.householdId(), dibaoCase.id(), "REFUSAL_NOTICE_DELIVERED",
                null, text(rejectionReason), null, Map.of("deliveryMethod", method, "deliveredTo", to, "note", shownNote));
    }

    /** The level above has looked into the late case and written what it ordered. */
    public void supervised(long limitId, String supervisionComment) {
        String comment = SupervisionRules.comment(supervisionComment);
        TimeLimit limit = limits.find(limitId).orElseThrow();
        String userId = EngineAuthentication.userId(identityService);
        String user = userId != null ? userId : "system";
        limits.supervised(limitId, user, EngineClock.now(), comment);
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
        List<String> groups = EngineAuthentication.groupIds(identityService);
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
        TimeLimit limit = extensibleProcedure(dibaoCase);
        Date startedAt = Date.from(limit.startedAt().atZone(WorkingCalendar.ZONE).toInstant());
        Date due = workingDays.deadline(startedAt, LimitKind.EXTENDED_PROCEDURE_DAYS);
        String user = EngineAuthentication.userId(identityService);
        if (!limits.extend(limit.id(), LimitKind.EXTENDED_PROCEDURE_DAYS, due, user, EngineClock.now(), why)) {
            throw new RuleViolation("EXTENSION_ALREADY_GRANTED", "案件" + dibaoCase.caseNumber() + "的办理期限已延长过一次，只能延长一次", 409);
        }
        moveProcedureTimer(limit, due);
        audit.record("DIBAO_CASE", dibaoCase.id(), dibaoCase.householdId(), dibaoCase.id(), "TIME_LIMIT_EXTENDED",
                user, why, Map.of("workingDays", limit.workingDays(), "dueAt", limit.dueAt().format(SHOWN)),
                Map.of("workingDays", LimitKind.EXTENDED_PROCEDURE_DAYS,
                        "dueAt", due.toInstant().atZone(WorkingCalendar.ZONE).toLocalDateTime().format(SHOWN)));
        return limits.find(limit.id()).orElseThrow();
    }

    /** The case's running procedure limit, if it may still be extended: once, and before it ran out. */
    private TimeLimit extensibleProcedure(DibaoCase dibaoCase) {
        TimeLimit limit = limits.running(dibaoCase.id(), LimitKind.PROCEDURE).orElseThrow(() -> new RuleViolation(
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
        return limit;
    }

    /** The role was checked: the engine's job is read and moved without per-instance grants of the user. */
    private void moveProcedureTimer(TimeLimit limit, Date due) {
        EngineAuthentication.asSystem(identityService, () -> {
            Job timer = managementService.createJobQuery().processInstanceId(limit.processInstanceId())
                    .activityId(LimitKind.PROCEDURE.timerId()).singleResult();
            if (timer != null) {
                managementService.setJobDuedate(timer.getId(), due);
            }
            return null;
        });
    }

    private static String supervisorName(LimitKind kind) {
        return Groups.DIBAO_HEAD.equals(kind.supervisorGroup()) ? "低保科负责人" : "区民政局审批人";
    }

    private static String text(String value) {
        return value == null ? "" : value.trim();
    }
}
