package cn.minzheng.bureau.ledger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.access.StaffNames;

/**
 * People as the ledgers show them: 李建国（岳村乡审核人）, as {@link StaffNames} names staff everywhere, and
 * the engine's own work (timers, jobs) as the system. A page lists the same few people many times (every
 * line of a file's audit trail), so a name is kept for a few minutes: the identity service is asked once
 * per person, and a renamed user shows up soon. Templates reach it as {@code @personNames}.
 */
@Component
public class PersonNames {

    /** The actor of the engine's own work in the audit trail. */
    static final String SYSTEM = "system";
    static final Duration KEPT = Duration.ofMinutes(5);
    private static final int MOST_KEPT = 5_000;

    private final StaffNames staffNames;
    private final Clock clock;
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

    private record Kept(String name, Instant until) {
    }

    @Autowired
    public PersonNames(StaffNames staffNames) {
        this(staffNames, Clock.systemUTC());
    }

    PersonNames(StaffNames staffNames, Clock clock) {
        this.staffNames = staffNames;
        this.clock = clock;
    }

    /** 李建国（岳村乡审核人）; the login id of a user without a name or no longer known; "" for none. */
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
        String name = staffNames.of(userId);
        kept.put(userId, new Kept(name, now.plus(KEPT)));
        return name;
    }
}
