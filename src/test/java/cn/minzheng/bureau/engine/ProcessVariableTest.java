package cn.minzheng.bureau.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ProcessVariableTest {

    static final ProcessVariable<Long> CASE_ID = ProcessVariable.fact("caseId", Long.class);
    static final ProcessVariable<BigDecimal> AMOUNT = ProcessVariable.fact("amount", BigDecimal.class);
    static final ProcessVariable<Boolean> FLAG = ProcessVariable.fact("flag", Boolean.class);
    static final ProcessVariable<String> NAME = ProcessVariable.copy("applicantName", String.class);

    @ParameterizedTest
    @CsvSource({"integer,7,7", "long,7,7", "double,7.0,7"})
    void numbersFromFormsAndRestAreReadAsTheDeclaredType(String kind, String given, long expected) {
        VariableScope scope = scope();
        scope.setVariable("caseId", switch (kind) {
            case "integer" -> Integer.valueOf(given);
            case "long" -> Long.valueOf(given);
            default -> Double.valueOf(given);
        });
        assertThat(CASE_ID.get(scope)).isEqualTo(expected);
    }

    @Test
    void amountsStayExactAndFlagsReadTheirText() {
        VariableScope scope = scope();
        scope.setVariable("amount", 740.5d);
        scope.setVariable("flag", "true");
        assertThat(AMOUNT.get(scope)).isEqualByComparingTo("740.50");
        assertThat(FLAG.get(scope)).isTrue();
    }

    @Test
    void anAbsentVariableIsNullAndRequiringItNamesIt() {
        VariableScope scope = scope();
        assertThat(CASE_ID.get(scope)).isNull();
        assertThat(CASE_ID.isSet(scope)).isFalse();
        assertThatThrownBy(() -> CASE_ID.require(scope)).hasMessageContaining("caseId");
    }

    @Test
    void aValueOfAnotherKindIsRefusedWithItsName() {
        VariableScope scope = scope();
        scope.setVariable("caseId", "x");
        assertThatThrownBy(() -> CASE_ID.get(scope)).hasMessageContaining("caseId").hasMessageContaining("String");
    }

    @Test
    void setIfChangedWritesOnlyAChange() {
        VariableScope scope = scope();
        NAME.setIfChanged(scope, null);
        assertThat(scope.hasVariable("applicantName")).isFalse();
        NAME.setIfChanged(scope, "张三");
        assertThat(NAME.get(scope)).isEqualTo("张三");
        NAME.remove(scope);
        assertThat(NAME.isSet(scope)).isFalse();
    }

    @Test
    void aDeclarationListsItsCopies() {
        VariableDeclarations declarations = new VariableDeclarations() {
            public String processKey() {
                return "p";
            }

            public java.util.Collection<ProcessVariable<?>> variables() {
                return java.util.List.of(CASE_ID, NAME);
            }
        };
        assertThat(declarations.copies()).containsExactly("applicantName");
    }

    /** A task's or execution's variables, as far as a declaration uses them. */
    static VariableScope scope() {
        Map<String, Object> values = new HashMap<>();
        return (VariableScope) Proxy.newProxyInstance(VariableScope.class.getClassLoader(),
                new Class<?>[] {VariableScope.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getVariable" -> values.get((String) args[0]);
                    case "hasVariable" -> values.containsKey((String) args[0]);
                    case "setVariable" -> values.put((String) args[0], args[1]);
                    case "removeVariable" -> values.remove((String) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
