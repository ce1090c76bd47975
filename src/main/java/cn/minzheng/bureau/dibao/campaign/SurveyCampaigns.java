package cn.minzheng.bureau.dibao.campaign;

import static cn.minzheng.bureau.dibao.campaign.CampaignProcess.*;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.minzheng.bureau.access.Groups;
import cn.minzheng.bureau.common.Actor;
import cn.minzheng.bureau.common.RecordRows;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.common.TaskInput;
import cn.minzheng.bureau.dibao.CaseStatus;
import cn.minzheng.bureau.dibao.review.ReviewRepository;
import cn.minzheng.bureau.dibao.review.ReviewStarter;

/**
 * 集中摸底调查 (dibao-survey-campaign.bpmn): the split of the district's cases across the teams, each
 * team's task with its share, the team leader's sign-off, and the results fed to the cases as reviews:
 * 维持 is recorded as a review that keeps the benefit, 变化 and 停保 start a review of the case.
 */
@Component("surveyCampaigns")
public class SurveyCampaigns {

    /** Cases the campaign covers: active cases and applications still in progress. */
    private static final String COVERED_STATUSES = "'APPROVED','APPLIED','UNDER_SURVEY','UNDER_REVIEW','IN_NOTICE'";

    private final JdbcClient jdbc;
    private final IdentityService identityService;
    private final RuntimeService runtimeService;
    private final ReviewStarter reviewStarter;
    private final ReviewRepository reviews;

    public SurveyCampaigns(JdbcClient jdbc, IdentityService identityService, RuntimeService runtimeService,
                           ReviewStarter reviewStarter, ReviewRepository reviews) {
        this.jdbc = jdbc;
        this.identityService = identityService;
        this.runtimeService = runtimeService;
        this.reviewStarter = reviewStarter;
        this.reviews = reviews;
    }

    /** Opens a campaign: one team per leader (each a 调查组组长), a deadline of at most one month ahead. */
    @Transactional
    public long start(String name, List<String> teamLeads, LocalDate deadline, String actor) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new RuleViolation("MISSING_FIELD", "请填写调查名称（不超过100个字）");
        }
        if (teamLeads == null || teamLeads.isEmpty() || teamLeads.size() > 50) {
            throw new RuleViolation("INVALID_TEAMS", "请指定各调查组组长（1至50个组）");
        }
        if (new HashSet<>(teamLeads).size() != teamLeads.size()) {
            throw new RuleViolation("INVALID_TEAMS", "同一人不能担任两个调查组的组长");
        }
        for (String lead : teamLeads) {
            if (!isTeamLead(lead)) {
                throw new RuleViolation("INVALID_TEAMS", "用户“" + lead + "”不是调查组组长（科级干部），不能带队");
            }
        }
        LocalDate due = deadline == null ? LocalDate.now().plusMonths(1) : deadline;
        if (due.isBefore(LocalDate.now()) || due.isAfter(LocalDate.now().plusMonths(1))) {
            throw new RuleViolation("INVALID_DEADLINE", "完成期限应在今天至一个月之内");
        }
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into survey_campaign (name, team_count, deadline, status, created_by, created_at) values (?, ?, ?, 'OPEN', ?, ?)")
                .params(name.trim(), teamLeads.size(), java.sql.Date.valueOf(due), actor, Timestamp.from(Instant.now()))
                .update(key, "id");
        long campaignId = key.getKey().longValue();
        for (int team = 0; team < teamLeads.size(); team++) {
            jdbc.sql("insert into survey_campaign_team (campaign_id, team_no, leader_user) values (?, ?, ?)")
                    .params(campaignId, team, teamLeads.get(team)).update();
        }
        String instance = runtimeService.startProcessInstanceByMessage(MESSAGE_START, "campaign-" + campaignId,
                Map.of(VAR_CAMPAIGN_ID, campaignId, VAR_TEAM_COUNT, teamLeads.size(), "deadline",
                        java.util.Date.from(due.atTime(23, 59).atZone(java.time.ZoneId.systemDefault()).toInstant()),
                        "campaignName", name.trim())).getId();
        jdbc.sql("update survey_campaign set process_instance_id = ? where id = ?").params(instance, campaignId).update();
        return campaignId;
    }

    /** Membership is checked as the system: the approver may not read other users in Camunda Admin's sense. */
    private boolean isTeamLead(String userId) {
        var authentication = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return identityService.createUserQuery().userId(userId).memberOfGroup(Groups.SURVEY_TEAM_LEAD).count() > 0;
        } finally {
            if (authentication != null) {
                identityService.setAuthentication(authentication);
            }
        }
    }

    /** 分组: every covered case of the district to one team, set-wise (by case id, spread evenly). */
    public void split(DelegateExecution execution) {
        long campaignId = campaignId(execution);
        int teams = ((Number) execution.getVariable(VAR_TEAM_COUNT)).intValue();
        jdbc.sql("""
                insert into survey_campaign_item (campaign_id, case_id, team_no, case_status)
                select ?, c.id, mod(c.id, ?), c.status from dibao_case c
                where c.status in (%s)
                  and not exists (select 1 from survey_campaign_item i where i.campaign_id = ? and i.case_id = c.id)"""
                .formatted(COVERED_STATUSES))
                .params(campaignId, teams, campaignId).update();
    }

    /** Who a team's task is assigned to: its leader, who finds it under 我的任务. */
    public String leaderOf(Object campaignId, Object teamNo) {
        return jdbc.sql("select leader_user from survey_campaign_team where campaign_id = ? and team_no = ?")
                .params(((Number) campaignId).longValue(), ((Number) teamNo).intValue()).query(String.class).single();
    }

    /** What the team's form shows: its number and its share, one case a line. */
    public void showShare(DelegateTask task) {
        task.removeVariable(VAR_TEAM_RESULTS);
        task.removeVariable(VAR_SIGNED_OFF);
        int team = teamNo(task);
        task.setVariableLocal("teamLabel", "第" + (team + 1) + "调查组");
        task.setVariableLocal("teamShare", share(campaignId(task), team).stream()
                .map(s -> s.caseNumber() + "，" + s.townshipName() + "，" + s.headName() + "，" + CaseStatus.valueOf(s.caseStatus()).label())
                .collect(Collectors.joining("\n")));
    }

    private record ShareLine(long caseId, String caseNumber, String townshipName, String headName, String caseStatus) {
    }

    private List<ShareLine> share(long campaignId, int team) {
        return jdbc.sql("""
                select i.case_id, c.case_number, r.name as township_name,
                    (select min(m.name) from household_member m where m.household_id = c.household_id and m.relation = 'HEAD') as head_name,
                    i.case_status
                from survey_campaign_item i join dibao_case c on c.id = i.case_id join region r on r.code = c.township_code
                where i.campaign_id = ? and i.team_no = ? order by c.township_code, c.case_number""")
                .params(campaignId, team).query(RecordRows.of(ShareLine.class)).list();
    }

    /**
     * 组长签发: the leader submits the team's results, one line per case (案件编号,结论,情况; 结论 维持, 变化
     * or 停保), and signs off. Every case of the share needs a result; 变化 and 停保 need what was found.
     */
    public void signOff(DelegateTask task) {
        TaskInput input = new TaskInput(task);
        if (!input.flag(VAR_SIGNED_OFF)) {
            throw new RuleViolation("NOT_SIGNED_OFF", "请组长确认签发本组调查结果（勾选“组长签发”）");
        }
        String text = input.text(VAR_TEAM_RESULTS, "本组调查结果", 500_000);
        long campaignId = campaignId(task);
        int team = teamNo(task);
        Map<String, ShareLine> byNumber = new HashMap<>();
        share(campaignId, team).forEach(s -> byNumber.put(s.caseNumber(), s));
        Map<Long, String[]> results = new HashMap<>();
        List<String> problems = new ArrayList<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("[,，]", 3);
            ShareLine share = byNumber.get(f[0].trim());
            String result = f.length > 1 ? result(f[1].trim()) : null;
            String finding = f.length > 2 ? f[2].trim() : "";
            if (share == null) {
                problems.add("第" + (i + 1) + "行的案件“" + f[0].trim() + "”不属于本组");
            } else if (result == null) {
                problems.add("第" + (i + 1) + "行的结论应为维持、变化或停保");
            } else if (!"KEEP".equals(result) && finding.isEmpty()) {
                problems.add("第" + (i + 1) + "行：结论为变化或停保时须写明调查情况");
            } else if (finding.length() > 1000) {
                problems.add("第" + (i + 1) + "行的调查情况不能超过1000个字");
            } else {
                results.put(share.caseId(), new String[] {result, finding});
            }
        }
        Set<String> missing = byNumber.values().stream().filter(s -> !results.containsKey(s.caseId()))
                .map(ShareLine::caseNumber).collect(Collectors.toCollection(java.util.TreeSet::new));
        if (!missing.isEmpty()) {
            problems.add("以下案件尚无调查结论：" + missing.stream().limit(10).collect(Collectors.joining("、"))
                    + (missing.size() > 10 ? "等" + missing.size() + "件" : ""));
        }
        if (!problems.isEmpty()) {
            throw new RuleViolation("INVALID_TEAM_RESULTS", String.join("；", problems.subList(0, Math.min(10, problems.size()))));
        }
        String leader = Actor.of(task);
        Timestamp now = Timestamp.from(Instant.now());
        results.forEach((caseId, r) -> jdbc.sql("""
                update survey_campaign_item set result = ?, finding = ?, recorded_by = ?, recorded_at = ?
                where campaign_id = ? and case_id = ?""").params(r[0], r[1], leader, now, campaignId, caseId).update());
        jdbc.sql("update survey_campaign_team set signed_off_by = ?, signed_off_at = ? where campaign_id = ? and team_no = ?")
                .params(leader, now, campaignId, team).update();
    }

    /** 结果反馈: 维持 is recorded as a review keeping the benefit; 变化 / 停保 start a review of the case. */
    public void feed(DelegateExecution execution) {
        long campaignId = campaignId(execution);
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                insert into dibao_review (case_id, kind, change_description, status, previous_amount, proposed_amount,
                    outcome, outcome_reason, process_instance_id, decided_by, created_at, closed_at)
                select c.id, 'CAMPAIGN', i.finding, 'APPLIED', c.monthly_amount, c.monthly_amount, 'KEEP',
                    '集中摸底调查：情况无变化，维持原待遇', ?, i.recorded_by, ?, ?
                from survey_campaign_item i join dibao_case c on c.id = i.case_id
                where i.campaign_id = ? and i.result = 'KEEP' and c.status = 'APPROVED'""")
                .params(execution.getProcessInstanceId(), now, now, campaignId).update();
        jdbc.sql("""
                update dibao_case set last_reviewed_at = ? where status = 'APPROVED' and id in
                    (select case_id from survey_campaign_item where campaign_id = ? and result = 'KEEP')""")
                .params(now, campaignId).update();
        List<Map<String, Object>> changed = jdbc.sql("""
                select i.case_id, i.result, i.finding from survey_campaign_item i join dibao_case c on c.id = i.case_id
                where i.campaign_id = ? and i.result in ('CHANGE','CANCEL') and c.status = 'APPROVED' order by i.case_id""")
                .param(campaignId).query().listOfRows();
        for (Map<String, Object> row : changed) {
            long caseId = ((Number) row.get("case_id")).longValue();
            if (!reviews.hasOpenReview(caseId)) {
                String prefix = "CANCEL".equals(row.get("result")) ? "集中摸底调查建议停保：" : "集中摸底调查发现变化：";
                reviewStarter.start(caseId, ReviewStarter.CAMPAIGN, prefix + row.get("finding"));
            }
        }
        jdbc.sql("update survey_campaign set status = 'CLOSED', closed_at = ? where id = ?").params(now, campaignId).update();
    }

    private static String result(String given) {
        return switch (given) {
            case "维持", "KEEP" -> "KEEP";
            case "变化", "CHANGE" -> "CHANGE";
            case "停保", "CANCEL" -> "CANCEL";
            default -> null;
        };
    }

    private static long campaignId(org.camunda.bpm.engine.delegate.VariableScope scope) {
        return ((Number) scope.getVariable(VAR_CAMPAIGN_ID)).longValue();
    }

    private static int teamNo(DelegateTask task) {
        return ((Number) task.getVariable("loopCounter")).intValue();
    }
}
