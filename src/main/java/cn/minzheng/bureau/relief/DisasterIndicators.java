package cn.minzheng.bureau.relief;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;

import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.engine.ProcessVariable;

/**
 * The national indicators of a disaster report (自然灾害情况统计: 初报, 续报, 核报) as structured numbers: people
 * affected, dead and missing, emergency relocation, people needing emergency living assistance, crop area affected /
 * damaged (成灾) / lost (绝收) — entered in 亩, reported in hectares —, houses collapsed / severely / generally damaged
 * (households and rooms) and the direct economic loss (万元). Checked as the statistics system checks them.
 */
public record DisasterIndicators(int affectedPeople, int deaths, int missing, int relocated, int needingAssistance,
                                 BigDecimal cropAffectedMu, BigDecimal cropDamagedMu, BigDecimal cropLostMu,
                                 int collapsedHouseholds, int collapsedRooms, int severeHouseholds, int severeRooms,
                                 int generalHouseholds, int generalRooms, BigDecimal directLoss) {

    /** 亩 per hectare. */
    static final BigDecimal MU_PER_HECTARE = new BigDecimal("15");

    /** The form fields (process variables), in the order of the record, with the labels users read. */
    public enum Field {
        AFFECTED_PEOPLE("affectedPeople", "受灾人口（人）", false),
        DEATHS("deaths", "死亡人口（人）", false),
        MISSING("missing", "失踪人口（人）", false),
        RELOCATED("relocated", "紧急转移安置人口（人）", false),
        NEEDING_ASSISTANCE("needingAssistance", "需紧急生活救助人口（人）", false),
        CROP_AFFECTED_MU("cropAffectedMu", "农作物受灾面积（亩）", true),
        CROP_DAMAGED_MU("cropDamagedMu", "农作物成灾面积（亩）", true),
        CROP_LOST_MU("cropLostMu", "农作物绝收面积（亩）", true),
        COLLAPSED_HOUSEHOLDS("collapsedHouseholds", "倒塌房屋户数", false),
        COLLAPSED_ROOMS("collapsedRooms", "倒塌房屋间数", false),
        SEVERE_HOUSEHOLDS("severeHouseholds", "严重损坏房屋户数", false),
        SEVERE_ROOMS("severeRooms", "严重损坏房屋间数", false),
        GENERAL_HOUSEHOLDS("generalHouseholds", "一般损坏房屋户数", false),
        GENERAL_ROOMS("generalRooms", "一般损坏房屋间数", false),
        DIRECT_LOSS("directLoss", "直接经济损失（万元）", true);

        private final String key;
        private final String label;
        private final boolean decimal;

        Field(String key, String label, boolean decimal) {
            this.key = key;
            this.label = label;
            this.decimal = decimal;
        }

        public String key() {
            return key;
        }

        public String label() {
            return label;
        }

        ProcessVariable<?> variable() {
            return decimal ? ProcessVariable.fact(key, Double.class) : ProcessVariable.fact(key, Long.class);
        }
    }

    /** The process variables of the indicators (declared with the process's variables). */
    public static List<ProcessVariable<?>> variables() {
        return java.util.Arrays.stream(Field.values()).<ProcessVariable<?>>map(Field::variable).toList();
    }

    /** Reads the indicators a user submitted with a report form and checks them; a Chinese refusal names the field. */
    public static DisasterIndicators read(VariableScope scope) {
        Map<Field, Object> values = new LinkedHashMap<>();
        for (Field field : Field.values()) {
            values.put(field, field.decimal ? decimal(scope.getVariable(field.key), field.label)
                    : count(scope.getVariable(field.key), field.label));
        }
        DisasterIndicators indicators = new DisasterIndicators((int) values.get(Field.AFFECTED_PEOPLE),
                (int) values.get(Field.DEATHS), (int) values.get(Field.MISSING), (int) values.get(Field.RELOCATED),
                (int) values.get(Field.NEEDING_ASSISTANCE), (BigDecimal) values.get(Field.CROP_AFFECTED_MU),
                (BigDecimal) values.get(Field.CROP_DAMAGED_MU), (BigDecimal) values.get(Field.CROP_LOST_MU),
                (int) values.get(Field.COLLAPSED_HOUSEHOLDS), (int) values.get(Field.COLLAPSED_ROOMS),
                (int) values.get(Field.SEVERE_HOUSEHOLDS), (int) values.get(Field.SEVERE_ROOMS),
                (int) values.get(Field.GENERAL_HOUSEHOLDS), (int) values.get(Field.GENERAL_ROOMS),
                (BigDecimal) values.get(Field.DIRECT_LOSS));
        indicators.check();
        return indicators;
    }

    /** The rules between the numbers: parts never exceed the whole, a damaged household has a room. */
    public void check() {
        List<String> problems = new ArrayList<>();
        if (deaths + missing > affectedPeople) {
            problems.add("死亡和失踪人口之和不能超过受灾人口");
        }
        if (relocated > affectedPeople) {
            problems.add("紧急转移安置人口不能超过受灾人口");
        }
        if (needingAssistance > affectedPeople) {
            problems.add("需紧急生活救助人口不能超过受灾人口");
        }
        if (cropDamagedMu.compareTo(cropAffectedMu) > 0) {
            problems.add("农作物成灾面积不能超过受灾面积");
        }
        if (cropLostMu.compareTo(cropDamagedMu) > 0) {
            problems.add("农作物绝收面积不能超过成灾面积");
        }
        rooms(problems, "倒塌", collapsedHouseholds, collapsedRooms);
        rooms(problems, "严重损坏", severeHouseholds, severeRooms);
        rooms(problems, "一般损坏", generalHouseholds, generalRooms);
        if (!problems.isEmpty()) {
            throw new RuleViolation("INVALID_INDICATORS", String.join("；", problems));
        }
    }

    private static void rooms(List<String> problems, String kind, int households, int rooms) {
        if (rooms < households) {
            problems.add(kind + "房屋间数不能少于户数（每户至少一间）");
        }
        if (households == 0 && rooms > 0) {
            problems.add("填写了" + kind + "房屋间数，请填写户数");
        }
    }

    public static BigDecimal hectares(BigDecimal mu) {
        return mu.divide(MU_PER_HECTARE, 2, RoundingMode.HALF_UP);
    }

    public BigDecimal cropAffectedHectares() {
        return hectares(cropAffectedMu);
    }

    public BigDecimal cropDamagedHectares() {
        return hectares(cropDamagedMu);
    }

    public BigDecimal cropLostHectares() {
        return hectares(cropLostMu);
    }

    /** The values by form field, for a form's defaults. */
    public Map<String, Object> asVariables() {
        Map<String, Object> variables = new LinkedHashMap<>();
        Object[] values = {affectedPeople, deaths, missing, relocated, needingAssistance, cropAffectedMu, cropDamagedMu,
                cropLostMu, collapsedHouseholds, collapsedRooms, severeHouseholds, severeRooms, generalHouseholds,
                generalRooms, directLoss};
        Field[] fields = Field.values();
        for (int i = 0; i < fields.length; i++) {
            Object value = values[i];
            variables.put(fields[i].key, value instanceof BigDecimal d ? d.doubleValue() : Long.valueOf((Integer) value));
        }
        return variables;
    }

    private static int count(Object value, String label) {
        BigDecimal number = number(value, label);
        if (number.stripTrailingZeros().scale() > 0) {
            throw new RuleViolation("INVALID_FIELD", label + "应为整数");
        }
        if (number.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            throw new RuleViolation("INVALID_FIELD", label + "数值过大");
        }
        return number.intValue();
    }

    private static BigDecimal decimal(Object value, String label) {
        BigDecimal number = number(value, label);
        if (number.stripTrailingZeros().scale() > 2) {
            throw new RuleViolation("INVALID_FIELD", label + "最多保留两位小数");
        }
        if (number.compareTo(new BigDecimal("999999999999")) > 0) {
            throw new RuleViolation("INVALID_FIELD", label + "数值过大");
        }
        return number.setScale(2, RoundingMode.UNNECESSARY);
    }

    private static BigDecimal number(Object value, String label) {
        if (value == null || value.toString().isBlank()) {
            throw new RuleViolation("MISSING_FIELD", label + "不能为空（没有的填0）");
        }
        BigDecimal number;
        try {
            number = new BigDecimal(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new RuleViolation("INVALID_FIELD", label + "应为数字");
        }
        if (number.signum() < 0) {
            throw new RuleViolation("INVALID_FIELD", label + "不能为负数");
        }
        return number;
    }
}
