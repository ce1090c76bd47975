package cn.minzheng.bureau.community.mediation;

import static cn.minzheng.bureau.community.mediation.CivilMediationProcess.*;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.access.Groups;
import cn.minzheng.bureau.common.Actor;
import cn.minzheng.bureau.common.JsonRows;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.common.TaskInput;
import cn.minzheng.bureau.common.TextRules;
import cn.minzheng.bureau.region.Communities;
import cn.minzheng.bureau.community.mediation.DisputeRepository.Party;
import cn.minzheng.bureau.region.Region;
import cn.minzheng.bureau.region.RegionRepository;

/** Service steps and the deadline of civil-mediation.bpmn: ${mediationActions.…}. */
@Component("mediationActions")
public class MediationActions {

    static final Map<String, String> ROLES = Map.of("APPLICANT", "申请人", "RESPONDENT", "被申请人");

    private final DisputeRepository disputes;
    private final RegionRepository regions;
    private final MediationSettings settings;

    public MediationActions(DisputeRepository disputes, RegionRepository regions, MediationSettings settings) {
        this.disputes = disputes;
        this.regions = regions;
        this.settings = settings;
    }

    /** 登记纠纷: in the community of the registering committee member; two parties at least, on both sides. */
    public void register(DelegateExecution execution) {
        TaskInput input = new TaskInput(execution);
        Region community = communityOf(execution, input.optionalText(VAR_COMMUNITY, "社区（村）", 40));
        String subject = input.text(VAR_SUBJECT, "纠纷事由", 500);
        List<Party> parties = parties(execution.getVariable(VAR_PARTIES));
        LocalDate deadline = today().plus(settings.getDeadline());
        long id = disputes.register(community.code(), community.parentCode(), subject, parties, deadline,
                execution.getProcessInstanceId(), Actor.currentOrNull(execution));
        execution.setVariable(VAR_DISPUTE_ID, id);
        execution.setVariable(VAR_COMMUNITY_CODE, community.code());
        execution.setVariable(VAR_TOWNSHIP_CODE, community.parentCode());
        execution.setVariable("communityName", community.name());
        execution.setVariable("partiesSummary", parties.stream()
                .map(p -> ROLES.get(p.role()) + "：" + p.partyName()).collect(Collectors.joining("；")));
        execution.setVariable("deadline", deadline.toString());
    }

    /** The timer of the mediation: the day after the deadline, at midnight. */
    public Date deadline(DelegateExecution execution) {
        LocalDate deadline = disputes.find(disputeId(execution)).orElseThrow().deadline();
        return Date.from(deadline.plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant());
    }

    /** 调解结案（达成协议）. */
    public void closeWithAgreement(DelegateExecution execution) {
        disputes.agreed(disputeId(execution), (String) execution.getVariable(VAR_AGREEMENT), Actor.currentOrNull(execution));
    }

    /** 调解不成，移送法院或街道（乡镇）司法所. */
    public void refer(DelegateExecution execution) {
        disputes.referred(disputeId(execution), (String) execution.getVariable(VAR_REFERRED_TO),
                (String) execution.getVariable(VAR_REFERRAL_REASON), Actor.currentOrNull(execution));
    }

    private Region communityOf(DelegateExecution execution, String named) {
        Authentication authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        List<String> groups = authentication == null || authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
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

    static List<Party> parties(Object value) {
        List<Party> parties = new ArrayList<>();
        for (Map<String, Object> row : JsonRows.of(value, "当事人")) {
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
            parties.add(new Party(name, role, contact));
        }
        if (parties.stream().noneMatch(p -> p.role().equals("APPLICANT")) || parties.stream().noneMatch(p -> p.role().equals("RESPONDENT"))) {
            throw new RuleViolation("PARTIES_MISSING", "纠纷至少要有一名申请人和一名被申请人");
        }
        return parties;
    }

    static long disputeId(VariableScope scope) {
        return ((Number) scope.getVariable(VAR_DISPUTE_ID)).longValue();
    }

    static LocalDate today() {
        return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.systemDefault());
    }
}
