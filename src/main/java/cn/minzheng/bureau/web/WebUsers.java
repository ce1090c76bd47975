package cn.minzheng.bureau.web;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.access.Groups;
import cn.minzheng.bureau.engine.EngineAuthentication;
import cn.minzheng.bureau.engine.WebappLogin;

/** The user of a request: logged in to the webapps (session) or to the REST API (HTTP Basic). */
@Component
class WebUsers {

    private final IdentityService identityService;

    WebUsers(IdentityService identityService) {
        this.identityService = identityService;
    }

    record WebUser(String id, List<String> groups) {

        boolean maySee(String townshipCode) {
            return groups.stream().anyMatch(g -> Groups.DISTRICT_WIDE.contains(g)
                    || g.equals(Groups.clerk(townshipCode)) || g.equals(Groups.reviewer(townshipCode)));
        }
    }

    Optional<WebUser> of(HttpServletRequest request) {
        String restUser = EngineAuthentication.userId(identityService);
        if (restUser != null) {
            return Optional.of(new WebUser(restUser, EngineAuthentication.groupIds(identityService)));
        }
        return WebappLogin.of(request.getSession(false)).map(user -> new WebUser(user.id(), user.groupIds()));
    }
}
