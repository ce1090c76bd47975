package cn.minzheng.bureau.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a clerk reads on a form is Chinese: no English word, variable name or decision key in a label, description,
 * option or text. Link targets, {{templates}} and FEEL expressions are not read and are left out; a few words that
 * clerks use as they are (PDF, xlsx) are allowed.
 */
class FormWordingTest {

    private static final Set<String> WORDS_CLERKS_USE = Set.of("PDF", "xlsx");
    private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z][A-Za-z_-]*[A-Za-z]");
    private static final Pattern NOT_READ = Pattern.compile("\\]\\([^)]*\\)|\\{\\{[^}]*}}");

    private final ObjectMapper json = new ObjectMapper();

    static Stream<Path> forms() throws IOException {
        return Files.list(Path.of("forms")).filter(p -> p.toString().endsWith(".form")).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void everyTextAClerkReadsIsChinese(Path form) throws IOException {
        assertThat(foreignWords(json.readTree(form.toFile()))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a decision key in a label    | {"components":[{"type":"textfield","key":"a","label":"财产状况认定（dibao-assets）"}]}          | dibao-assets
            a format in a label          | {"components":[{"type":"textfield","key":"a","label":"结算月份（yyyy-MM）"}]}                 | yyyy-MM
            an English option            | {"components":[{"type":"select","key":"a","values":[{"label":"Yes","value":"Y"}]}]}    | Yes
            inside a group               | {"components":[{"type":"group","components":[{"type":"text","text":"see 说明"}]}]}      | see
            Chinese with a value's key   | {"components":[{"type":"radio","key":"a","label":"审核结果","values":[{"label":"同意","value":"APPROVE"}]}]} |
            a link and a template        | {"components":[{"type":"text","text":"[审核确认表（PDF）](/ledger/dibao/cases/{{caseId}}/confirmation.pdf) {{payeesNote}}"}]} |
            a FEEL expression            | {"components":[{"type":"text","text":"=if approved then \\"已批准\\" else \\"未批准\\""}]} |
            """)
    void findsTheWordsAClerkCannotRead(String description, String form, String words) throws IOException {
        assertThat(foreignWords(json.readTree(form))).isEqualTo(words == null ? List.of() : List.of(words.split(",")));
    }

    private static List<String> foreignWords(JsonNode form) {
        List<String> words = new ArrayList<>();
        collect(form, words);
        return words;
    }

    private static void collect(JsonNode component, List<String> words) {
        for (String property : List.of("label", "description", "text", "placeholder")) {
            JsonNode text = component.get(property);
            if (text != null && text.isTextual() && !text.asText().startsWith("=")) {
                Matcher word = LATIN_WORD.matcher(NOT_READ.matcher(text.asText()).replaceAll(" "));
                while (word.find()) {
                    if (!WORDS_CLERKS_USE.contains(word.group())) {
                        words.add(word.group());
                    }
                }
            }
        }
        for (String children : List.of("values", "components")) {
            component.path(children).forEach(child -> collect(child, words));
        }
    }
}
