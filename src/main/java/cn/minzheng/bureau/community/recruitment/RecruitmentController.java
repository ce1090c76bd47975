package cn.minzheng.bureau.community.recruitment;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.region.Communities;
import cn.minzheng.bureau.community.construction.CommunityArea;
import cn.minzheng.bureau.community.recruitment.RecruitmentRepository.Round;
import cn.minzheng.bureau.household.ResidentIdNumber;
import cn.minzheng.bureau.region.Region;
import cn.minzheng.bureau.region.RegionRepository;

/** 竞争上岗: rounds of the user's township (street office) or the district, with the ranking; ID numbers masked. */
@RestController
@RequestMapping("/api/community/recruitment")
public class RecruitmentController {

    private final RecruitmentRepository recruitment;
    private final CommunityArea area;
    private final RegionRepository regions;

    public RecruitmentController(RecruitmentRepository recruitment, CommunityArea area, RegionRepository regions) {
        this.recruitment = recruitment;
        this.area = area;
        this.regions = regions;
    }

    public record Applicant(long id, String communityCode, String applicantName, String idNumber, String education, int age,
                            boolean eligible, String ineligibleReason, BigDecimal writtenScore, BigDecimal interviewScore,
                            BigDecimal totalScore, Integer scoreRank, boolean proposed) {
    }

    public record RoundView(Round round, Map<String, Integer> posts, List<Applicant> applicants) {
    }

    public record DirectorView(String communityCode, String directorName) {
    }

    @Operation(summary = "社区工作者招聘批次")
    @GetMapping("/rounds")
    public List<Round> rounds(@RequestParam(required = false) String township) {
        return recruitment.rounds(township).stream().filter(r -> area.maySee(r.townshipCode(), null)).toList();
    }

    @Operation(summary = "一个招聘批次及其报名人")
    @GetMapping("/rounds/{id}")
    public RoundView round(@PathVariable long id) {
        Round round = recruitment.round(id).orElseThrow(() -> RuleViolation.notFound("招聘" + id));
        area.requireSee(round.townshipCode(), null, "招聘" + id);
        List<Applicant> applicants = recruitment.applications(id).stream()
                .map(a -> new Applicant(a.id(), a.communityCode(), a.applicantName(), new ResidentIdNumber(a.idNumber()).masked(),
                        a.education(), a.age(), a.eligible(), a.ineligibleReason(), a.writtenScore(), a.interviewScore(),
                        a.totalScore(), a.scoreRank(), a.proposed()))
                .toList();
        return new RoundView(round, recruitment.posts(id), applicants);
    }

    /** 主任负责制: the director responsible for a community, if one was appointed. */
    @Operation(summary = "社区主任（主任负责制）")
    @GetMapping("/directors/{communityCode}")
    public DirectorView director(@PathVariable String communityCode) {
        Region community = regions.find(communityCode).filter(Communities::hasCommittee)
                .orElseThrow(() -> RuleViolation.notFound("社区" + communityCode));
        area.requireSee(community.parentCode(), communityCode, "社区" + communityCode);
        return new DirectorView(communityCode, recruitment.currentDirector(communityCode)
                .map(RecruitmentRepository.Director::workerName).orElse(null));
    }
}
