package cn.minzheng.bureau.relief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static cn.minzheng.bureau.support.RuleViolations.violation;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The report indicators as the statistics system checks them, read from what a form submits. */
class DisasterIndicatorsTest {

    /** A valid 初报: 650 affected, 2 dead, 1 missing, crops 1200 / 800 / 150.5 亩, houses, 96.4 万元. */
    private static Map<String, Object> valid() {
        Map<String, Object> form = new HashMap<>();
        form.put("affectedPeople", 650L);
        form.put("deaths", 2L);
        form.put("missing", 1L);
        form.put("relocated", 30L);
        form.put("needingAssistance", 45L);
        form.put("cropAffectedMu", 1200.0);
        form.put("cropDamagedMu", 800.0);
        form.put("cropLostMu", 150.5);
        form.put("collapsedHouseholds", 1L);
        form.put("collapsedRooms", 3L);
        form.put("severeHouseholds", 0L);
        form.put("severeRooms", 0L);
        form.put("generalHouseholds", 5L);
        form.put("generalRooms", 8L);
        form.put("directLoss", 96.4);
        return form;
    }

    private static DisasterIndicators read(Map<String, Object> form) {
        VariableScope scope = (VariableScope) Proxy.newProxyInstance(VariableScope.class.getClassLoader(),
                new Class<?>[] {VariableScope.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getVariable")) {
                        return form.get((String) args[0]);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return DisasterIndicators.read(scope);
    }

    @Test
    void aValidReportIsReadExactlyAndTheCropAreasAreReportedInHectares() {
        DisasterIndicators indicators = read(valid());
        assertThat(indicators).isEqualTo(new DisasterIndicators(650, 2, 1, 30, 45, new BigDecimal("1200.00"),
                new BigDecimal("800.00"), new BigDecimal("150.50"), 1, 3, 0, 0, 5, 8, new BigDecimal("96.40")));
        // 15 亩 = 1 公顷: the summary's "近3万亩" is 2000 hectares
        assertThat(indicators.cropAffectedHectares()).isEqualByComparingTo("80.00");
        assertThat(indicators.cropLostHectares()).isEqualByComparingTo("10.03");
        assertThat(DisasterIndicators.hectares(new BigDecimal("30000"))).isEqualByComparingTo("2000.00");
        // and back to the form's defaults
        assertThat(read(new HashMap<>(indicators.asVariables()))).isEqualTo(indicators);
    }

    @ParameterizedTest(name = "{0} = {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            deaths            | 700    | 死亡和失踪人口之和不能超过受灾人口
            missing           | 649    | 死亡和失踪人口之和不能超过受灾人口
            relocated         | 651    | 紧急转移安置人口不能超过受灾人口
            needingAssistance | 651    | 需紧急生活救助人口不能超过受灾人口
            cropDamagedMu     | 1200.01| 农作物成灾面积不能超过受灾面积
            cropLostMu        | 800.5  | 农作物绝收面积不能超过成灾面积
            collapsedRooms    | 0      | 倒塌房屋间数不能少于户数
            severeRooms       | 2      | 填写了严重损坏房屋间数，请填写户数
            generalRooms      | 4      | 一般损坏房屋间数不能少于户数
            deaths            | -1     | 死亡人口（人）不能为负数
            affectedPeople    | 1.5    | 受灾人口（人）应为整数
            directLoss        | 1.005  | 直接经济损失（万元）最多保留两位小数
            cropAffectedMu    | 很多    | 农作物受灾面积（亩）应为数字
            directLoss        |        | 直接经济损失（万元）不能为空（没有的填0）
            """)
    void aReportBreakingARuleIsRefusedNamingIt(String field, String value, String message) {
        Map<String, Object> form = valid();
        form.put(field, value);
        assertThatThrownBy(() -> read(form)).satisfies(violation(message));
    }
}
