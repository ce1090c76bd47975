package cn.minzheng.bureau.community.mediation;

import static cn.minzheng.bureau.community.mediation.CivilMediationProcess.*;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import cn.minzheng.bureau.access.Groups;
import cn.minzheng.bureau.common.JsonRows;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.common.TextRules;
import cn.minzheng.bureau.region.Communities;
import cn.minzheng.bureau.common.FormDate;
import cn.minzheng.bureau.community.mediation.CivilMediationRepository.Party;
import cn.minzheng.bureau.community.mediation.CivilMediationRepository.Session;
import cn.minzheng.bureau.engine.EngineClock;
import cn.minzheng.bureau.region.Region;
import cn.minzheng.bureau.region.RegionRepository;

/** The rules of a civil mediation: whose community, who the parties are, sessions in order, the deadline. */
@Service
public class CivilMediationService {

    static final Map<String, String> ROLES = Map.of("APPLICANT", "申请人", "RESPONDENT", "被申请人");

    private final CivilMediationRepository disputes;
    private final RegionRepository regions;
    private final MediationSettings settings;

    public CivilMediationService(CivilMediationRepository disputes, RegionRepository regions, MediationSettings settings) {
        this.disputes = disputes;
        this.regions = regions;
        this.settings = settings;
    }

    public record Registered(long disputeId, LocalDate deadline, String partiesSummary) {
    }

    /** 登记纠纷: two parties at least, on both sides; the deadline runs from today. */
    public Registered register(Region community, String subject, List<Party> parties, String processInstanceId,
                               String actor) {
        LocalDate deadline = EngineClock.today().plus(settings.getDeadline());
        long id = disputes.register(community.code(), community.parentCode(), subject, parties, deadline, processInstanceId,
                actor);
        return new Registered(id, deadline, parties.stream()
                .map(p -> ROLES.get(p.role()) + "：" + p.partyName()).collect(Collectors.joining("；")));
    }

    /** The community of the registering committee member: named on the form, else the one committee the user is in. */
    public Region communityOf(List<String> groups, String named) {
        if (named == null) {
            List<String> committees = groups.stream().filter(g -> g.startsWith(Groups.committee(""))).toList();
            if (committees.size() != 1) {
                throw new RuleViolation("MISSING_FIELD", "请填写纠纷所在的社区（村）");
            }
            return Communities.community(regions, committees.get(0).substring(Groups.committee("").length()));
        }
        Region community = regions.townships().stream()
                .flatMap(t -> regions.children(t.code()).stream())
                .filter(Communities::hasCommittee)
                .filter(r -> r.code().equals(named) || r.name().equals(named) || r.name().equals(named + "社区"))
                .findFirst()
                .orElseThrow(() -> new RuleViolation("UNKNOWN_COMMUNITY", "社区（村）“" + named + "”不存在"));
        if (!groups.contains(Groups.committee(community.code()))) {
            throw new RuleViolation("OUTSIDE_AREA", "您只能登记本社区（村）的纠纷", 403);
        }
        return community;
    }

    /** The parties from the form's rows: name, side, contact; at least one applicant and one respondent. */
    static List<Party> parties(Object value) {
        List<Party> parties = new ArrayList<>();
        for (Map<String, Object> row : JsonRows.of(value, "当事人")) {
            parties.add(party(row));
        }
        if (parties.stream().noneMatch(p -> p.role().equals("APPLICANT")) || parties.stream().noneMatch(p -> p.role().equals("RESPONDENT"))) {
            throw new RuleViolation("PARTIES_MISSING", "纠纷至少要有一名申请人和一名被申请人");
        }
        return parties;
    }

    private static Party party(Map<String, Object> row) {
        String name = JsonRows.text(row, "partyName");
        if (name == null) {
            throw new RuleViolation("MISSING_FIELD", "当事人姓名不能为空");
        }
        if (name.length() > 50) {
            throw new RuleViolation("FIELD_TOO_LONG", "当事人姓名不能超过50个字");
        }
        String role = JsonRows.text(row, "role");
        if (role == null || !ROLES.containsKey(role)) {
            throw new RuleViolation("MISSING_DECISION", "请选择" + name + "是申请人还是被申请人");
        }
        String contact = JsonRows.text(row, "contact");
        if (contact != null && contact.length() > 100) {
            throw new RuleViolation("FIELD_TOO_LONG", "联系方式不能超过100个字");
        }
        for (String text : new String[] {name, contact}) {
            String problem = text == null ? null : TextRules.textProblem("当事人信息", text);
            if (problem != null) {
                throw new RuleViolation("FORBIDDEN_CHARACTERS", problem);
            }
        }
        return new Party(name, role, contact);
    }

    /** The timer of the mediation: the day after the deadline, at midnight. */
    public Date deadlineTimer(long disputeId) {
        LocalDate deadline = disputes.find(disputeId).orElseThrow().deadline();
        return Date.from(deadline.plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant());
    }

    public int sessionsHeld(long disputeId) {
        return disputes.sessions(disputeId).size();
    }

    /** The date of a session: not in the future, not before the previous session. */
    public LocalDate heldOn(long disputeId, Object value) {
        LocalDate heldOn = FormDate.past(value, "调解日期", EngineClock.today());
        List<Session> before = disputes.sessions(disputeId);
        if (!before.isEmpty() && heldOn.isBefore(before.get(before.size() - 1).heldOn())) {
            throw new RuleViolation("DATES_OUT_OF_ORDER", "调解日期不能早于上次调解日期（" + before.get(before.size() - 1).heldOn() + "）");
        }
        return heldOn;
    }

    public void recordSession(long disputeId, LocalDate heldOn, String mediator, String summary, String result) {
        disputes.recordSession(disputeId, heldOn, mediator, summary, result);
    }

    /** 调解结案（达成协议）. */
    public void closeWithAgreement(long disputeId, String agreement, String actor) {
        disputes.agreed(disputeId, agreement, actor);
    }

    /** 调解不成，移送法院或街道（乡镇）司法所. */
    public void refer(long disputeId, String referredTo, String reason, String actor) {
        disputes.referred(disputeId, referredTo, reason, actor);
    }

    /** The deadline passed: the street office is asked to step in, recorded once. */
    public void escalate(long disputeId) {
        disputes.escalated(disputeId);
    }

    /** 督办: the street office's instruction to the committee. */
    public void supervise(long disputeId, String note, String actor) {
        disputes.supervised(disputeId, note, actor);
    }
}
