package cn.minzheng.bureau.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * PostgreSQL's statement-level triggers read their rows from transition tables ({@code new_rows}, {@code old_rows}).
 * PL/pgSQL plans such a statement once per connection, for the rows of the first call; a pooled connection whose
 * first call saw one row kept a nested loop that turned a payroll's issue of 40,000 payments from 0.4 s into two
 * minutes (V407). So, in each trigger function as the migrations leave it, a statement that reads a transition table
 * runs by {@code EXECUTE}, which plans it for the rows at hand.
 */
class TransitionTablesTest {

    private static final Pattern FUNCTION = Pattern.compile(
            "create\\s+(?:or\\s+replace\\s+)?function\\s+(\\w+)\\s*\\(.*?\\$\\$(.*?)\\$\\$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern EXECUTED = Pattern.compile(
            "execute\\s+(?:\\$q\\$.*?\\$q\\$|'(?:[^']|'')*')", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern COMMENT = Pattern.compile("--[^\\n]*");
    private static final Pattern TRANSITION_TABLE = Pattern.compile("\\b(new_rows|old_rows)\\b", Pattern.CASE_INSENSITIVE);

    @Test
    void everyStatementReadingATransitionTableIsPlannedWhenItRuns() throws IOException {
        Map<String, String> functions = functionsAsTheMigrationsLeaveThem();
        assertThat(functions).as("the PostgreSQL trigger functions of db/vendor/postgresql")
                .containsKeys("figures_payment_updated", "figures_unpaid_payment_updated");

        Map<String, String> plannedOnce = new LinkedHashMap<>();
        functions.forEach((name, body) -> {
            String outsideExecute = EXECUTED.matcher(COMMENT.matcher(body).replaceAll("")).replaceAll("");
            Matcher reference = TRANSITION_TABLE.matcher(outsideExecute);
            if (reference.find()) {
                plannedOnce.put(name, outsideExecute.substring(Math.max(0, reference.start() - 80),
                        Math.min(outsideExecute.length(), reference.end() + 40)).strip());
            }
        });
        assertThat(plannedOnce).as("trigger functions reading new_rows / old_rows outside EXECUTE").isEmpty();
    }

    @Test
    void theCheckSeesAStatementOutsideExecute() {
        String body = "begin execute $q$select count(*) from new_rows$q$; delete from x where id in (select id from old_rows); end";
        String outsideExecute = EXECUTED.matcher(body).replaceAll("");
        assertThat(TRANSITION_TABLE.matcher(outsideExecute).results().map(m -> m.group(1)).toList()).containsExactly("old_rows");
    }

    /** Each function's body from the last migration (by version) that creates or replaces it. */
    private static Map<String, String> functionsAsTheMigrationsLeaveThem() throws IOException {
        Resource[] migrations = new PathMatchingResourcePatternResolver().getResources("classpath:db/vendor/postgresql/V*.sql");
        List<Resource> inOrder = Arrays.stream(migrations).sorted(Comparator.comparingInt(TransitionTablesTest::version)).toList();
        Map<String, String> functions = new LinkedHashMap<>();
        for (Resource migration : inOrder) {
            Matcher function = FUNCTION.matcher(migration.getContentAsString(StandardCharsets.UTF_8));
            while (function.find()) {
                functions.put(function.group(1).toLowerCase(), function.group(2));
            }
        }
        return functions;
    }

    private static int version(Resource migration) {
        String name = migration.getFilename();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }
}
