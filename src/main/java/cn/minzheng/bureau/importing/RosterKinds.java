package cn.minzheng.bureau.importing;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.importing.kind.RosterKind;

/**
 * The roster kinds the features contribute (beans implementing {@link RosterKind}, in their {@code @Order}), and
 * who may import which.
 */
@Component
public class RosterKinds {

    /** The kind a request without one means. */
    public static final String DEFAULT = "DIBAO";

    private final List<RosterKind> kinds;

    public RosterKinds(List<RosterKind> kinds) {
        this.kinds = List.copyOf(kinds);
    }

    public List<RosterKind> all() {
        return kinds;
    }

    /** The kind named by its code or label; none named: the 低保 roster. */
    public RosterKind of(String value) {
        String wanted = value == null || value.isBlank() ? DEFAULT : value.trim();
        for (RosterKind kind : kinds) {
            if (kind.code().equalsIgnoreCase(wanted) || kind.label().equals(wanted)) {
                return kind;
            }
        }
        throw new RuleViolation("UNKNOWN_IMPORT_KIND", "未知的名册类型“" + value + "”，可选："
                + String.join("、", kinds.stream().map(k -> k.code() + "（" + k.label() + "）").toList()), 400);
    }

    public String label(String code) {
        return of(code).label();
    }

    public static boolean importableBy(RosterKind kind, List<String> groups) {
        return groups != null && kind.importers().stream().anyMatch(groups::contains);
    }

    /** The kind's importers (the administrator imports every kind; some kinds have more). */
    public static void requireImporter(List<String> groups, RosterKind kind) {
        if (!importableBy(kind, groups)) {
            throw new RuleViolation("IMPORT_ADMIN_ONLY", kind.importersOnly(), 403);
        }
    }

    /** The kinds a user may import (at least one, or 403 as for the default kind). */
    public List<RosterKind> kindsFor(List<String> groups) {
        List<RosterKind> mine = kinds.stream().filter(k -> importableBy(k, groups)).toList();
        if (mine.isEmpty()) {
            requireImporter(groups, of(DEFAULT));
        }
        return mine;
    }
}
