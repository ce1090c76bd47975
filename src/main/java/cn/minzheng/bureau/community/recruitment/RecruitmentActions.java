package cn.minzheng.bureau.community.recruitment;

import static cn.minzheng.bureau.community.recruitment.RecruitmentProcess.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.access.Groups;
import cn.minzheng.bureau.common.Actor;
import cn.minzheng.bureau.common.JsonRows;
import cn.minzheng.bureau.common.Quantities;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.common.TaskInput;
import cn.minzheng.bureau.region.Communities;
import cn.minzheng.bureau.region.Region;
import cn.minzheng.bureau.region.RegionRepository;

/** Service steps of community-worker-recruitment.bpmn: ${recruitmentActions.…}. */
@Component("recruitmentActions")
public class RecruitmentActions {

    private final RecruitmentRepository recruitment;
    private final RegionRepository regions;
    private final RecruitmentSettings settings;

    public RecruitmentActions(RecruitmentRepository recruitment, RegionRepository regions, RecruitmentSettings settings) {
        this.recruitment = recruitment;
        this.regions = regions;
        this.settings = settings;
    }

    /** 发布招聘: a street office's (township's) own clerk opens a round with the posts of its communities. */
    public void open(DelegateExecution execution) {
        TaskInput input = new TaskInput(execution);
        Region township = Communities.township(regions, (String) execution.getVariable(VAR_TOWNSHIP_CODE));
        Authentication authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (authentication == null || authentication.getGroupIds() == null
                || !authentication.getGroupIds().contains(Groups.clerk(township.code()))) {
            throw new RuleViolation("OUTSIDE_AREA", "您只能发布本乡镇（街道）的社区工作者招聘", 403);
        }
        String title = input.text(VAR_TITLE, "招聘名称", 100);
        Map<String, Integer> posts = new LinkedHashMap<>();
        for (Map<String, Object> row : JsonRows.of(execution.getVariable(VAR_POSTS), "岗位")) {
            Region community = Communities.inTownship(regions, township.code(), JsonRows.text(row, "community"));
            int count = (int) Quantities.whole(row.get("posts"), community.name() + "的岗位数", 1, 50);
            if (posts.put(community.code(), count) != null) {
                throw new RuleViolation("DUPLICATE_ROW", community.name() + "填写了两次，请合并为一行");
            }
        }
        if (posts.isEmpty()) {
            throw new RuleViolation("MISSING_FIELD", "请至少填写一个社区的岗位数");
        }
        long id = recruitment.openRound(township.code(), title, posts, execution.getProcessInstanceId(), Actor.currentOrNull(execution));
        execution.setVariable(VAR_ROUND_ID, id);
        execution.setVariable(VAR_TOWNSHIP_CODE, township.code());
        execution.setVariable("townshipName", township.name());
        execution.setVariable("postsSummary", posts.entrySet().stream()
                .map(e -> name(e.getKey()) + e.getValue() + "名").collect(Collectors.joining("；")));
        execution.removeVariable(VAR_POSTS);
    }

    /** The eligible applications: each gets its own scoring task. */
    public List<Long> eligibleApplications(DelegateExecution execution) {
        return recruitment.applications(roundId(execution)).stream().filter(RecruitmentRepository.Application::eligible)
                .map(RecruitmentRepository.Application::id).toList();
    }

    /** 按成绩排名: per community by total score, ties by written score, then by registration order. */
    public void rank(DelegateExecution execution) {
        long roundId = roundId(execution);
        List<Ranking.Scored> scored = recruitment.applications(roundId).stream().filter(RecruitmentRepository.Application::eligible)
                .map(a -> new Ranking.Scored(a.id(), a.communityCode(), a.writtenScore(), a.interviewScore())).toList();
        List<Ranking.Ranked> ranking = Ranking.rank(scored, recruitment.posts(roundId), settings.getWrittenWeight(),
                settings.getInterviewWeight());
        recruitment.ranked(roundId, ranking);
        Map<Long, String> names = recruitment.applications(roundId).stream()
                .collect(Collectors.toMap(RecruitmentRepository.Application::id, RecruitmentRepository.Application::applicantName));
        execution.setVariable("rankingSummary", ranking.stream()
                .map(r -> name(r.communityCode()) + " 第" + r.rank() + "名 " + names.get(r.applicationId()) + " 总分"
                        + r.total().toPlainString() + (r.proposed() ? " 拟聘用" : ""))
                .collect(Collectors.joining("\n")));
    }

    /** 聘用: the approved ranking becomes the communities' workers. */
    public void appoint(DelegateExecution execution) {
        recruitment.appoint(roundId(execution), (String) execution.getVariable("approvedBy"));
    }

    /** The communities that got workers in this round: each gets its director (主任负责制). */
    public List<String> directorCommunities(DelegateExecution execution) {
        return recruitment.roundWorkers(roundId(execution)).stream().map(RecruitmentRepository.Worker::communityCode)
                .distinct().toList();
    }

    public void finish(DelegateExecution execution) {
        recruitment.status(roundId(execution), "COMPLETED");
    }

    String name(String regionCode) {
        return regions.find(regionCode).map(Region::name).orElse(regionCode);
    }

    static long roundId(VariableScope scope) {
        return ((Number) scope.getVariable(VAR_ROUND_ID)).longValue();
    }
}
