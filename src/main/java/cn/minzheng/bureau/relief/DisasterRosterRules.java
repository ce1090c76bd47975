package cn.minzheng.bureau.relief;

import static cn.minzheng.bureau.relief.DisasterRosterColumns.*;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.common.Quantities;
import cn.minzheng.bureau.common.TextRules;
import cn.minzheng.bureau.household.Labelled;
import cn.minzheng.bureau.household.Problems;
import cn.minzheng.bureau.household.ResidentIdNumber;
import cn.minzheng.bureau.region.Region;

/**
 * The rules of one disaster roster entry (an affected household), the same for the roster task's form (拉网式排查,
 * {@link RosterService}) and the roster import ({@link DisasterRosterChecker}): a current village of the disaster's
 * affected area in a current township it hit, a valid ID number, numbers in range, known categories, consistent
 * house damage (a degree and its rooms) and deaths. The values come by template column ({@link DisasterRosterColumns}); every problem goes to
 * a {@link Problems} collector, which throws on the first one in the form and keeps them all in an import. Whether a
 * person is on the roster twice is the caller's question (within a form, a file, or the roster).
 */
final class DisasterRosterRules {

    /** 生活需求: label → the roster's flag. */
    static final Map<String, String> NEEDS_LABELS = Map.of("口粮", "needsFood", "衣物", "needsClothing", "被褥",
            "needsQuilts", "房屋修缮", "needsHouseRepair");

    private final List<Region> regions;
    private final Set<String> townships;
    private final Set<String> villages;

    /** {@code regions}: the current regions; {@code townships}, {@code villages}: the disaster's affected area. */
    DisasterRosterRules(List<Region> regions, Set<String> townships, Set<String> villages) {
        this.regions = regions;
        this.townships = townships;
        this.villages = villages;
    }

    /** Where the entry is: its township and village codes, or null after a problem. */
    record Place(String townshipCode, String villageCode) {
    }

    /**
     * Checks an entry whose values {@code value} gives by column; its township is {@code fixedTownship} (the form's
     * task is one township's) or, when null, the TOWNSHIP column. Returns the entry (not yet linked to a 低保 case),
     * or null when a problem was found.
     */
    AffectedHousehold check(IntFunction<Object> value, Region fixedTownship, Problems problems) {
        Place place = place(value, fixedTownship, problems);
        String name = headName(text(value.apply(HEAD_NAME)), problems);
        ResidentIdNumber idNumber = problems.parse(ID_NUMBER, "公民身份号码：",
                () -> ResidentIdNumber.parse(text(value.apply(ID_NUMBER))));
        String address = address(text(value.apply(ADDRESS)), problems);
        Long persons = whole(value.apply(PERSONS), PERSONS, "家庭人口", 1, 30, problems);
        HouseholdCategory category = labelled(HouseholdCategory.class, value.apply(CATEGORY), CATEGORY, "受灾户类别", problems);
        Boolean disabled = yesNo(value.apply(DISABLED_MEMBER), DISABLED_MEMBER, "有残疾人", problems);
        Object cropRaw = value.apply(CROP_LOSS);
        BigDecimal cropLoss = problems.parse(CROP_LOSS,
                () -> Money.parse(cropRaw instanceof String s ? text(s) : cropRaw, "农作物受灾面积（亩）"));
        HouseDamage damage = houseDamage(value.apply(HOUSE_DAMAGE), problems);
        Long rooms = damagedRooms(value.apply(DAMAGED_ROOMS), damage, problems);
        long most = persons == null ? 30 : persons;
        Long deaths = whole(value.apply(DEATHS), DEATHS, "因灾死亡人数", 0, most, problems);
        String deceased = deceasedNames(text(value.apply(DECEASED_NAMES)), deaths, problems);
        Long winter = whole(value.apply(WINTER_RELIEF), WINTER_RELIEF, "冬春需政府救济人口", 0, most, problems);
        Map<String, Boolean> needs = needs(value.apply(NEEDS), problems);
        Long need = whole(value.apply(NEED_AMOUNT), NEED_AMOUNT, "核定救助需求（元）", 0, 1_000_000, problems);
        if (!problems.isEmpty() || place == null || name == null || idNumber == null || address == null
                || persons == null || category == null || disabled == null || cropLoss == null || damage == null
                || rooms == null || deaths == null || winter == null || needs == null || need == null) {
            return null;
        }
        return new AffectedHousehold(null, place.townshipCode(), place.villageCode(), name, idNumber, address,
                persons.intValue(), category, null, disabled, cropLoss, damage, rooms.intValue(), deaths.intValue(),
                deaths > 0 ? deceased : null, winter.intValue(), needs.get("needsFood"), needs.get("needsClothing"),
                needs.get("needsQuilts"), needs.get("needsHouseRepair"), Money.of(BigDecimal.valueOf(need)), null,
                false, false);
    }

    private Place place(IntFunction<Object> value, Region fixedTownship, Problems problems) {
        Region township = fixedTownship;
        if (township == null) {
            String named = text(value.apply(TOWNSHIP));
            township = named == null ? null : regions.stream().filter(Region::isTownshipLevel)
                    .filter(r -> r.code().equals(named) || r.name().equals(named)).findFirst().orElse(null);
            if (township == null) {
                problems.add("INVALID_CODE", TOWNSHIP, "乡镇（街道）“" + nullToEmpty(named) + "”不存在或已撤并");
                return null;
            }
            if (!townships.contains(township.code())) {
                problems.add("OUTSIDE_AFFECTED_AREA", TOWNSHIP, township.name() + "不是本次灾害的受灾乡镇（街道）");
                return null;
            }
        }
        Region village = village(township, text(value.apply(VILLAGE)));
        if (village == null) {
            problems.add("OUTSIDE_AFFECTED_AREA", VILLAGE, fixedTownship == null
                    ? "村（社区）“" + nullToEmpty(text(value.apply(VILLAGE))) + "”不属于" + township.name() + "或已撤并"
                    : placeName(text(value.apply(VILLAGE))) + "不在本次灾害本乡镇（街道）的受灾村（社区）范围内，不能登记");
            return null;
        }
        if (!villages.contains(village.code())) {
            problems.add("OUTSIDE_AFFECTED_AREA", VILLAGE, village.name() + "不在本次灾害的受灾村（社区）范围内，不能登记");
            return null;
        }
        return new Place(township.code(), village.code());
    }

    private Region village(Region township, String value) {
        if (value == null) {
            return null;
        }
        return regions.stream().filter(r -> township.code().equals(r.parentCode()))
                .filter(r -> r.code().equals(value) || r.name().equals(value)).findFirst().orElse(null);
    }

    private String placeName(String code) {
        return regions.stream().filter(r -> r.code().equals(code)).map(Region::name).findFirst()
                .orElse("“" + nullToEmpty(code) + "”");
    }

    private static String headName(String name, Problems problems) {
        if (name == null) {
            problems.add("MISSING_FIELD", HEAD_NAME, "户主姓名不能为空");
            return null;
        }
        String problem = name.length() > 30 ? "户主姓名不能超过30个字" : TextRules.nameProblem("户主姓名", name);
        if (problem != null) {
            problems.add("INVALID_NAME", HEAD_NAME, problem);
            return null;
        }
        return name;
    }

    private static String address(String address, Problems problems) {
        String problem = address == null ? "住址不能为空" : address.length() > 200 ? "住址不能超过200个字"
                : TextRules.textProblem("住址", address);
        if (problem != null) {
            problems.add("MISSING_FIELD", ADDRESS, problem);
            return null;
        }
        return address;
    }

    /** 房屋受损情况: one of the degrees a new entry may name (倒塌、严重损坏、一般损坏、无), by label or code. */
    private static HouseDamage houseDamage(Object raw, Problems problems) {
        String value = text(raw);
        if (value == null) {
            problems.add("MISSING_FIELD", HOUSE_DAMAGE, "房屋受损情况不能为空");
            return null;
        }
        for (HouseDamage damage : HouseDamage.RECORDABLE) {
            if (damage.label().equals(value) || damage.name().equals(value)) {
                return damage;
            }
        }
        problems.add("INVALID_CODE", HOUSE_DAMAGE, "房屋受损情况“" + value + "”无效，请按损坏程度填写：" + String.join("、",
                HouseDamage.RECORDABLE.stream().map(HouseDamage::label).toList()));
        return null;
    }

    /** 受损房屋间数: at least a room when the house collapsed or was damaged, none when it was not (blank is 0). */
    private static Long damagedRooms(Object raw, HouseDamage damage, Problems problems) {
        Long rooms = whole(raw, DAMAGED_ROOMS, "受损房屋间数", 0, 50, problems);
        if (damage != null && damage.damaged() && rooms != null && rooms == 0) {
            problems.add("MISSING_FIELD", DAMAGED_ROOMS, "房屋" + damage.label() + "的，须填写" + damage.label()
                    + "的房屋间数（至少1间）");
            return null;
        }
        if (damage == HouseDamage.NONE && rooms != null && rooms > 0) {
            problems.add("INCONSISTENT", DAMAGED_ROOMS, "房屋无损的，受损房屋间数应为0");
            return null;
        }
        return rooms;
    }

    private static String deceasedNames(String deceased, Long deaths, Problems problems) {
        if (deaths != null && deaths > 0 && deceased == null) {
            problems.add("MISSING_FIELD", DECEASED_NAMES, "有因灾死亡人口的，须填写死亡人员姓名");
        } else if (deceased != null && deceased.length() > 200) {
            problems.add("INVALID_TEXT", DECEASED_NAMES, "死亡人员姓名不能超过200个字");
        }
        return deceased;
    }

    private static Long whole(Object raw, int column, String label, long min, long max, Problems problems) {
        return problems.parse(column, () -> Quantities.whole(raw instanceof String s ? text(s) : raw, label, min, max));
    }

    /** A category by its label (as the template shows it) or its code (as the form sends it). */
    private static <E extends Enum<E> & Labelled> E labelled(Class<E> type, Object raw, int column, String label,
                                                             Problems problems) {
        String value = text(raw);
        if (value == null) {
            problems.add("MISSING_FIELD", column, label + "不能为空");
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.label().equals(value) || constant.name().equals(value)) {
                return constant;
            }
        }
        problems.add("INVALID_CODE", column, label + "“" + value + "”无效，可选：" + String.join("、",
                Arrays.stream(type.getEnumConstants()).map(Labelled::label).toList()));
        return null;
    }

    /** 是/有/true, 否/无/false or blank (no). */
    private static Boolean yesNo(Object raw, int column, String label, Problems problems) {
        if (raw instanceof Boolean flag) {
            return flag;
        }
        String value = text(raw);
        if (value == null || value.equals("否") || value.equals("无") || value.equals("false")) {
            return false;
        }
        if (value.equals("是") || value.equals("有") || value.equals("true")) {
            return true;
        }
        problems.add("INVALID_CODE", column, label + "“" + value + "”无效，请填写“是”或“否”");
        return null;
    }

    /** 生活需求 as labels separated by spaces or 、 (the form's four flags arrive the same way). */
    private static Map<String, Boolean> needs(Object raw, Problems problems) {
        Map<String, Boolean> needs = new LinkedHashMap<>();
        NEEDS_LABELS.values().forEach(key -> needs.put(key, false));
        String value = text(raw);
        if (value == null) {
            return needs;
        }
        boolean valid = true;
        for (String part : value.split("[\\s、，,；;]+")) {
            String key = NEEDS_LABELS.get(part);
            if (key == null) {
                problems.add("INVALID_CODE", NEEDS, "生活需求“" + part + "”无效，可选：口粮、衣物、被褥、房屋修缮");
                valid = false;
            } else {
                needs.put(key, true);
            }
        }
        return valid ? needs : null;
    }

    /** The form's four need flags as the template's 生活需求 text. */
    static String needsText(Map<String, Object> row) {
        StringBuilder text = new StringBuilder();
        NEEDS_LABELS.forEach((label, key) -> {
            Object flag = row.get(key);
            if (Boolean.TRUE.equals(flag) || "true".equals(flag)) {
                text.append(label).append(' ');
            }
        });
        return text.toString().trim();
    }

    static String text(Object raw) {
        return raw == null || raw.toString().isBlank() ? null : raw.toString().trim();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
