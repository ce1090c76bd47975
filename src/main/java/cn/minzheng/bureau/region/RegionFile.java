package cn.minzheng.bureau.region;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.common.TableFile;

/**
 * A district's own region table, as its administrator prepares it in Excel: columns 编码, 名称, 类型, 上级编码, one
 * row per township / street office and per village / community, optionally one row 区 with the code
 * {@code district} to name the district. Every mistake of the file is reported at once, with its row.
 */
public final class RegionFile {

    public static final List<String> HEADERS = List.of("编码", "名称", "类型", "上级编码");
    /** Codes become group ids (clerk-…, committee-…): letters, digits, dot, dash, underscore. */
    static final Pattern CODE = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._-]{0,39}");
    static final int MAX_NAME = 60;
    static final int MAX_ERRORS = 20;
    public static final String DISTRICT = "district";

    private static final Map<String, RegionKind> KINDS = kinds();

    private RegionFile() {
    }

    /** The regions of the file, the district first, each parent before its children. */
    public static List<Region> read(String fileName, byte[] content) {
        return validate(TableFile.read(fileName, content));
    }

    static List<Region> validate(List<TableFile.Line> lines) {
        List<String> errors = new ArrayList<>();
        if (lines.isEmpty() || !header(lines.get(0))) {
            throw invalid(List.of("第1行应为表头：" + String.join("、", HEADERS)));
        }
        Map<String, RegionKind> kindByCode = new HashMap<>();
        List<TableFile.Line> rows = lines.subList(1, lines.size());
        for (TableFile.Line row : rows) {
            RegionKind kind = KINDS.get(row.cell(2));
            if (kind != null && !row.cell(0).isEmpty() && !kindByCode.containsKey(row.cell(0))) {
                kindByCode.put(row.cell(0), kind);
            }
        }
        List<Region> regions = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        Set<String> namesUnderParent = new HashSet<>();
        for (TableFile.Line row : rows) {
            String at = "第" + row.number() + "行：";
            String code = row.cell(0);
            String name = row.cell(1);
            RegionKind kind = KINDS.get(row.cell(2));
            String parent = row.cell(3);
            int before = errors.size();
            if (code.isEmpty()) {
                errors.add(at + "编码不能为空");
            } else if (!CODE.matcher(code).matches()) {
                errors.add(at + "编码“" + code + "”只能由字母、数字、点、横线、下划线组成，以字母或数字开头，最长40位");
            } else if (!codes.add(code)) {
                errors.add(at + "编码“" + code + "”重复");
            }
            if (name.isEmpty()) {
                errors.add(at + "名称不能为空");
            } else if (name.length() > MAX_NAME) {
                errors.add(at + "名称不能超过" + MAX_NAME + "个字");
            }
            if (kind == null) {
                errors.add(at + "类型“" + row.cell(2) + "”无效，应为 区、乡、镇、街道、村、社区 之一");
            } else if (kind == RegionKind.DISTRICT) {
                if (!DISTRICT.equals(code)) {
                    errors.add(at + "区的编码必须是“" + DISTRICT + "”");
                }
                if (!parent.isEmpty()) {
                    errors.add(at + "区没有上级");
                }
            } else if (kind == RegionKind.TOWNSHIP || kind == RegionKind.STREET_OFFICE) {
                if (!parent.isEmpty() && !DISTRICT.equals(parent)) {
                    errors.add(at + "乡镇（街道）的上级编码应为空或“" + DISTRICT + "”");
                }
                parent = DISTRICT;
            } else {
                RegionKind parentKind = kindByCode.get(parent);
                if (parent.isEmpty()) {
                    errors.add(at + "村（社区）要填写所属乡镇（街道）的编码");
                } else if (parentKind != RegionKind.TOWNSHIP && parentKind != RegionKind.STREET_OFFICE) {
                    errors.add(at + "上级编码“" + parent + "”不是本文件中的乡镇（街道）");
                }
            }
            if (kind != null && !name.isEmpty() && !namesUnderParent.add(parent + "/" + name)) {
                errors.add(at + "同一上级下已有名为“" + name + "”的区域");
            }
            if (errors.size() == before) {
                regions.add(new Region(code, name, kind, kind == RegionKind.DISTRICT ? null : parent));
            }
        }
        if (errors.isEmpty() && regions.stream().noneMatch(Region::isTownshipLevel)) {
            errors.add("文件中没有乡镇（街道）：至少要有一个类型为 乡、镇 或 街道 的区域");
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        List<Region> ordered = new ArrayList<>();
        regions.stream().filter(r -> r.kind() == RegionKind.DISTRICT).forEach(ordered::add);
        regions.stream().filter(Region::isTownshipLevel).forEach(ordered::add);
        regions.stream().filter(Communities::hasCommittee).forEach(ordered::add);
        return List.copyOf(ordered);
    }

    private static boolean header(TableFile.Line line) {
        for (int i = 0; i < HEADERS.size(); i++) {
            if (!HEADERS.get(i).equals(line.cell(i))) {
                return false;
            }
        }
        return true;
    }

    private static RuleViolation invalid(List<String> errors) {
        List<String> shown = errors.size() > MAX_ERRORS ? errors.subList(0, MAX_ERRORS) : errors;
        String more = errors.size() > MAX_ERRORS ? "\n……共" + errors.size() + "处错误" : "";
        return new RuleViolation("REGION_FILE_INVALID", "区域文件有错误，未导入任何区域：\n" + String.join("\n", shown) + more);
    }

    private static Map<String, RegionKind> kinds() {
        Map<String, RegionKind> kinds = new HashMap<>();
        for (RegionKind kind : RegionKind.values()) {
            kinds.put(kind.name(), kind);
        }
        kinds.put("区", RegionKind.DISTRICT);
        kinds.put("乡", RegionKind.TOWNSHIP);
        kinds.put("镇", RegionKind.TOWNSHIP);
        kinds.put("乡镇", RegionKind.TOWNSHIP);
        kinds.put("街道", RegionKind.STREET_OFFICE);
        kinds.put("街道办事处", RegionKind.STREET_OFFICE);
        kinds.put("办事处", RegionKind.STREET_OFFICE);
        kinds.put("村", RegionKind.VILLAGE);
        kinds.put("社区", RegionKind.COMMUNITY);
        return Map.copyOf(kinds);
    }
}
