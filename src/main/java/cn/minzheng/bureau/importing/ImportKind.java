package cn.minzheng.bureau.importing;

import java.util.List;

import cn.minzheng.bureau.access.Groups;
import cn.minzheng.bureau.common.RuleViolation;

/**
 * What a roster workbook holds: the active 低保 households (their members, incomes and case) or the
 * affected households of one registered disaster (受灾户名册). Both run through the same machinery:
 * staging table, background validation, marked-up report, one-transaction commit, progress.
 */
public enum ImportKind {

    DIBAO("低保在保家庭", "低保在保家庭导入模板.xlsx", RosterColumns.HEADERS, RosterColumns.NOTES,
            List.of(Groups.ADMIN)),
    DISASTER("受灾户名册", "受灾户名册导入模板.xlsx", DisasterRosterColumns.HEADERS, DisasterRosterColumns.NOTES,
            List.of(Groups.ADMIN, Groups.RELIEF_HEAD));

    private final String label;
    private final String templateFile;
    private final List<String> headers;
    private final List<String> notes;
    private final List<String> importers;

    ImportKind(String label, String templateFile, List<String> headers, List<String> notes, List<String> importers) {
        this.label = label;
        this.templateFile = templateFile;
        this.headers = headers;
        this.notes = notes;
        this.importers = importers;
    }

    public String label() {
        return label;
    }

    public String templateFile() {
        return templateFile;
    }

    List<String> headers() {
        return headers;
    }

    List<String> notes() {
        return notes;
    }

    int columns() {
        return headers.size();
    }

    /** The administrator imports every kind; the head of disaster relief (区救灾科) also the disaster roster. */
    public boolean importableBy(List<String> groups) {
        return groups != null && importers.stream().anyMatch(groups::contains);
    }

    public static ImportKind of(String value) {
        if (value == null || value.isBlank()) {
            return DIBAO;
        }
        for (ImportKind kind : values()) {
            if (kind.name().equalsIgnoreCase(value.trim()) || kind.label.equals(value.trim())) {
                return kind;
            }
        }
        throw new RuleViolation("UNKNOWN_IMPORT_KIND", "未知的名册类型“" + value + "”，可选：DIBAO（低保在保家庭）、DISASTER（受灾户名册）", 400);
    }
}
