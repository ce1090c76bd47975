package cn.minzheng.bureau.dibao.campaign;

import static cn.minzheng.bureau.dibao.campaign.CampaignProcess.*;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.minzheng.bureau.access.Groups;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.dibao.DibaoCaseRepository;
import cn.minzheng.bureau.dibao.campaign.CampaignRepository.Finding;
import cn.minzheng.bureau.dibao.campaign.CampaignRepository.ShareLine;
import cn.minzheng.bureau.dibao.review.ReviewRepository;
import cn.minzheng.bureau.dibao.review.ReviewStarter;
import cn.minzheng.bureau.engine.EngineAuthentication;

/**
 * 集中摸底调查 (dibao-survey-campaign.bpmn, through {@link CampaignSteps}): the split of the district's cases
 * across the teams, each team's share, the team leader's sign-off, and the results fed to the cases as
 * reviews: 维持 is recorded as a review that keeps the benefit, 变化 and 停保 start a review of the case.
 */
@Service
public class CampaignService {

    private static final int MAX_PROBLEMS_SHOWN = 10;

    private final CampaignRepository campaigns;
    private final DibaoCaseRepository cases;
    private final ReviewRepository reviews;
    private final ReviewStarter reviewStarter;
    private final IdentityService identityService;
    private final RuntimeService runtimeService;

    public CampaignService(CampaignRepository campaigns, DibaoCaseRepository cases, ReviewRepository reviews,
                           ReviewStarter reviewStarter, IdentityService identityService, RuntimeService runtimeService) {
        this.campaigns = campaigns;
        this.cases = cases;
        this.reviews = reviews;
        this.reviewStarter = reviewStarter;
        this.identityService = identityService;
        this.runtimeService = runtimeService;
    }

    /** Opens a campaign: one team per leader (each a 调查组组长), a deadline of at most one month ahead. */
    @Transactional
    public long start(String name, List<String> teamLeads, LocalDate deadline, String actor) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new RuleViolation("MISSING_FIELD", "请填写调查名称（不超过100个字）");
        }
        requireTeamLeads(teamLeads);
        LocalDate due = deadline == null ? LocalDate.now().plusMonths(1) : deadline;
        if (due.isBefore(LocalDate.now()) || due.isAfter(LocalDate.now().plusMonths(1))) {
            throw new RuleViolation("INVALID_DEADLINE", "完成期限应在今天至一个月之内");
        }
        long campaignId = campaigns.insert(name.trim(), teamLeads, due, actor, Instant.now());
        Map<String, Object> variables = Map.of(CAMPAIGN_ID.name(), campaignId, TEAM_COUNT.name(), teamLeads.size(),
                DEADLINE.name(), Date.from(due.atTime(23, 59).atZone(ZoneId.systemDefault()).toInstant()),
                CAMPAIGN_NAME.name(), name.trim());
        String instance = runtimeService.startProcessInstanceByMessage(MESSAGE_START, "campaign-" + campaignId, variables)
                .getId();
        campaigns.attachProcess(campaignId, instance);
        return campaignId;
    }

    private void requireTeamLeads(List<String> teamLeads) {
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
    }

    /** Membership is checked as the system: the approver may not read other users in Camunda Admin's sense. */
    private boolean isTeamLead(String userId) {
        return EngineAuthentication.asSystem(identityService, () ->
                identityService.createUserQuery().userId(userId).memberOfGroup(Groups.SURVEY_TEAM_LEAD).count() > 0);
    }

    /** 分组: every covered case of the district to one team. */
    public void split(long campaignId, int teams) {
        campaigns.split(campaignId, teams);
    }

    /** Who a team's task is assigned to: its leader, who finds it under 我的任务. */
    public String leaderOf(long campaignId, int teamNo) {
        return campaigns.leaderOf(campaignId, teamNo);
    }

    /** How the team's form names it. */
    public static String teamLabel(int team) {
        return "第" + (team + 1) + "调查组";
    }

    /** What the team's form shows: its share, one case a line. */
    public String shareText(long campaignId, int team) {
        return campaigns.share(campaignId, team).stream()
                .map(s -> s.caseNumber() + "，" + s.townshipName() + "，" + s.headName() + "，" + s.caseStatus().label())
                .collect(Collectors.joining("\n"));
    }

    /**
     * 组长签发: the team's results, one line per case (案件编号,结论,情况; 结论 维持, 变化 or 停保). Every case of the
     * share needs a result; 变化 and 停保 need what was found. Nothing is recorded unless every line is right.
     */
    public void signOff(long campaignId, int team, String text, String leader) {
        Map<String, ShareLine> byNumber = new HashMap<>();
        campaigns.share(campaignId, team).forEach(s -> byNumber.put(s.caseNumber(), s));
        List<String> problems = new ArrayList<>();
        Map<Long, Finding> results = readResults(text, byNumber, problems);
        Set<String> missing = byNumber.values().stream().filter(s -> !results.containsKey(s.caseId()))
                .map(ShareLine::caseNumber).collect(Collectors.toCollection(TreeSet::new));
        if (!missing.isEmpty()) {
            problems.add("以下案件尚无调查结论：" + missing.stream().limit(10).collect(Collectors.joining("、"))
                    + (missing.size() > 10 ? "等" + missing.size() + "件" : ""));
        }
        if (!problems.isEmpty()) {
            throw new RuleViolation("INVALID_TEAM_RESULTS",
                    String.join("；", problems.subList(0, Math.min(MAX_PROBLEMS_SHOWN, problems.size()))));
        }
        campaigns.recordSignOff(campaignId, team, results, leader, Instant.now());
    }

    /** The lines of the results that are right, by case; a problem for each line that is not. */
    private static Map<Long, Finding> readResults(String text, Map<String, ShareLine> byNumber, List<String> problems) {
        Map<Long, Finding> results = new HashMap<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("[,，]", 3);
            ShareLine share = byNumber.get(f[0].trim());
            CampaignResult result = f.length > 1 ? CampaignResult.parse(f[1].trim()) : null;
            String finding = f.length > 2 ? f[2].trim() : "";
            String where = "第" + (i + 1) + "行";
            if (share == null) {
                problems.add(where + "的案件“" + f[0].trim() + "”不属于本组");
            } else if (result == null) {
                problems.add(where + "的结论应为维持、变化或停保");
            } else if (result != CampaignResult.KEEP && finding.isEmpty()) {
                problems.add(where + "：结论为变化或停保时须写明调查情况");
            } else if (finding.length() > 1000) {
                problems.add(where + "的调查情况不能超过1000个字");
            } else {
                results.put(share.caseId(), new Finding(share.caseId(), result, finding));
            }
        }
        return results;
    }

    /** 结果反馈: 维持 is recorded as a review keeping the benefit; 变化 / 停保 start a review of the case. */
    public void feed(long campaignId, String processInstanceId) {
        Instant now = Instant.now();
        reviews.recordKeptByCampaign(campaignId, CampaignResult.KEEP.name(), processInstanceId, now);
        cases.markActiveReviewed(campaigns.activeCasesFound(campaignId, CampaignResult.KEEP), now);
        for (Finding changed : campaigns.activeCasesChanged(campaignId)) {
            if (!reviews.hasOpenReview(changed.caseId())) {
                String prefix = changed.result() == CampaignResult.CANCEL ? "集中摸底调查建议停保：" : "集中摸底调查发现变化：";
                reviewStarter.start(changed.caseId(), ReviewStarter.CAMPAIGN, prefix + changed.finding());
            }
        }
        campaigns.close(campaignId, now);
    }
}
