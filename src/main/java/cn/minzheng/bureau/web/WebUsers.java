package cn.minzheng.bureau.web;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.access.Groups;

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
        Authentication rest = identityService.getCurrentAuthentication();
        if (rest != null && rest.getUserId() != null) {
            return Optional.of(new WebUser(rest.getUserId(), rest.getGroupIds() == null ? List.of() : rest.getGroupIds()));
        }
        if (request.getSession(false) == null) {
            return Optional.empty();
        }
        return AuthenticationUtil.getAuthsFromSession(request.getSession(false)).getAuthentications().stream()
                .filter(a -> a.getIdentityId() != null).findFirst()
                .map(a -> new WebUser(a.getIdentityId(), a.getGroupIds() == null ? List.of() : List.copyOf(a.getGroupIds())));
    }
}
