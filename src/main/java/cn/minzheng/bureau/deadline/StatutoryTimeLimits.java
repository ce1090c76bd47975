package cn.minzheng.bureau.deadline;

import static cn.minzheng.bureau.deadline.StatutorySupervisionProcess.*;

import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.minzheng.bureau.audit.AuditTrail;
import cn.minzheng.bureau.calendar.WorkingCalendar;
import cn.minzheng.bureau.calendar.WorkingDays;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.common.TextRules;
import cn.minzheng.bureau.engine.EngineAuthentication;
import cn.minzheng.bureau.engine.EngineClock;

/**
 * Statutory time limits of any line of work, on the working-day calendar: a limit opens when its work starts (due
 * after n working days, the same date the process's {@code PnWD} timer computes), is met when the work is done, and
 * when the timer fires first the overrun is recorded and a supervision (statutory-supervision.bpmn) starts for the
 * level above. Times are the engine's clock, so that timers and table agree. 低保 uses {@link #due} and
 * {@link SupervisionRules} from here and keeps its own table (dibao_time_limit) and supervision process.
 */
@Service
public class StatutoryTimeLimits {

    public static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final StatutoryTimeLimitRepository limits;
    private final WorkingDays workingDays;
    private final AuditTrail audit;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final IdentityService identityService;

    public StatutoryTimeLimits(StatutoryTimeLimitRepository limits, WorkingDays workingDays, AuditTrail audit,
                               RuntimeService runtimeService, ManagementService managementService,
                               IdentityService identityService) {
        this.limits = limits;
        this.workingDays = workingDays;
        this.audit = audit;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.identityService = identityService;
    }

    /** When a limit started at {@code start} runs out: midnight after its n-th working day. */
    public Date due(Date start, StatutoryLimit limit) {
        return workingDays.deadline(start, limit.workingDays());
    }

    /** The work starts now: the limit runs from now. Returns its id. */
    public long open(String subjectType, long subjectId, String subjectName, StatutoryLimit limit, String processInstanceId) {
        Date now = EngineClock.now();
        return limits.open(subjectType, subjectId, subjectName, limit, processInstanceId, now, due(now, limit));
    }

    /** The work is done (in time or not). */
    public void met(String subjectType, long subjectId, StatutoryLimit limit) {
        limits.met(subjectType, subjectId, limit, EngineClock.now());
    }

    /**
     * The limit ran out before the work was done: recorded, in the audit trail of the subject, and the level above
     * gets a supervision task naming the work ({@code workName}, “民间组织成立登记”) and the subject.
     */
    public void overrun(String subjectType, long subjectId, StatutoryLimit limit, String workName) {
        StatutoryTimeLimit running = limits.running(subjectType, subjectId, limit).orElseThrow(
                () -> new IllegalStateException("no running " + limit.name() + " limit for " + subjectType + " " + subjectId));
        limits.overrun(running.id(), EngineClock.now());
        String due = running.dueAt().format(SHOWN);
        audit.record(subjectType, subjectId, null, null, "TIME_LIMIT_OVERRUN", "system",
                limit.label() + "已于" + due + "届满，报上级督办",
                Map.of("limit", limit.name(), "workingDays", running.workingDays(), "dueAt", due),
                Map.of("supervisorGroup", limit.supervisorGroup()));
        Map<String, Object> variables = new HashMap<>();
        variables.put(TIME_LIMIT_ID.name(), running.id());
        variables.put(SUBJECT_TYPE.name(), subjectType);
        variables.put(SUBJECT_ID.name(), subjectId);
        variables.put(SUBJECT_NAME.name(), running.subjectName());
        variables.put(WORK_NAME.name(), workName);
        variables.put(LIMIT_KIND.name(), limit.name());
        variables.put(LIMIT_NAME.name(), limit.label());
        variables.put(LIMIT_DUE_AT.name(), due);
        variables.put(SUPERVISOR_GROUP.name(), limit.supervisorGroup());
        runtimeService.startProcessInstanceByKey(KEY, subjectType + "-" + subjectId, variables);
    }

    /** The level above has looked into the late work and written what it ordered. */
    public void supervised(long limitId, String supervisionComment, String user) {
        String comment = SupervisionRules.comment(supervisionComment);
        StatutoryTimeLimit limit = limits.find(limitId).orElseThrow();
        limits.supervised(limitId, user, EngineClock.now(), comment);
        audit.record(limit.subjectType(), limit.subjectId(), null, null, "TIME_LIMIT_SUPERVISED", user, comment, null,
                Map.of("limit", limit.limitKind()));
    }

    /**
     * The running limit extended once by its {@link StatutoryLimit#extensionWorkingDays()}, counted from its start, with
     * the reason, before it runs out; the process's timer moves to the new due date. The caller has checked that the
     * user may grant it ({@link StatutoryLimit#extensionGroup()}). Refused (409) when nothing runs, when it was extended
     * before or has run out; a missing reason 400.
     */
    @Transactional
    public StatutoryTimeLimit extend(String subjectType, long subjectId, StatutoryLimit limit, String reason, String user) {
        if (limit.extensionWorkingDays() <= 0) {
            throw new IllegalArgumentException(limit.name() + " may not be extended");
        }
        String why = TextRules.required(reason, "延长期限的理由", 500);
        StatutoryTimeLimit running = limits.running(subjectType, subjectId, limit).orElseThrow(() -> new RuleViolation(
                "EXTENSION_NOT_RUNNING", "没有正在计算的“" + limit.label() + "”期限（尚未受理或已办结），无需延长", 409));
        if (running.extendedAt() != null) {
            throw new RuleViolation("EXTENSION_ALREADY_GRANTED", "“" + limit.label() + "”期限已于"
                    + running.extendedAt().format(SHOWN) + "延长过一次（理由：" + running.extensionReason() + "），只能延长一次", 409);
        }
        if (running.overrunAt() != null) {
            throw new RuleViolation("EXTENSION_TOO_LATE", "“" + limit.label() + "”期限已于" + running.dueAt().format(SHOWN)
                    + "届满并已报督办，延长须在期限届满前决定", 409);
        }
        int days = limit.workingDays() + limit.extensionWorkingDays();
        Date started = Date.from(running.startedAt().atZone(WorkingCalendar.ZONE).toInstant());
        Date due = workingDays.deadline(started, days);
        if (!limits.extend(running.id(), days, due, user, EngineClock.now(), why)) {
            throw new RuleViolation("EXTENSION_ALREADY_GRANTED", "“" + limit.label() + "”期限已延长过或已届满，不能再延长", 409);
        }
        EngineAuthentication.asSystem(identityService, () -> {
            Job timer = managementService.createJobQuery().processInstanceId(running.processInstanceId())
                    .activityId(limit.timerId()).singleResult();
            if (timer != null) {
                managementService.setJobDuedate(timer.getId(), due);
            }
            return null;
        });
        StatutoryTimeLimit extended = limits.find(running.id()).orElseThrow();
        audit.record(subjectType, subjectId, null, null, "TIME_LIMIT_EXTENDED", user, why,
                Map.of("limit", limit.name(), "workingDays", running.workingDays(), "dueAt", running.dueAt().format(SHOWN)),
                Map.of("workingDays", days, "dueAt", extended.dueAt().format(SHOWN)));
        return extended;
    }

    public List<StatutoryTimeLimit> of(String subjectType, long subjectId) {
        return limits.of(subjectType, subjectId);
    }
}
