package cn.minzheng.bureau.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A person roster's rules, table-driven: a row per rule (a person broken in one way, or put on record in one way), all
 * in one workbook uploaded once; the report's row of each rule is then held against what the rule expects.
 */
final class PersonRosterRuleTable<T> {

    /**
     * A row of the file and what its report must say: the status, parts of the reasons, the cells marked — among
     * others, or ({@code onlyThoseMarked}) exactly those.
     */
    record Expected(String[] row, String status, List<String> parts, List<Integer> columns, boolean onlyThoseMarked) {

        static Expected accepted(String[] row) {
            return new Expected(row, "ACCEPTED", List.of(), List.of(), false);
        }

        /** Rejected for reasons containing {@code parts}, the cell of {@code column} marked among others. */
        static Expected rejected(String[] row, List<String> parts, int column) {
            return new Expected(row, "REJECTED", parts, List.of(column), false);
        }

        /** Accepted with a warning containing {@code parts}, the cell of {@code column} marked among others. */
        static Expected warned(String[] row, List<String> parts, int column) {
            return new Expected(row, "WARNING", parts, List.of(column), false);
        }

        /** Rejected for reasons containing {@code parts}, exactly the cells of {@code columns} marked. */
        static Expected rejectedMarkingOnly(String[] row, List<String> parts, Integer... columns) {
            return new Expected(row, "REJECTED", parts, List.of(columns), true);
        }
    }

    /** A rule of the roster: what it is called, and how the test {@code T} makes its row. */
    record Rule<T>(String description, Function<T, Expected> make) {
        @Override
        public String toString() {
            return description;
        }
    }

    private final List<String> descriptions = new ArrayList<>();
    private final List<Expected> expected = new ArrayList<>();
    private final List<String[]> fileRows = new ArrayList<>();
    private final int leadingRows;
    private List<JsonNode> reportRows;
    private long batchId;

    private PersonRosterRuleTable(List<String[]> leadingRows) {
        this.leadingRows = leadingRows.size();
        fileRows.addAll(leadingRows);
    }

    /**
     * Makes the row of every rule (in order, after {@code leadingRows}), uploads the workbook as a roster of
     * {@code kind} and waits for the validation's report.
     */
    static <T> PersonRosterRuleTable<T> uploaded(ImportClient client, String kind, String fileName,
                                                 Function<List<String[]>, byte[]> workbook, List<String[]> leadingRows,
                                                 Stream<Rule<T>> rules, T test) {
        PersonRosterRuleTable<T> table = new PersonRosterRuleTable<>(leadingRows);
        rules.forEach(rule -> {
            Expected e = rule.make().apply(test);
            table.descriptions.add(rule.description());
            table.expected.add(e);
            table.fileRows.add(e.row());
        });
        table.batchId = client.validated(kind, fileName, workbook.apply(table.fileRows)).get("id").asLong();
        table.reportRows = new ArrayList<>();
        client.reportRows(table.batchId).forEach(table.reportRows::add);
        return table;
    }

    /** The rule's row of the report says what the rule expects. */
    void assertJudged(Rule<T> rule) {
        int index = indexOf(rule.description());
        Expected e = expected.get(index);
        JsonNode row = reportRows.get(leadingRows + index);
        assertThat(row.get("status").asText()).as(row.toString()).isEqualTo(e.status());
        if (!e.parts().isEmpty()) {
            assertThat(row.get("messages").asText()).as(row.toString()).contains(e.parts());
        }
        if (!e.columns().isEmpty()) {
            String[] marked = row.get("badColumns").asText().split(",");
            List<String> columns = e.columns().stream().map(String::valueOf).toList();
            if (e.onlyThoseMarked()) {
                assertThat(marked).as(row.toString()).containsExactlyInAnyOrderElementsOf(columns);
            } else {
                assertThat(marked).as(row.toString()).containsAll(columns);
            }
        }
    }

    /** The place of the rule among the rules (its row in the file comes after the leading rows). */
    int indexOf(String description) {
        return descriptions.indexOf(description);
    }

    int ruleCount() {
        return expected.size();
    }

    long batchId() {
        return batchId;
    }

    /** The rows of the file: the leading rows, then a row per rule. */
    List<String[]> fileRows() {
        return fileRows;
    }

    List<JsonNode> reportRows() {
        return reportRows;
    }
}
