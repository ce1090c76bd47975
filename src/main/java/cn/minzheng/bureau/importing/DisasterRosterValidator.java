package cn.minzheng.bureau.importing;

import static cn.minzheng.bureau.importing.DisasterRosterColumns.*;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.common.Quantities;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.common.TextRules;
import cn.minzheng.bureau.household.Labelled;
import cn.minzheng.bureau.household.ResidentIdNumber;
import cn.minzheng.bureau.region.Region;
import cn.minzheng.bureau.relief.HouseDamage;
import cn.minzheng.bureau.relief.HouseholdCategory;

/**
 * Checks the rows of a disaster roster workbook one by one, with the rules the roster task applies
 * ({@code RosterService.register}): a valid ID number, a current village of the disaster's affected area
 * in a current township of the disaster, nobody twice, numbers in range, known categories. Every problem
 * of a row is reported, not only the first. Whether a person is already on the disaster's roster is
 * asked of the database in chunks by the caller ({@link #alreadyOnRoster}).
 */
final class DisasterRosterValidator {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Map<String, String> NEEDS_LABELS = Map.of("口粮", "needsFood", "衣物", "needsClothing", "被褥", "needsQuilts",
            "房屋修缮", "needsHouseRepair");

    private final List<Region> regions;
    private final Set<String> townships;
    private final Set<String> villages;
    private final Set<String> seenIds = new HashSet<>();

    /** {@code regions}: the current regions; {@code townships}, {@code villages}: the disaster's affected area. */
    DisasterRosterValidator(List<Region> regions, Set<String> townships, Set<String> villages) {
        this.regions = regions;
        this.townships = townships;
        this.villages = villages;
    }

    static void alreadyOnRoster(StagedRow row) {
        row.reject(ID_NUMBER, "公民身份号码" + row.idNumber + "已在本次灾害的登记册中，同一人不能重复登记");
    }

    StagedRow row(int rowNumber, String[] cells) {
        StagedRow row = new StagedRow(rowNumber, String.valueOf(rowNumber));
        Map<String, Object> values = new LinkedHashMap<>();
        Region township = township(text(cells[TOWNSHIP]));
        if (township == null) {
            row.reject(TOWNSHIP, "乡镇（街道）“" + nullToEmpty(cells[TOWNSHIP]) + "”不存在或已撤并");
        } else if (!townships.contains(township.code())) {
            row.reject(TOWNSHIP, township.name() + "不是本次灾害的受灾乡镇（街道）");
        } else {
            row.townshipCode = township.code();
            Region village = village(township, text(cells[VILLAGE]));
            if (village == null) {
                row.reject(VILLAGE, "村（社区）“" + nullToEmpty(cells[VILLAGE]) + "”不属于" + township.name() + "或已撤并");
            } else if (!villages.contains(village.code())) {
                row.reject(VILLAGE, village.name() + "不在本次灾害的受灾村（社区）范围内，不能登记");
            } else {
                row.communityCode = village.code();
            }
        }
        row.name = text(cells[HEAD_NAME]);
        if (row.name == null) {
            row.reject(HEAD_NAME, "户主姓名不能为空");
        } else {
            String problem = row.name.length() > 30 ? "户主姓名不能超过30个字" : TextRules.nameProblem("户主姓名", row.name);
            if (problem != null) {
                row.reject(HEAD_NAME, problem);
                row.name = null;
            }
        }
        try {
            row.idNumber = ResidentIdNumber.parse(text(cells[ID_NUMBER])).value();
            if (!seenIds.add(row.idNumber)) {
                row.reject(ID_NUMBER, "公民身份号码" + row.idNumber + "在文件中重复出现（同一人只能登记一次）");
            }
        } catch (RuleViolation e) {
            row.reject(ID_NUMBER, "公民身份号码：" + e.getMessage());
        }
        row.address = text(cells[ADDRESS]);
        if (row.address == null) {
            row.reject(ADDRESS, "住址不能为空");
        } else if (row.address.length() > 200) {
            row.reject(ADDRESS, "住址不能超过200个字");
        } else if (TextRules.textProblem("住址", row.address) != null) {
            row.reject(ADDRESS, TextRules.textProblem("住址", row.address));
        }
        Long persons = whole(row, cells[PERSONS], PERSONS, "家庭人口", 1, 30);
        HouseholdCategory category = labelled(row, HouseholdCategory.class, cells[CATEGORY], CATEGORY, "受灾户类别");
        Boolean disabled = yesNo(row, cells[DISABLED_MEMBER], DISABLED_MEMBER, "有残疾人");
        BigDecimal cropLoss = null;
        try {
            cropLoss = Money.parse(text(cells[CROP_LOSS]), "农作物受灾面积（亩）");
        } catch (RuleViolation e) {
            row.reject(CROP_LOSS, e.getMessage());
        }
        HouseDamage damage = labelled(row, HouseDamage.class, cells[HOUSE_DAMAGE], HOUSE_DAMAGE, "房屋受损情况");
        Long rooms = whole(row, cells[COLLAPSED_ROOMS], COLLAPSED_ROOMS, "倒塌房屋间数", 0, 50);
        if (damage == HouseDamage.COLLAPSED && rooms != null && rooms == 0) {
            row.reject(COLLAPSED_ROOMS, "房屋倒塌的，须填写倒塌房屋间数");
        } else if (damage != null && damage != HouseDamage.COLLAPSED && rooms != null && rooms > 0) {
            row.reject(COLLAPSED_ROOMS, "房屋未倒塌，倒塌房屋间数应为0");
        }
        long most = persons == null ? 30 : persons;
        Long deaths = whole(row, cells[DEATHS], DEATHS, "因灾死亡人数", 0, most);
        String deceased = text(cells[DECEASED_NAMES]);
        if (deaths != null && deaths > 0 && deceased == null) {
            row.reject(DECEASED_NAMES, "有因灾死亡人口的，须填写死亡人员姓名");
        } else if (deceased != null && deceased.length() > 200) {
            row.reject(DECEASED_NAMES, "死亡人员姓名不能超过200个字");
        }
        Long winter = whole(row, cells[WINTER_RELIEF], WINTER_RELIEF, "冬春需政府救济人口", 0, most);
        Map<String, Boolean> needs = needs(row, cells[NEEDS]);
        Long need = whole(row, cells[NEED_AMOUNT], NEED_AMOUNT, "核定救助需求（元）", 0, 1_000_000);
        if (row.status() != StagedRow.Status.REJECTED) {
            values.put("townshipCode", row.townshipCode);
            values.put("villageCode", row.communityCode);
            values.put("headName", row.name);
            values.put("idNumber", row.idNumber);
            values.put("address", row.address);
            values.put("persons", persons);
            values.put("category", category.name());
            values.put("disabledMember", disabled);
            values.put("cropLossMu", cropLoss);
            values.put("houseDamage", damage.name());
            values.put("collapsedRooms", rooms);
            values.put("deaths", deaths);
            values.put("deceasedNames", deaths > 0 ? deceased : null);
            values.put("winterReliefPersons", winter);
            values.putAll(needs);
            values.put("needAmount", need);
            try {
                row.payload = JSON.writeValueAsString(values);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return row;
    }

    private Region township(String value) {
        if (value == null) {
            return null;
        }
        return regions.stream().filter(Region::isTownshipLevel)
                .filter(r -> r.code().equals(value) || r.name().equals(value)).findFirst().orElse(null);
    }

    private Region village(Region township, String value) {
        if (value == null) {
            return null;
        }
        return regions.stream().filter(r -> township.code().equals(r.parentCode()))
                .filter(r -> r.code().equals(value) || r.name().equals(value)).findFirst().orElse(null);
    }

    private static Long whole(StagedRow row, String raw, int column, String label, long min, long max) {
        try {
            return Quantities.whole(text(raw), label, min, max);
        } catch (RuleViolation e) {
            row.reject(column, e.getMessage());
            return null;
        }
    }

    private static <E extends Enum<E> & Labelled> E labelled(StagedRow row, Class<E> type, String raw, int column,
                                                             String label) {
        String value = text(raw);
        if (value == null) {
            row.reject(column, label + "不能为空");
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.label().equals(value) || constant.name().equals(value)) {
                return constant;
            }
        }
        row.reject(column, label + "“" + value + "”无效，可选：" + String.join("、",
                Arrays.stream(type.getEnumConstants()).map(Labelled::label).toList()));
        return null;
    }

    private static Boolean yesNo(StagedRow row, String raw, int column, String label) {
        String value = text(raw);
        if (value == null || value.equals("否") || value.equals("无")) {
            return false;
        }
        if (value.equals("是") || value.equals("有")) {
            return true;
        }
        row.reject(column, label + "“" + value + "”无效，请填写“是”或“否”");
        return null;
    }

    private static Map<String, Boolean> needs(StagedRow row, String raw) {
        Map<String, Boolean> needs = new LinkedHashMap<>();
        NEEDS_LABELS.values().forEach(key -> needs.put(key, false));
        String value = text(raw);
        if (value == null) {
            return needs;
        }
        for (String part : value.split("[\\s、，,；;]+")) {
            String key = NEEDS_LABELS.get(part);
            if (key == null) {
                row.reject(NEEDS, "生活需求“" + part + "”无效，可选：口粮、衣物、被褥、房屋修缮");
            } else {
                needs.put(key, true);
            }
        }
        return needs;
    }

    private static String text(String raw) {
        return raw == null || raw.isBlank() ? null : raw.trim();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
