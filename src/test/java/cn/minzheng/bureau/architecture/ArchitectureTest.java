package cn.minzheng.bureau.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The rules of docs/architecture.md, checked on the compiled application and its source: packages depend one
 * way, the engine's internals stay behind engine/, and each shared table has one writer.
 */
class ArchitectureTest {

    private static final String ROOT = "cn.minzheng.bureau";
    private static final Path SOURCES = Path.of("src/main/java/cn/minzheng/bureau");

    /** Table → the one class allowed to write it. */
    private static final Map<String, String> TABLE_OWNERS = Map.of(
            "dibao_case", "dibao/DibaoCaseRepository.java",
            "household", "household/HouseholdRepository.java",
            "household_member", "household/HouseholdRepository.java",
            "audit_event", "audit/AuditTrail.java",
            "enrolment", "program/EnrolmentRepository.java",
            "enrolment_status_history", "program/EnrolmentRepository.java",
            "tekun_case", "tekun/TekunCaseRepository.java");

    private static final Pattern WRITE = Pattern.compile(
            "(?i)\\b(?:insert\\s+into|update|delete\\s+from|copy)\\s+(\\w+)\\b");

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void noPackageDependsOnAPackageThatDependsOnIt() {
        slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void onlyTheEnginePackageUsesTheEnginesInternals() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".engine..")
                .should().dependOnClassesThat().resideInAPackage("org.camunda..impl..")
                .because("engine internals change without notice; each use is an adapter in engine/ with a test")
                .check(classes);
    }

    @Test
    void eachSharedTableIsWrittenOnlyByItsOwner() throws IOException {
        Map<String, List<String>> strangers = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String relative = SOURCES.relativize(file).toString().replace('\\', '/');
                Matcher write = WRITE.matcher(Files.readString(file));
                while (write.find()) {
                    String table = write.group(1).toLowerCase();
                    String owner = TABLE_OWNERS.get(table);
                    if (owner != null && !owner.equals(relative)) {
                        strangers.computeIfAbsent(relative, f -> new java.util.ArrayList<>()).add(table);
                    }
                }
            }
        }
        assertThat(strangers).as("files writing a table they do not own (owners: %s)", TABLE_OWNERS).isEmpty();
    }

    @Test
    void theTableRuleSeesAWriteWhereverItIsWritten() {
        Set<String> seen = new java.util.HashSet<>();
        Matcher write = WRITE.matcher("""
                insert into audit_event (x) values (?); UPDATE dibao_case set a = 1; delete from household_member;
                copy enrolment (x) from stdin""");
        while (write.find()) {
            seen.add(write.group(1).toLowerCase());
        }
        assertThat(seen).containsExactlyInAnyOrder("audit_event", "dibao_case", "household_member", "enrolment");
    }
}
