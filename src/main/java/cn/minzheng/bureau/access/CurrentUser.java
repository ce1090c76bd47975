package cn.minzheng.bureau.access;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.RuleViolation;

/** The user of the current request, as the REST authentication filter told the engine. */
@Component
public class CurrentUser {

    private final IdentityService identityService;

    public CurrentUser(IdentityService identityService) {
        this.identityService = identityService;
    }

    public String id() {
        return authentication().getUserId();
    }

    /** District roles see every township; township staff only the townships of their groups. */
    public boolean maySee(String townshipCode) {
        List<String> groups = authentication().getGroupIds();
        if (groups == null) {
            return false;
        }
        return groups.stream().anyMatch(g -> Groups.DISTRICT_WIDE.contains(g)
                || g.equals(Groups.clerk(townshipCode)) || g.equals(Groups.reviewer(townshipCode)));
    }

    /** Roles that work across the whole district (approver, finance, head of relief, …). */
    public void requireDistrictRole() {
        List<String> groups = authentication().getGroupIds();
        if (groups == null || groups.stream().noneMatch(Groups.DISTRICT_WIDE::contains)) {
            throw new RuleViolation("DISTRICT_ONLY", "只有区民政局的工作人员可以查看全区的数据", 403);
        }
    }

    public void requireTownship(String townshipCode) {
        if (!maySee(townshipCode)) {
            throw new RuleViolation("OUTSIDE_AREA", "您只能办理本乡镇（街道）的业务", 403);
        }
    }

    /** Whether a user is logged in (engine-internal work, such as a job, runs without one). */
    public boolean isAuthenticated() {
        Authentication authentication = identityService.getCurrentAuthentication();
        return authentication != null && authentication.getUserId() != null;
    }

    private Authentication authentication() {
        Authentication authentication = identityService.getCurrentAuthentication();
        if (authentication == null) {
            throw new RuleViolation("UNAUTHENTICATED", "请先登录", 401);
        }
        return authentication;
    }
}
