package cn.minzheng.bureau.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Rows become records through {@link RecordRows}, never through {@code JdbcClient.query(SomeRecord.class)},
 * which throws and catches an SQLException per camelCase component and row (see RecordRows).
 * Single values ({@code query(Long.class)} and the like) are mapped by Spring without that cost.
 */
class RecordMappingConventionTest {

    private static final Pattern QUERY_BY_CLASS = Pattern.compile("\\.query\\(([A-Z][A-Za-z.]*)\\.class\\)");
    private static final Set<String> SINGLE_VALUES = Set.of("Long", "Integer", "String", "BigDecimal", "Boolean",
            "LocalDate", "LocalDateTime", "Double", "Timestamp", "Instant");

    @Test
    void noRecordIsMappedByJdbcClientsClassLookup() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher query = QUERY_BY_CLASS.matcher(Files.readString(source, StandardCharsets.UTF_8));
                while (query.find()) {
                    String type = query.group(1);
                    if (!SINGLE_VALUES.contains(type.substring(type.lastIndexOf('.') + 1))) {
                        offenders.add(source.getFileName() + ": query(" + type + ".class)");
                    }
                }
            }
        }
        assertThat(offenders).as("use .query(RecordRows.of(X.class))").isEmpty();
    }
}
