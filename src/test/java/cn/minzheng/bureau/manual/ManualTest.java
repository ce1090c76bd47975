package cn.minzheng.bureau.manual;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The 操作手册 (docs/manual/) stays true to the system: every picture it shows is a screenshot that a browser test
 * takes (refreshed by docs/manual/screenshots.sh), every picture kept is shown, and its chapters link to each other.
 */
class ManualTest {

    private static final Path MANUAL = Path.of("docs", "manual");
    private static final Pattern PICTURE = Pattern.compile("!\\[[^]]*]\\(images/([^)]+\\.png)\\)");
    private static final Pattern CHAPTER = Pattern.compile("]\\(([^)/]+\\.md)\\)");

    @Test
    void everyPictureIsAScreenshotABrowserTestTakesAndIsKept() throws IOException {
        Set<String> shown = matches(PICTURE);
        String tests = testSources();
        assertThat(shown).isNotEmpty().allSatisfy(picture -> {
            String name = picture.replaceFirst("\\.png$", "");
            // Tasklist.submit keeps a filled form as "<name>-filled"
            assertThat(tests.contains('"' + name + '"') || tests.contains('"' + name.replaceFirst("-filled$", "") + '"'))
                    .as("a browser test takes the screenshot %s", picture).isTrue();
            assertThat(MANUAL.resolve("images").resolve(picture)).as("docs/manual/images/%s", picture).isRegularFile();
        });
        try (Stream<Path> kept = Files.list(MANUAL.resolve("images"))) {
            assertThat(kept.map(p -> p.getFileName().toString())).as("pictures no chapter shows").allMatch(shown::contains);
        }
    }

    @Test
    void theChaptersTheIndexNamesExist() throws IOException {
        String index = Files.readString(MANUAL.resolve("README.md"));
        Matcher chapter = CHAPTER.matcher(index);
        int chapters = 0;
        while (chapter.find()) {
            assertThat(MANUAL.resolve(chapter.group(1))).isRegularFile();
            chapters++;
        }
        assertThat(chapters).isGreaterThanOrEqualTo(5);
    }

    private static Set<String> matches(Pattern pattern) throws IOException {
        Set<String> found = new TreeSet<>();
        try (Stream<Path> chapters = Files.list(MANUAL)) {
            for (Path chapter : chapters.filter(p -> p.toString().endsWith(".md")).toList()) {
                Matcher m = pattern.matcher(Files.readString(chapter));
                while (m.find()) {
                    found.add(m.group(1));
                }
            }
        }
        return found;
    }

    private static String testSources() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(Path.of("src", "test", "java"))) {
            for (Path file : files.filter(p -> p.toString().endsWith("BrowserTest.java")).toList()) {
                all.append(Files.readString(file));
            }
        }
        return all.toString();
    }
}
