package cn.minzheng.bureau.distribution;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.spin.json.SpinJsonNode;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.minzheng.bureau.common.ExactShare;
import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.common.Quantities;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.common.TextRules;
import cn.minzheng.bureau.household.Labelled;

/**
 * The rules of a distribution to an enrolled group, without the database: what a distribution may be (its target
 * group and what each recipient gets), and a township's sign-off against its frozen list — every listed person signed
 * for, nobody else, nobody twice, the totals exactly the township's share ({@link ExactShare}).
 */
public final class DistributionRules {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DistributionRules() {
    }

    /** A checked distribution: the target group and what each recipient gets. {@code townships} empty: all. */
    public record Definition(String name, Occasion occasion, List<String> programCodes, List<String> townships,
                             BigDecimal cashPerRecipient, String itemName, int itemQuantity, String itemUnit) {

        /** 每人慰问金500.00元、大米1袋. */
        public String perRecipientText() {
            List<String> parts = new ArrayList<>();
            if (cashPerRecipient.signum() > 0) {
                parts.add("慰问金" + Money.format(cashPerRecipient) + "元");
            }
            if (itemQuantity > 0) {
                parts.add(itemName + itemQuantity + itemUnit);
            }
            return "每人" + String.join("、", parts);
        }

        /** What {@code people} recipients get in total: 合计慰问金1000.00元、大米2袋. */
        public String totalText(int people) {
            List<String> parts = new ArrayList<>();
            if (cashPerRecipient.signum() > 0) {
                parts.add("慰问金" + Money.format(cashPerRecipient.multiply(BigDecimal.valueOf(people))) + "元");
            }
            if (itemQuantity > 0) {
                parts.add(itemName + (long) itemQuantity * people + itemUnit);
            }
            return "合计" + String.join("、", parts);
        }
    }

    /**
     * Checks a distribution as the start form or {@code /api} gives it. {@code groupPrograms}: code → name of the
     * programs whose enrolments define a group (monthly programs); {@code townshipCodes}: the district's townships.
     */
    public static Definition define(Object name, Object occasion, Object programCodes, Object townships, Object cash,
                                    Object itemName, Object itemQuantity, Object itemUnit,
                                    Map<String, String> groupPrograms, Set<String> townshipCodes) {
        String checkedName = TextRules.required(name, "发放名称", 100);
        Occasion checkedOccasion = Labelled.parse(Occasion.class, occasion, "发放事由");
        List<String> programs = codes(programCodes, "发放对象（救助项目）").stream().distinct().toList();
        if (programs.isEmpty()) {
            throw new RuleViolation("MISSING_FIELD", "请至少选择一个发放对象（救助项目）");
        }
        for (String code : programs) {
            if (!groupPrograms.containsKey(code)) {
                throw new RuleViolation("INVALID_PROGRAM", "发放对象“" + code + "”不是按月享受的救助项目，可选："
                        + String.join("、", groupPrograms.values()));
            }
        }
        List<String> areas = codes(townships, "发放乡镇（街道）").stream().distinct().toList();
        for (String code : areas) {
            if (!townshipCodes.contains(code)) {
                throw new RuleViolation("INVALID_TOWNSHIP", "乡镇（街道）“" + code + "”不存在");
            }
        }
        BigDecimal money = Money.of(Money.parse(cash, "每人慰问金（元）"));
        long quantity = Quantities.whole(itemQuantity, "每人物资数量", 0, 10_000);
        String item = TextRules.optional(itemName, "物资名称", 50);
        String unit = TextRules.optional(itemUnit, "物资单位", 5);
        if (quantity > 0 && (item == null || unit == null)) {
            throw new RuleViolation("MISSING_FIELD", "发放物资须填写物资名称和单位");
        }
        if (quantity == 0 && item != null) {
            throw new RuleViolation("MISSING_FIELD", "请填写每人发放的" + item + "数量");
        }
        if (quantity == 0) {
            unit = null;
        }
        if (money.signum() == 0 && quantity == 0) {
            throw new RuleViolation("EMPTY_DISTRIBUTION", "每人须发放慰问金或物资");
        }
        return new Definition(checkedName, checkedOccasion, programs, areas, money, item, (int) quantity, unit);
    }

    /**
     * A township's sign-off: the ID numbers of the people who signed for it, against the township's frozen list.
     * Returns them in the order given.
     */
    public static List<String> signOff(Definition definition, List<String> listed, Object signedIdNumbers) {
        List<String> signed = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String idNumber : codes(signedIdNumbers, "已签领人员")) {
            String normalised = idNumber.toUpperCase();
            if (!seen.add(normalised)) {
                throw new RuleViolation("DUPLICATE_PERSON", normalised + "重复签领，同一人在本次发放中只能领取一次", 409);
            }
            if (!listed.contains(normalised)) {
                throw new RuleViolation("NOT_LISTED", normalised + "不在本乡镇（街道）本次发放名单中", 422);
            }
            signed.add(normalised);
        }
        int people = signed.size();
        if (definition.cashPerRecipient().signum() > 0) {
            ExactShare.check("慰问金", Money.of(definition.cashPerRecipient().multiply(BigDecimal.valueOf(people))),
                    Money.of(definition.cashPerRecipient().multiply(BigDecimal.valueOf(listed.size()))), "元");
        }
        if (definition.itemQuantity() > 0) {
            ExactShare.check(definition.itemName(), BigDecimal.valueOf((long) definition.itemQuantity() * people),
                    BigDecimal.valueOf((long) definition.itemQuantity() * listed.size()), definition.itemUnit());
        }
        return signed;
    }

    /** A checklist's values (duplicates kept): a Json array, a Java list, a JSON string or a comma-separated string. */
    static List<String> codes(Object value, String label) {
        if (value == null || value.toString().isBlank()) {
            return List.of();
        }
        List<?> raw;
        if (value instanceof List<?> list) {
            raw = list;
        } else {
            String text = value instanceof SpinJsonNode node ? node.toString() : value.toString().trim();
            if (text.startsWith("[")) {
                try {
                    raw = JSON.readValue(text, new TypeReference<List<Object>>() {
                    });
                } catch (JsonProcessingException e) {
                    throw new RuleViolation("INVALID_LIST", label + "格式不正确");
                }
            } else {
                raw = List.of(text.split(","));
            }
        }
        List<String> all = new ArrayList<>();
        for (Object item : raw) {
            if (item == null || item.toString().isBlank()) {
                continue;
            }
            String code = item.toString().trim();
            if (code.length() > 40) {
                throw new RuleViolation("INVALID_LIST", label + "“" + code + "”无效");
            }
            all.add(code);
        }
        return all;
    }
}
