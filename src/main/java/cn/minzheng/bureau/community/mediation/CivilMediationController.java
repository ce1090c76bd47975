package cn.minzheng.bureau.community.mediation;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.community.construction.CommunityArea;
import cn.minzheng.bureau.community.mediation.CivilMediationRepository.Dispute;
import cn.minzheng.bureau.community.mediation.CivilMediationRepository.Party;
import cn.minzheng.bureau.community.mediation.CivilMediationRepository.Session;

/** 民事调解台账: disputes of the user's community / township / district, with parties and sessions. */
@RestController
@RequestMapping("/api/community/disputes")
public class CivilMediationController {

    private final CivilMediationRepository disputes;
    private final CommunityArea area;

    public CivilMediationController(CivilMediationRepository disputes, CommunityArea area) {
        this.disputes = disputes;
        this.area = area;
    }

    public record DisputeView(Dispute dispute, List<Party> parties, List<Session> sessions) {
    }

    @Operation(summary = "民事调解案件列表")
    @GetMapping
    public List<Dispute> list(@RequestParam(required = false) String township, @RequestParam(required = false) String community) {
        return disputes.list(township, community).stream().filter(d -> area.maySee(d.townshipCode(), d.communityCode())).toList();
    }

    @Operation(summary = "一件民事调解")
    @GetMapping("/{id}")
    public DisputeView get(@PathVariable long id) {
        Dispute dispute = disputes.find(id).orElseThrow(() -> RuleViolation.notFound("纠纷" + id));
        area.requireSee(dispute.townshipCode(), dispute.communityCode(), "纠纷" + id);
        return new DisputeView(dispute, disputes.parties(id), disputes.sessions(id));
    }
}
