package cn.minzheng.bureau.access;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.engine.EngineAuthentication;

/** The user of the current request, as the REST authentication filter told the engine. */
@Component
public class CurrentUser {

    private final IdentityService identityService;

    public CurrentUser(IdentityService identityService) {
        this.identityService = identityService;
    }

    public String id() {
        requireAuthenticated();
        return EngineAuthentication.userId(identityService);
    }

    /** District roles see every township; township staff only the townships of their groups. */
    public boolean maySee(String townshipCode) {
        requireAuthenticated();
        return EngineAuthentication.groupIds(identityService).stream().anyMatch(g -> Groups.DISTRICT_WIDE.contains(g)
                || g.equals(Groups.clerk(townshipCode)) || g.equals(Groups.reviewer(townshipCode)));
    }

    /** Roles that work across the whole district (approver, finance, head of relief, …). */
    public void requireDistrictRole() {
        requireAuthenticated();
        if (EngineAuthentication.groupIds(identityService).stream().noneMatch(Groups.DISTRICT_WIDE::contains)) {
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
        return EngineAuthentication.userId(identityService) != null;
    }

    private void requireAuthenticated() {
        if (!EngineAuthentication.isPresent(identityService)) {
            throw new RuleViolation("UNAUTHENTICATED", "请先登录", 401);
        }
    }
}
