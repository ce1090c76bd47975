package cn.minzheng.bureau.community.construction;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.access.Groups;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.engine.EngineAuthentication;

/**
 * Who may read community work over REST: district roles everything, a township's (street office's) staff
 * its communities, a committee its own community only. The group is derived from the codes stored with
 * the record, so a community moved by a reorganisation is seen by its new street office.
 */
@Component
public class CommunityArea {

    private final IdentityService identityService;

    public CommunityArea(IdentityService identityService) {
        this.identityService = identityService;
    }

    public boolean maySee(String townshipCode, String communityCode) {
        List<String> groups = groups();
        return groups.stream().anyMatch(g -> Groups.DISTRICT_WIDE.contains(g)
                || g.equals(Groups.clerk(townshipCode)) || g.equals(Groups.reviewer(townshipCode))
                || (communityCode != null && g.equals(Groups.committee(communityCode))));
    }

    public void requireSee(String townshipCode, String communityCode, String what) {
        if (!maySee(townshipCode, communityCode)) {
            throw RuleViolation.notFound(what);
        }
    }

    private List<String> groups() {
        if (EngineAuthentication.userId(identityService) == null) {
            throw new RuleViolation("UNAUTHENTICATED", "请先登录", 401);
        }
        return EngineAuthentication.groupIds(identityService);
    }
}
