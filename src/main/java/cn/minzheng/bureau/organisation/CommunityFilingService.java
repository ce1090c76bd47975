package cn.minzheng.bureau.organisation;

import java.util.List;

import org.springframework.stereotype.Service;

import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.common.TextRules;
import cn.minzheng.bureau.engine.EngineClock;
import cn.minzheng.bureau.organisation.OrganisationRepository.Filing;
import cn.minzheng.bureau.region.Region;
import cn.minzheng.bureau.region.RegionRepository;

/**
 * The rules of 社区社会组织备案 and what they write: the clerk files for the street office (乡镇、街道) he works for; the
 * name follows the naming rules of a 社区社会组织 and is free (the same register of names as the bureau's
 * registrations); the leader is a person's name; the reviewer of the same street office approves or refuses with a
 * reason. Called by the steps of community-organisation-filing.bpmn.
 */
@Service
public class CommunityFilingService {

    private final OrganisationRepository register;
    private final OrganisationSettings settings;
    private final RegionRepository regions;

    public CommunityFilingService(OrganisationRepository register, OrganisationSettings settings, RegionRepository regions) {
        this.register = register;
        this.settings = settings;
        this.regions = regions;
    }

    /** 登记备案申请: every rule checked before anything is written; the organisation's id. */
    public long apply(Object name, Object leader, Object activityPlace, Object activities, List<String> groups,
                      String processInstanceId, String actor) {
        List<String> townships = groups.stream().filter(g -> g.startsWith("clerk-")).map(g -> g.substring("clerk-".length()))
                .toList();
        if (townships.isEmpty()) {
            throw new RuleViolation("STREET_OFFICE_ONLY", "社区社会组织备案由乡镇（街道）经办人登记", 403);
        }
        if (townships.size() > 1) {
            throw new RuleViolation("STREET_OFFICE_UNCLEAR", "您是多个乡镇（街道）的经办人，无法确定备案机关，请由备案所在乡镇（街道）的经办人登记");
        }
        Region township = regions.findCurrent(townships.get(0)).filter(Region::isTownshipLevel)
                .orElseThrow(() -> new RuleViolation("STREET_OFFICE_ONLY", "社区社会组织备案由乡镇（街道）经办人登记", 403));
        String checkedName = NameRules.check(name, OrganisationKind.COMMUNITY_ORGANISATION, settings);
        String leaderName = TextRules.required(leader, "负责人", 50);
        String problem = TextRules.nameProblem("负责人", leaderName);
        if (problem != null) {
            throw new RuleViolation("INVALID_NAME", problem);
        }
        String place = TextRules.required(activityPlace, "活动场所", 200);
        String what = TextRules.required(activities, "活动内容", 1000);
        if (register.holder(checkedName, EngineClock.today()).isPresent()) {
            throw new RuleViolation("NAME_TAKEN", "名称“" + checkedName + "”已被登记、备案或预先核准保留，请另拟名称", 409);
        }
        return register.applyForFiling(new Filing(checkedName, leaderName, place, what, township.code(), township.name()),
                EngineClock.today(), processInstanceId, actor);
    }

    public String townshipName(String code) {
        return regions.find(code).map(Region::name).orElse(code);
    }

    /** 乡镇（街道）审核: agree, or refuse with the reason; whether it is filed. */
    public boolean review(String decision, String comment) {
        if (REFUSE.equals(decision) && (comment == null || comment.isBlank())) {
            throw new RuleViolation("MISSING_REASON", "不予备案须写明理由");
        }
        return APPROVE.equals(decision);
    }

    /** 记录备案: the filing number of the street office, the organisation on the public register. */
    public String file(long organisationId, String actor) {
        return register.filed(organisationId, EngineClock.today(), actor);
    }

    /** 不予备案: the reason recorded, the name free again. */
    public void refuse(long organisationId, String actor, String reason) {
        register.refused(organisationId, EngineClock.today(), actor, reason);
    }

    private static final String APPROVE = CommunityFilingProcess.APPROVE;
    private static final String REFUSE = CommunityFilingProcess.REFUSE;
}
