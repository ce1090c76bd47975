package cn.minzheng.bureau.ledger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * People as the ledgers show them: the name with the post, 李建国（岳村乡审核人）, read from the engine's
 * identity service (first name = the name, last name = the post). A user without a name, or no longer
 * known, is shown by the login id. Names are kept for a few minutes, so a page listing the same
 * people many times asks the identity service once per person, and a renamed user shows up soon.
 * Templates reach it as {@code @personNames}.
 */
@Component("personNames")
public class PersonNames {

    /** The actor of the engine's own work (timers, jobs) in the audit trail. */
    static final String SYSTEM = "system";
    static final Duration KEPT = Duration.ofMinutes(5);
    private static final int MOST_KEPT = 5_000;

    private final IdentityService identityService;
    private final Clock clock;
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

    private record Kept(String name, Instant until) {
    }

    @Autowired
    public PersonNames(IdentityService identityService) {
        this(identityService, Clock.systemUTC());
    }

    PersonNames(IdentityService identityService, Clock clock) {
        this.identityService = identityService;
        this.clock = clock;
    }

    /** 李建国（岳村乡审核人）; the id where the user has no name or is unknown; "" for none. */
    public String of(String userId) {
        if (userId == null || userId.isBlank()) {
            return "";
        }
        if (SYSTEM.equals(userId)) {
            return "系统（自动处理）";
        }
        Instant now = clock.instant();
        Kept known = kept.get(userId);
        if (known != null && known.until().isAfter(now)) {
            return known.name();
        }
        if (kept.size() >= MOST_KEPT) {
            kept.clear();
        }
        String name = displayName(userId, identityService.createUserQuery().userId(userId).singleResult());
        kept.put(userId, new Kept(name, now.plus(KEPT)));
        return name;
    }

    static String displayName(String userId, User user) {
        if (user == null) {
            return userId;
        }
        String name = trimmed(user.getFirstName());
        String post = trimmed(user.getLastName());
        if (name != null && post != null) {
            return name + "（" + post + "）";
        }
        return name != null ? name : post != null ? post : userId;
    }

    private static String trimmed(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
