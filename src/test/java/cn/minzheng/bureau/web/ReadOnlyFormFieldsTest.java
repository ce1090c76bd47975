package cn.minzheng.bureau.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class ReadOnlyFormFieldsTest {

    private final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            read-only field                   | {"components":[{"type":"textfield","key":"a","readonly":true}]}                                    | a
            disabled field                    | {"components":[{"type":"textfield","key":"a","disabled":true}]}                                    | a
            editable field                    | {"components":[{"type":"textfield","key":"a"}]}                                                     |
            read-only by a condition          | {"components":[{"type":"textfield","key":"a","readonly":"=locked"}]}                               |
            shown and edited by two fields    | {"components":[{"type":"text","key":"a","readonly":true},{"type":"textfield","key":"a"}]}          |
            inside a group without a path     | {"components":[{"type":"group","components":[{"type":"textfield","key":"a","readonly":true}]}]}   | a
            a path binds the group's variable | {"components":[{"type":"group","path":"p","components":[{"type":"textfield","key":"a","readonly":true}]}]} | p
            a list with one editable field    | {"components":[{"type":"dynamiclist","path":"l","components":[{"type":"textfield","key":"x","readonly":true},{"type":"number","key":"y"}]}]} |
            a dotted key binds its first part | {"components":[{"type":"textfield","key":"a.b","readonly":true}]}                                  | a
            fields without a key              | {"components":[{"type":"text","text":"说明","readonly":true}]}                                       |
            """)
    void variablesOnlyShown(String description, String form, String shown) throws IOException {
        assertThat(ReadOnlyFormFields.variables(json.readTree(form)))
                .isEqualTo(shown == null ? Set.of() : Set.of(shown.split(",")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            editable field                    | {"components":[{"type":"textfield","key":"a"},{"type":"textfield","key":"b","readonly":true}]}    | a
            read-only by a condition          | {"components":[{"type":"textfield","key":"a","readonly":"=locked"}]}                               | a
            a list with one editable field    | {"components":[{"type":"dynamiclist","path":"l","components":[{"type":"textfield","key":"x","readonly":true},{"type":"number","key":"y"}]}]} | l
            a dotted key binds its first part | {"components":[{"type":"textfield","key":"a.b"}]}                                                  | a
            only shown                        | {"components":[{"type":"textfield","key":"a","disabled":true},{"type":"text","text":"说明"}]}        |
            """)
    void variablesTheUserWrites(String description, String form, String editable) throws IOException {
        assertThat(ReadOnlyFormFields.editable(json.readTree(form)))
                .isEqualTo(editable == null ? Set.of() : Set.of(editable.split(",")));
    }

    @Test
    void theTownshipReviewFormShowsTheCaseAndAsksForTheDecision() throws IOException {
        Set<String> shown = ReadOnlyFormFields.variables(json.readTree(Files.readString(Path.of("forms/dibao-township-review.form"))));

        assertThat(shown).contains("caseNumber", "applicantName", "perCapitaIncome", "monthlyAmount", "eligibilityNote")
                .doesNotContain("reviewDecision", "reviewComment");
        assertThat(ReadOnlyFormFields.editable(json.readTree(Files.readString(Path.of("forms/dibao-township-review.form")))))
                .contains("reviewDecision", "reviewComment").doesNotContain("caseNumber", "caseId", "perCapitaIncome");
    }
}
