package cn.minzheng.bureau.engine;

import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Who the engine believes is acting: the user and groups of the current request or task completion, set by the
 * webapps' and the REST API's login. The engine hands this out only as an internal type; this is the one place
 * that reads it.
 */
public final class EngineAuthentication {

    private EngineAuthentication() {
    }

    /** The acting user's id, or null when nobody is logged in (a job, a timer). */
    public static String userId(IdentityService identityService) {
        Authentication authentication = identityService.getCurrentAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }

    /** Whether anyone is acting at all (a login, even one the engine was told without a user id). */
    public static boolean isPresent(IdentityService identityService) {
        return identityService.getCurrentAuthentication() != null;
    }

    /** The acting user's groups, empty when nobody is logged in or the login carried none. */
    public static List<String> groupIds(IdentityService identityService) {
        Authentication authentication = identityService.getCurrentAuthentication();
        return authentication == null || authentication.getGroupIds() == null ? List.of()
                : List.copyOf(authentication.getGroupIds());
    }

    /** Runs work as the given user and groups, then restores whoever was acting before. */
    public static <T> T as(IdentityService identityService, String userId, List<String> groupIds, Supplier<T> work) {
        Authentication before = identityService.getCurrentAuthentication();
        identityService.setAuthentication(userId, groupIds);
        try {
            return work.get();
        } finally {
            restore(identityService, before);
        }
    }

    /** Runs work with nobody acting (so that the engine checks no authorization), then restores the user. */
    public static <T> T asSystem(IdentityService identityService, Supplier<T> work) {
        Authentication before = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return work.get();
        } finally {
            restore(identityService, before);
        }
    }

    private static void restore(IdentityService identityService, Authentication before) {
        if (before == null) {
            identityService.clearAuthentication();
        } else {
            identityService.setAuthentication(before);
        }
    }
}
