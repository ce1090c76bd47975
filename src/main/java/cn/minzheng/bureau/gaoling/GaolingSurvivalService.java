package cn.minzheng.bureau.gaoling;

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
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.gaoling.GaolingRepository.Recipient;
import cn.minzheng.bureau.gaoling.GaolingRepository.RecipientStatus;
import cn.minzheng.bureau.gaoling.GaolingRepository.SurvivalCheck;
import cn.minzheng.bureau.gaoling.GaolingRepository.SurvivalStatus;
import cn.minzheng.bureau.payroll.PayrollRepository;
import cn.minzheng.bureau.program.Program;

/**
 * The rules of the yearly 生存认证: every active recipient is listed to the township's clerk, who confirms each
 * alive and resident or says why not; those not confirmed by the deadline are suspended from the next payroll,
 * and a later confirmation resumes them with back pay of the months left unpaid (paid once, by the next payroll).
 */
@Service
public class GaolingSurvivalService {

    public static final String CONFIRMED = "CONFIRMED";
    public static final String NOT_CONFIRMED = "NOT_CONFIRMED";

    private final GaolingRepository repository;
    private final PayrollRepository payrolls;

    public GaolingSurvivalService(GaolingRepository repository, PayrollRepository payrolls) {
        this.repository = repository;
        this.payrolls = payrolls;
    }

    /** Lists every active recipient for the year's 认证; returns the townships that have some. */
    @Transactional
    public List<String> list(int year, LocalDate deadline, String processInstanceId) {
        for (String township : repository.townshipsWithRecipients()) {
            for (Recipient r : repository.recipientsOfTownship(township)) {
                if (r.status() == RecipientStatus.ACTIVE) {
                    repository.insertSurvivalCheck(year, r, deadline, processInstanceId);
                }
            }
        }
        return repository.survivalTownships(processInstanceId);
    }

    public List<Map<String, Object>> rows(String processInstanceId, String townshipCode) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SurvivalCheck c : repository.survivalChecks(processInstanceId, townshipCode)) {
            if (c.status() != SurvivalStatus.PENDING) {
                continue;
            }
            Recipient r = repository.recipient(c.recipientId()).orElseThrow();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("checkId", c.id());
            row.put("personName", r.personName());
            row.put("idNumber", r.personIdNumber());
            row.put("tierLabel", r.tier().label());
            row.put("deadline", c.deadline().toString());
            rows.add(row);
        }
        return rows;
    }

    /** The clerk's answers for every pending recipient of the township, checked in full before any is written. */
    @Transactional
    public void answer(String processInstanceId, String townshipCode, Object submitted, String actor) {
        Map<Long, SurvivalCheck> open = new LinkedHashMap<>();
        for (SurvivalCheck c : repository.survivalChecks(processInstanceId, townshipCode)) {
            if (c.status() == SurvivalStatus.PENDING) {
                open.put(c.id(), c);
            }
        }
        Map<Long, String> decisions = new HashMap<>();
        Map<Long, String> reasons = new HashMap<>();
        Set<Long> seen = new HashSet<>();
        for (Map<String, Object> row : JsonRows.of(submitted, "认证名单")) {
            Long id = id(row.get("checkId"));
            SurvivalCheck check = id == null ? null : open.get(id);
            if (check == null || !seen.add(id)) {
                throw new RuleViolation("GAOLING_SURVIVAL_UNKNOWN", "认证名单中有不属于本次认证的人员（编号" + row.get("checkId") + "）");
            }
            String name = repository.recipient(check.recipientId()).orElseThrow().personName();
            String decision = JsonRows.text(row, "decision");
            if (!CONFIRMED.equals(decision) && !NOT_CONFIRMED.equals(decision)) {
                throw new RuleViolation("GAOLING_DECISION_MISSING", "请选择" + name + "的认证结论（健在且在本地居住，或未能确认）");
            }
            String reason = JsonRows.text(row, "reason");
            if (NOT_CONFIRMED.equals(decision) && reason == null) {
                throw new RuleViolation("GAOLING_REASON_MISSING", name + "未能确认，请填写原因（如已去世、已迁出、联系不上）");
            }
            if (reason != null && reason.length() > 500) {
                throw new RuleViolation("GAOLING_REASON_TOO_LONG", name + "的原因不能超过500字");
            }
            decisions.put(id, decision);
            reasons.put(id, reason);
        }
        for (SurvivalCheck c : open.values()) {
            if (!decisions.containsKey(c.id())) {
                throw new RuleViolation("GAOLING_DECISION_MISSING", "请对名单中的每位老人作出认证结论，"
                        + repository.recipient(c.recipientId()).orElseThrow().personName() + "尚未认证");
            }
        }
        for (SurvivalCheck c : open.values()) {
            repository.decideSurvival(c.id(), SurvivalStatus.valueOf(decisions.get(c.id())), reasons.get(c.id()), actor);
        }
    }

    /**
     * The deadline passed or every township answered: each recipient not confirmed is suspended from the first month
     * not paid yet (a pending one is recorded as not confirmed, 逾期未认证). Returns how many were suspended.
     */
    @Transactional
    public int suspendUnconfirmed(String processInstanceId) {
        int suspended = 0;
        for (String township : repository.survivalTownships(processInstanceId)) {
            for (SurvivalCheck c : repository.survivalChecks(processInstanceId, township)) {
                if (c.status() == SurvivalStatus.CONFIRMED) {
                    continue;
                }
                String reason = c.reason();
                if (c.status() == SurvivalStatus.PENDING) {
                    reason = "逾期未认证（截止" + c.deadline() + "）";
                    repository.decideSurvival(c.id(), SurvivalStatus.NOT_CONFIRMED, reason, null);
                }
                Recipient r = repository.recipient(c.recipientId()).orElseThrow();
                if (r.status() == RecipientStatus.ACTIVE) {
                    repository.suspend(r, firstUnpaidMonth(r), c.decidedBy(), "生存认证未确认：" + reason);
                    suspended++;
                }
            }
        }
        return suspended;
    }

    /**
     * A confirmation after the suspension (the person came forward, the clerk confirmed later): the recipient is
     * active again, and the months left unpaid are paid by the next payroll, once.
     */
    @Transactional
    public Recipient confirmLate(long checkId, String townshipOfClerk, String note, String actor) {
        SurvivalCheck check = repository.survivalCheck(checkId)
                .orElseThrow(() -> RuleViolation.notFound("生存认证记录" + checkId));
        if (townshipOfClerk != null && !townshipOfClerk.equals(check.townshipCode())) {
            throw new RuleViolation("FORBIDDEN", "只能认证本乡镇（街道）的高龄津贴对象", 403);
        }
        if (check.status() != SurvivalStatus.NOT_CONFIRMED) {
            throw new RuleViolation("GAOLING_SURVIVAL_NOT_SUSPENDED", check.status() == SurvivalStatus.CONFIRMED
                    ? "该对象本年度已认证，无需补充认证" : "该对象的本年度认证尚未截止，请在待办任务中认证", 409);
        }
        if (note == null || note.isBlank()) {
            throw new RuleViolation("GAOLING_REASON_MISSING", "请填写补充认证情况（如本人到场、入户核实）");
        }
        repository.decideSurvival(checkId, SurvivalStatus.CONFIRMED, note.trim(), actor);
        Recipient r = repository.recipient(check.recipientId()).orElseThrow();
        if (r.status() == RecipientStatus.SUSPENDED) {
            YearMonth now = YearMonth.now();
            // a month whose payroll is computed already is paid as back pay too
            YearMonth resumedIn = payrolls.findByMonth(Program.GAOLING, now).isPresent() ? now.plusMonths(1) : now;
            repository.resume(r, resumedIn, actor, "补充生存认证：" + note.trim());
        }
        return repository.recipient(r.id()).orElseThrow();
    }

    private String firstUnpaidMonth(Recipient r) {
        String lastPaid = repository.lastPaidMonth(r.id());
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
