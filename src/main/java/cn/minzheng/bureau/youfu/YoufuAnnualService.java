package cn.minzheng.bureau.youfu;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.minzheng.bureau.common.JsonRows;
import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.payroll.PayrollRepository;
import cn.minzheng.bureau.program.Program;
import cn.minzheng.bureau.youfu.YoufuAnnualRepository.AnnualCheck;
import cn.minzheng.bureau.youfu.YoufuAnnualRepository.CheckStatus;

/**
 * The rules of the yearly 年审 / 生存认证 of 优抚对象 (the design of 高龄津贴's 生存认证): every active recipient is
 * listed to the township's clerk, who confirms each alive and resident or says why not; those not confirmed by the
 * deadline are suspended from the first month not paid yet, and a later confirmation resumes them with back pay of
 * the months left unpaid, paid once by the next YOUFU payroll.
 */
@Service
public class YoufuAnnualService {

    public static final String CONFIRMED = "CONFIRMED";
    public static final String NOT_CONFIRMED = "NOT_CONFIRMED";

    private final YoufuAnnualRepository checks;
    private final YoufuRepository recipients;
    private final PayrollRepository payrolls;

    public YoufuAnnualService(YoufuAnnualRepository checks, YoufuRepository recipients, PayrollRepository payrolls) {
        this.checks = checks;
        this.recipients = recipients;
        this.payrolls = payrolls;
    }

    /** Lists every active recipient for the year's 年审 (a year listed already lists nobody again). */
    @Transactional
    public List<String> list(int year, LocalDate deadline, String processInstanceId) {
        checks.insertChecks(year, deadline, processInstanceId);
        return checks.townships(processInstanceId);
    }

    public List<Map<String, Object>> rows(String processInstanceId, String townshipCode) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (AnnualCheck c : checks.checks(processInstanceId, townshipCode)) {
            if (c.status() != CheckStatus.PENDING) {
                continue;
            }
            YoufuRecipient r = recipient(c.recipientId());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("checkId", c.id());
            row.put("personName", r.personName());
            row.put("idNumber", r.personIdNumber());
            row.put("categoryLabel", r.category().label() + (r.disabilityGrade() == null ? ""
                    : "（" + r.disabilityCause().label() + YoufuRules.chineseGrade(r.disabilityGrade()) + "）"));
            row.put("monthlyAmount", r.monthlyAmount() == null ? "" : Money.format(r.monthlyAmount()));
            rows.add(row);
        }
        return rows;
    }

    /** The clerk's answers for every pending recipient of the township, checked in full before any is written. */
    @Transactional
    public void answer(String processInstanceId, String townshipCode, Object submitted, String actor) {
        Map<Long, AnnualCheck> open = new LinkedHashMap<>();
        for (AnnualCheck c : checks.checks(processInstanceId, townshipCode)) {
            if (c.status() == CheckStatus.PENDING) {
                open.put(c.id(), c);
            }
        }
        Map<Long, String> decisions = new HashMap<>();
        Map<Long, String> reasons = new HashMap<>();
        Set<Long> seen = new HashSet<>();
        for (Map<String, Object> row : JsonRows.of(submitted, "年审名单")) {
            Long id = id(row.get("checkId"));
            AnnualCheck check = id == null ? null : open.get(id);
            if (check == null || !seen.add(id)) {
                throw new RuleViolation("YOUFU_CHECK_UNKNOWN", "年审名单中有不属于本次年审的人员（编号" + row.get("checkId") + "）");
            }
            String name = recipient(check.recipientId()).personName();
            String decision = JsonRows.text(row, "decision");
            if (!CONFIRMED.equals(decision) && !NOT_CONFIRMED.equals(decision)) {
                throw new RuleViolation("YOUFU_DECISION_MISSING", "请选择" + name + "的年审结论（健在且符合条件，或未能确认）");
            }
            String reason = JsonRows.text(row, "reason");
            if (NOT_CONFIRMED.equals(decision) && reason == null) {
                throw new RuleViolation("YOUFU_REASON_MISSING", name + "未能确认，请填写原因（如已去世、已迁出、联系不上）");
            }
            if (reason != null && reason.length() > 500) {
                throw new RuleViolation("YOUFU_REASON_TOO_LONG", name + "的原因不能超过500字");
            }
            decisions.put(id, decision);
            reasons.put(id, reason);
        }
        for (AnnualCheck c : open.values()) {
            if (!decisions.containsKey(c.id())) {
                throw new RuleViolation("YOUFU_DECISION_MISSING", "请对名单中的每位优抚对象作出年审结论，"
                        + recipient(c.recipientId()).personName() + "尚未年审");
            }
        }
        for (AnnualCheck c : open.values()) {
            checks.decide(c.id(), CheckStatus.valueOf(decisions.get(c.id())), reasons.get(c.id()), actor);
        }
    }

    /**
     * Every township answered, or the deadline passed: each recipient not confirmed is suspended from the first
     * month not paid yet (a pending one is recorded as 逾期未年审). Returns how many were suspended.
     */
    @Transactional
    public int suspendUnconfirmed(String processInstanceId) {
        int suspended = 0;
        for (String township : checks.townships(processInstanceId)) {
            for (AnnualCheck c : checks.checks(processInstanceId, township)) {
                if (c.status() == CheckStatus.CONFIRMED) {
                    continue;
                }
                String reason = c.reason();
                if (c.status() == CheckStatus.PENDING) {
                    reason = "逾期未年审（截止" + c.deadline() + "）";
                    checks.decide(c.id(), CheckStatus.NOT_CONFIRMED, reason, null);
                }
                YoufuRecipient r = recipient(c.recipientId());
                String from = firstUnpaidMonth(r);
                if (recipients.suspend(r.id(), "年审未确认：" + reason, c.decidedBy())) {
                    checks.markSuspended(c.id(), from);
                    suspended++;
                }
            }
        }
        return suspended;
    }

    /**
     * A confirmation after the suspension (the person came forward, the clerk verified later): the recipient is
     * active again, and the months left unpaid are paid by the next YOUFU payroll, once.
     */
    @Transactional
    public YoufuRecipient confirmLate(long checkId, String townshipOfClerk, String note, String actor) {
        AnnualCheck check = checks.check(checkId).orElseThrow(() -> RuleViolation.notFound("优抚对象年审记录" + checkId));
        if (townshipOfClerk != null && !townshipOfClerk.equals(check.townshipCode())) {
            throw new RuleViolation("FORBIDDEN", "只能年审本乡镇（街道）的优抚对象", 403);
        }
        if (check.status() != CheckStatus.NOT_CONFIRMED) {
            throw new RuleViolation("YOUFU_CHECK_NOT_SUSPENDED", check.status() == CheckStatus.CONFIRMED
                    ? "该优抚对象本年度已通过年审，无需补充认证" : "该优抚对象的本年度年审尚未截止，请在待办任务中办理", 409);
        }
        if (note == null || note.isBlank()) {
            throw new RuleViolation("YOUFU_REASON_MISSING", "请填写补充认证情况（如本人到场、入户核实）");
        }
        if (note.trim().length() > 500) {
            throw new RuleViolation("YOUFU_REASON_TOO_LONG", "补充认证情况不能超过500字");
        }
        checks.decide(checkId, CheckStatus.CONFIRMED, note.trim(), actor);
        YoufuRecipient r = recipient(check.recipientId());
        if (r.status() == YoufuStatus.SUSPENDED) {
            YearMonth now = YearMonth.now();
            // a month whose payroll is computed already is paid as back pay too
            YearMonth resumedIn = payrolls.findByMonth(Program.YOUFU, now).isPresent() ? now.plusMonths(1) : now;
            if (check.suspendedFrom() != null) {
                checks.recordBackPay(r.id(), check.suspendedFrom(), resumedIn, r.monthlyAmount());
            }
            recipients.resume(r.id(), "补充年审认证：" + note.trim(), actor);
        }
        return recipient(r.id());
    }

    private YoufuRecipient recipient(long id) {
        return recipients.find(id).orElseThrow();
    }

    private String firstUnpaidMonth(YoufuRecipient r) {
        String lastPaid = checks.lastPaidMonth(r.id());
        return lastPaid == null ? r.startMonth() : YearMonth.parse(lastPaid).plusMonths(1).toString();
    }

    private static Long id(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        try {
            return value == null ? null : Long.valueOf(value.toString().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
