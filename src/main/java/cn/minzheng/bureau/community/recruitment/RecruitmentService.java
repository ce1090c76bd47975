package cn.minzheng.bureau.community.recruitment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.minzheng.bureau.access.Groups;
import cn.minzheng.bureau.access.StaffNames;
import cn.minzheng.bureau.common.JsonRows;
import cn.minzheng.bureau.common.Quantities;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.common.TextRules;
import cn.minzheng.bureau.region.Communities;
import cn.minzheng.bureau.community.recruitment.RecruitmentRepository.Application;
import cn.minzheng.bureau.community.recruitment.RecruitmentRepository.Worker;
import cn.minzheng.bureau.engine.EngineClock;
import cn.minzheng.bureau.household.ResidentIdNumber;
import cn.minzheng.bureau.region.Region;
import cn.minzheng.bureau.region.RegionRepository;

/**
 * The rules of a recruitment round: who opens it, who may apply, who the reviewer may exclude, valid scores,
 * the ranking, four eyes between scoring and approval, and the directors.
 */
@Service
public class RecruitmentService {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private final RecruitmentRepository recruitment;
    private final RegionRepository regions;
    private final RecruitmentSettings settings;
    private final StaffNames staffNames;

    public RecruitmentService(RecruitmentRepository recruitment, RegionRepository regions, RecruitmentSettings settings,
                              StaffNames staffNames) {
        this.recruitment = recruitment;
        this.regions = regions;
        this.settings = settings;
        this.staffNames = staffNames;
    }

    // ---- the round ----

    /** The township of a new round: a street office's (township's) own clerk opens it. */
    public Region township(String code, List<String> groups) {
        Region township = Communities.township(regions, code);
        if (!groups.contains(Groups.clerk(township.code()))) {
            throw new RuleViolation("OUTSIDE_AREA", "您只能发布本乡镇（街道）的社区工作者招聘", 403);
        }
        return township;
    }

    /** The posts per community of the township, from the start form's rows: each community once. */
    public Map<String, Integer> posts(Region township, Object rows) {
        Map<String, Integer> posts = new LinkedHashMap<>();
        for (Map<String, Object> row : JsonRows.of(rows, "岗位")) {
            Region community = Communities.inTownship(regions, township.code(), JsonRows.text(row, "community"));
            int count = (int) Quantities.whole(row.get("posts"), community.name() + "的岗位数", 1, 50);
            if (posts.put(community.code(), count) != null) {
                throw new RuleViolation("DUPLICATE_ROW", community.name() + "填写了两次，请合并为一行");
            }
        }
        if (posts.isEmpty()) {
            throw new RuleViolation("MISSING_FIELD", "请至少填写一个社区的岗位数");
        }
        return posts;
    }

    public long openRound(Region township, String title, Map<String, Integer> posts, String processInstanceId, String actor) {
        return recruitment.openRound(township.code(), title, posts, processInstanceId, actor);
    }

    public String postsSummary(Map<String, Integer> posts) {
        return posts.entrySet().stream().map(e -> name(e.getKey()) + e.getValue() + "名").collect(Collectors.joining("；"));
    }

    public void finish(long roundId) {
        recruitment.complete(roundId);
    }

    String name(String regionCode) {
        return regions.find(regionCode).map(Region::name).orElse(regionCode);
    }

    // ---- registration and eligibility ----

    /** Who applied so far, one line each. */
    public String registeredSummary(long roundId) {
        List<Application> applications = recruitment.applications(roundId);
        return applications.isEmpty() ? "尚无报名" : applications.stream()
                .map(a -> name(a.communityCode()) + " " + a.applicantName() + (a.eligible() ? "" : "（不符合条件：" + a.ineligibleReason() + "）"))
                .collect(Collectors.joining("\n"));
    }

    private record Applicant(String name, ResidentIdNumber id, Region community, Education education) {
    }

    /** 报名登记: applicants with resident ID, community and education; eligibility checked as each is registered. */
    public void register(long roundId, String township, Object rows, String actor) {
        LocalDate today = EngineClock.today();
        for (Applicant applicant : applicants(roundId, township, JsonRows.of(rows, "报名人员"))) {
            Eligibility.Verdict verdict = Eligibility.check(applicant.id(), applicant.education(),
                    recruitment.isWorker(applicant.id().value()), today, settings);
            recruitment.apply(roundId, applicant.community().code(), applicant.name(), applicant.id().value(),
                    applicant.education(), verdict, actor);
        }
    }

    /** The rows checked, all of them before any is stored: names, ID numbers, a post in the community, once each. */
    private List<Applicant> applicants(long roundId, String township, List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            throw new RuleViolation("MISSING_FIELD", "请至少登记一名报名人员");
        }
        Map<String, Integer> posts = recruitment.posts(roundId);
        Set<String> seen = new HashSet<>();
        List<Applicant> applicants = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            String name = JsonRows.text(row, "applicantName");
            if (name == null || name.length() > 50) {
                throw new RuleViolation("MISSING_FIELD", "报名人员姓名不能为空，且不超过50个字");
            }
            String problem = TextRules.textProblem("姓名", name);
            if (problem != null) {
                throw new RuleViolation("FORBIDDEN_CHARACTERS", problem);
            }
            ResidentIdNumber id = ResidentIdNumber.parse(JsonRows.text(row, "idNumber"));
            Region community = Communities.inTownship(regions, township, JsonRows.text(row, "community"));
            if (!posts.containsKey(community.code())) {
                throw new RuleViolation("NO_POST", community.name() + "本轮没有招聘岗位");
            }
            if (!seen.add(id.value()) || recruitment.applied(roundId, id.value())) {
                throw new RuleViolation("DUPLICATE_APPLICATION", name + "已报名，同一人在本轮只能报名一次");
            }
            applicants.add(new Applicant(name, id, community, Education.parse(row.get("education"))));
        }
        return applicants;
    }

    public record EligibilityView(String summary, List<Map<String, Object>> excludeOptions) {
    }

    /** The applicants with the rule's verdict, and the applicants the rules admitted as options to exclude. */
    public EligibilityView eligibility(long roundId) {
        List<String> lines = new ArrayList<>();
        List<Map<String, Object>> options = new ArrayList<>();
        for (Application a : recruitment.applications(roundId)) {
            String who = a.applicantName() + "（" + name(a.communityCode()) + "）";
            lines.add(who + " " + a.age() + "岁 " + Education.valueOf(a.education()).label() + " — "
                    + (a.eligible() ? "合格" : "不合格：" + a.ineligibleReason()));
            if (a.eligible()) {
                options.add(Map.of("label", who, "value", String.valueOf(a.id())));
            }
        }
        return new EligibilityView(String.join("\n", lines), options);
    }

    public void returnEligibility(long roundId, String actor, String comment) {
        recruitment.eligibilityReturned(roundId, actor, comment);
    }

    /** The applications the reviewer ticked: of this round, and admitted by the rules. */
    public List<Application> toExclude(long roundId, List<String> ids) {
        List<Application> all = recruitment.applications(roundId);
        List<Application> excluded = new ArrayList<>();
        for (String id : ids) {
            Application a = all.stream().filter(x -> String.valueOf(x.id()).equals(id)).findFirst()
                    .orElseThrow(() -> new RuleViolation("UNKNOWN_APPLICATION", "取消资格的人员不是本轮的报名人员，请重新打开任务"));
            if (!a.eligible()) {
                throw new RuleViolation("NOT_ELIGIBLE", a.applicantName() + "已因不符合报名条件（" + a.ineligibleReason() + "）不合格，无需取消");
            }
            excluded.add(a);
        }
        return excluded;
    }

    /** 资格审查 confirmed: the excluded applicants (a reason required) lose their eligibility; someone must remain. */
    public void confirmEligibility(long roundId, List<Application> excluded, String reason, String actor) {
        if (!excluded.isEmpty()) {
            if (reason == null) {
                throw new RuleViolation("MISSING_FIELD", "已勾选取消资格的人员，请填写取消资格的理由");
            }
            for (Application a : excluded) {
                recruitment.excluded(roundId, a.id(), reason, actor);
            }
        }
        long eligible = recruitment.applications(roundId).stream().filter(Application::eligible).count();
        if (eligible == 0) {
            throw new RuleViolation("NO_ELIGIBLE_APPLICANTS", "没有资格审查合格的报名人员，请退回继续报名");
        }
        recruitment.eligibilityConfirmed(roundId, actor, eligible);
    }

    /** The eligible applications: each gets its own scoring task. */
    public List<Long> eligibleApplications(long roundId) {
        return recruitment.applications(roundId).stream().filter(Application::eligible).map(Application::id).toList();
    }

    // ---- scores, ranking and approval ----

    public Application scoredApplication(long roundId, long applicationId) {
        return recruitment.applications(roundId).stream().filter(a -> a.id() == applicationId && a.eligible())
                .findFirst().orElseThrow(() -> new RuleViolation("UNKNOWN_APPLICATION", "该报名人员不在资格审查合格名单中"));
    }

    /** 笔试、面试成绩 of one applicant, each 0–100 with at most two decimals. */
    public void score(long roundId, Application a, Object written, Object interview, String actor) {
        BigDecimal writtenScore = score(written, a.applicantName() + "的笔试成绩");
        BigDecimal interviewScore = score(interview, a.applicantName() + "的面试成绩");
        recruitment.scores(roundId, Map.of(a.id(), new BigDecimal[] {writtenScore, interviewScore}), actor);
    }

    /** 按成绩排名: per community by total score, ties by written score, then by registration order; the summary. */
    public String rank(long roundId) {
        List<Ranking.Scored> scored = recruitment.applications(roundId).stream().filter(Application::eligible)
                .map(a -> new Ranking.Scored(a.id(), a.communityCode(), a.writtenScore(), a.interviewScore())).toList();
        List<Ranking.Ranked> ranking = Ranking.rank(scored, recruitment.posts(roundId), settings.getWrittenWeight(),
                settings.getInterviewWeight());
        recruitment.ranked(roundId, ranking);
        Map<Long, String> names = recruitment.applications(roundId).stream()
                .collect(Collectors.toMap(Application::id, Application::applicantName));
        return ranking.stream()
                .map(r -> name(r.communityCode()) + " 第" + r.rank() + "名 " + names.get(r.applicationId()) + " 总分"
                        + r.total().toPlainString() + (r.proposed() ? " 拟聘用" : ""))
                .collect(Collectors.joining("\n"));
    }

    /** Four eyes: whoever entered scores does not approve the ranking. */
    public void requireNotScorer(Set<String> scorers, String actor) {
        if (actor != null && scorers.contains(actor)) {
            throw new RuleViolation("FOUR_EYES", "四眼原则：" + staffNames.of(actor) + "已录入本轮的笔试面试成绩，不能再审批聘用，请由其他人员办理", 403);
        }
    }

    /** 街道审批聘用: approve the ranking, or send it back to scoring. */
    public void decideAppointments(long roundId, String decision, String comment, String actor) {
        recruitment.appointmentDecision(roundId, decision, comment, actor);
    }

    /** 聘用: the approved ranking becomes the communities' workers. */
    public void appoint(long roundId, String approvedBy) {
        recruitment.appoint(roundId, approvedBy);
    }

    // ---- directors ----

    /** The communities that got workers in this round: each gets its director (主任负责制). */
    public List<String> directorCommunities(long roundId) {
        return recruitment.roundWorkers(roundId).stream().map(Worker::communityCode).distinct().toList();
    }

    public List<Map<String, Object>> directorOptions(String community) {
        return recruitment.workers(community).stream()
                .map(w -> Map.<String, Object>of("label", w.workerName(), "value", String.valueOf(w.id()))).toList();
    }

    public String currentDirector(String community) {
        return recruitment.currentDirector(community).map(d -> d.workerName()).orElse("暂无");
    }

    /** 主任负责制: one of the community's workers becomes the director responsible for the community. */
    public void appointDirector(long roundId, String community, Object chosen, String actor) {
        Worker worker = recruitment.workers(community).stream()
                .filter(w -> chosen != null && String.valueOf(w.id()).equals(chosen.toString().replaceAll("\\.0$", "")))
                .findFirst()
                .orElseThrow(() -> new RuleViolation("MISSING_DECISION", "请从本社区的社区工作者中选择居委会主任"));
        recruitment.director(community, worker, roundId, actor);
    }

    // ---- what the forms send ----

    /** The checklist's value: the ids of the excluded applications, as a Json array, a JSON string or a Java list. */
    static List<String> excludedIds(Object value) {
        if (value == null || value.toString().isBlank()) {
            return List.of();
        }
        List<?> list;
        if (value instanceof List<?> l) {
            list = l;
        } else {
            String json = value instanceof SpinJsonNode node ? node.toString() : value.toString();
            try {
                list = JSON.readValue(json, List.class);
            } catch (JsonProcessingException e) {
                throw new RuleViolation("INVALID_LIST", "取消资格的人员格式不正确");
            }
        }
        return list.stream().filter(x -> x != null && !x.toString().isBlank()).map(x -> x.toString().trim().replaceAll("\\.0+$", ""))
                .distinct().toList();
    }

    static BigDecimal score(Object value, String label) {
        if (value == null || value.toString().isBlank()) {
            throw new RuleViolation("MISSING_SCORE", "请录入" + label);
        }
        BigDecimal score;
        try {
            score = new BigDecimal(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new RuleViolation("INVALID_NUMBER", label + "必须是数字");
        }
        if (score.signum() < 0 || score.compareTo(HUNDRED) > 0) {
            throw new RuleViolation("INVALID_SCORE", label + "应在0至100分之间");
        }
        if (score.stripTrailingZeros().scale() > 2) {
            throw new RuleViolation("INVALID_SCORE", label + "最多保留两位小数");
        }
        return score.setScale(2);
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
