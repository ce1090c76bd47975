package cn.minzheng.bureau.gaoling;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.minzheng.bureau.common.JsonRows;
import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.gaoling.GaolingRepository.Proposal;
import cn.minzheng.bureau.gaoling.GaolingRepository.ProposalStatus;
import cn.minzheng.bureau.gaoling.GaolingRepository.Recipient;
import cn.minzheng.bureau.gaoling.GaolingRepository.Resident;
import cn.minzheng.bureau.household.ResidentIdNumber;
import cn.minzheng.bureau.program.Enrolment;

/**
 * The rules of 高龄津贴's monthly proposal: who is proposed (every registered resident who is in a tier in the
 * month and not yet enrolled at it, so nobody eligible is missed and nobody applies), and what the township clerk
 * answers for each person, validated in full before anything is written. Called by the process steps, by
 * Tasklist's form (the same steps) and by the /api controller.
 */
@Service
public class GaolingService {

    public static final String CONFIRM = "CONFIRM";
    public static final String NOT_CONFIRMED = "NOT_CONFIRMED";

    private final GaolingRepository repository;
    private final GaolingAllowance allowance;

    public GaolingService(GaolingRepository repository, GaolingAllowance allowance) {
        this.repository = repository;
        this.allowance = allowance;
    }

    /**
     * Proposes, for the month, each resident who reaches a tier (80, 90, 100) or is in one and not yet enrolled at
     * it nor proposed for it; returns the townships that got proposals.
     */
    @Transactional
    public List<String> propose(YearMonth month, String processInstanceId) {
        LocalDate bornBy = month.atEndOfMonth().minusYears(80);
        for (Resident resident : repository.residentsBornBy(bornBy)) {
            if (!ResidentIdNumber.isValid(resident.idNumber())) {
                continue;
            }
            Optional<GaolingAllowance.Entitlement> entitlement = allowance.of(resident.idNumber(), month);
            if (entitlement.isEmpty()) {
                continue;
            }
            AgeTier tier = entitlement.get().tier();
            Optional<Recipient> recipient = repository.recipientOf(resident.idNumber());
            if (recipient.isPresent() && recipient.get().tier().compareTo(tier) >= 0) {
                continue;
            }
            if (repository.proposedAlready(resident.idNumber(), tier, month.toString())) {
                continue;
            }
            repository.insertProposal(month.toString(), resident, entitlement.get(), processInstanceId);
        }
        return repository.proposedTownships(processInstanceId);
    }

    /** The proposals a township's clerk answers, as the form's rows. */
    public List<Map<String, Object>> rows(String processInstanceId, String townshipCode) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Proposal p : repository.proposals(processInstanceId, townshipCode)) {
            if (p.status() != ProposalStatus.PROPOSED) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("proposalId", p.id());
            row.put("personName", p.personName());
            row.put("idNumber", p.personIdNumber());
            row.put("birthDate", p.birthDate().toString());
            row.put("tierLabel", p.tier().label());
            row.put("amount", Money.format(p.amount()));
            row.put("change", repository.recipientOf(p.personIdNumber()).map(r -> "升档（原" + r.tier().label() + "）").orElse("新纳入"));
            rows.add(row);
        }
        return rows;
    }

    /** What the clerk answered, counted. */
    public record Answered(int confirmed, int notConfirmed) {
    }

    /**
     * The clerk's answers for every open proposal of the township in this instance: 确认 enrols the person (or
     * moves the enrolment up a tier) with the proposal's amount and calculation; 未确认 needs the reason. All
     * answers are checked before any is written.
     */
    @Transactional
    public Answered confirm(String processInstanceId, String townshipCode, Object submitted, String actor) {
        Map<Long, Proposal> open = new LinkedHashMap<>();
        for (Proposal p : repository.proposals(processInstanceId, townshipCode)) {
            if (p.status() == ProposalStatus.PROPOSED) {
                open.put(p.id(), p);
            }
        }
        Map<Long, String> decisions = new HashMap<>();
        Map<Long, String> reasons = new HashMap<>();
        Set<Long> seen = new HashSet<>();
        for (Map<String, Object> row : JsonRows.of(submitted, "核对名单")) {
            Long id = proposalId(row);
            Proposal proposal = id == null ? null : open.get(id);
            if (proposal == null) {
                throw new RuleViolation("GAOLING_PROPOSAL_UNKNOWN", "核对名单中有不属于本次提议的人员（编号" + row.get("proposalId") + "）");
            }
            if (!seen.add(id)) {
                throw new RuleViolation("GAOLING_PROPOSAL_TWICE", proposal.personName() + "在核对名单中出现了两次");
            }
            String decision = JsonRows.text(row, "decision");
            if (!CONFIRM.equals(decision) && !NOT_CONFIRMED.equals(decision)) {
                throw new RuleViolation("GAOLING_DECISION_MISSING", "请选择" + proposal.personName() + "的核对结论（确认或未确认）");
            }
            String reason = JsonRows.text(row, "reason");
            if (NOT_CONFIRMED.equals(decision) && reason == null) {
                throw new RuleViolation("GAOLING_REASON_MISSING", proposal.personName() + "未确认，请填写原因（如户籍已迁出、已死亡、身份信息不符）");
            }
            if (reason != null && reason.length() > 500) {
                throw new RuleViolation("GAOLING_REASON_TOO_LONG", proposal.personName() + "的原因不能超过500字");
            }
            decisions.put(id, decision);
            reasons.put(id, reason);
        }
        for (Proposal p : open.values()) {
            if (!decisions.containsKey(p.id())) {
                throw new RuleViolation("GAOLING_DECISION_MISSING", "请对名单中的每位老人作出核对结论，" + p.personName() + "尚未核对");
            }
        }
        int confirmed = 0;
        for (Proposal p : open.values()) {
            boolean yes = CONFIRM.equals(decisions.get(p.id()));
            if (!repository.decideProposal(p.id(), yes ? ProposalStatus.CONFIRMED : ProposalStatus.NOT_CONFIRMED,
                    reasons.get(p.id()), actor)) {
                throw new RuleViolation("GAOLING_PROPOSAL_DECIDED", p.personName() + "的提议已经核对过，请刷新后重试", 409);
            }
            if (yes) {
                enrolOrMoveUp(p, actor);
                confirmed++;
            }
        }
        return new Answered(confirmed, open.size() - confirmed);
    }

    private Enrolment enrolOrMoveUp(Proposal p, String actor) {
        Optional<Recipient> existing = repository.recipientOf(p.personIdNumber());
        if (existing.isEmpty()) {
            return repository.enrol(p, actor);
        }
        return repository.moveUp(existing.get(), p, actor);
    }

    private static Long proposalId(Map<String, Object> row) {
        Object value = row.get("proposalId");
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
