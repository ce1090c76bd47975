package cn.minzheng.bureau.community.reorganisation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import cn.minzheng.bureau.common.JsonRows;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.community.reorganisation.ReorganisationPlan.Step;

/**
 * The plan as the draft form edits it: one row per change, each field a choice among the current regions
 * by name (the form lists them from the region table), never a code or JSON typed by hand. A row holds
 * {@code kind} and, by kind: 撤并 {@code sources} and {@code target}; 移交 {@code community} and
 * {@code handOverTo}; 更名 {@code community} and {@code newName}; 新建 {@code createName} and {@code createIn}
 * (the new community's code is made up here). What the rows cannot show is kept as it is and listed in the
 * plan's summary: splits (households assigned one by one), a new township or street office, a merge into a
 * community the same step creates, and every step that names a region the plan itself creates (with the step
 * creating it, whose code must stay as it is).
 */
public final class PlanForm {

    static final String ROWS = CommunityReorganisationProcess.PLAN_ROWS.name();
    static final String HAS_KEPT_STEPS = CommunityReorganisationProcess.HAS_KEPT_STEPS.name();

    private static final Map<String, StepKind> EDITABLE = Map.of("MERGE", StepKind.MERGE, "HAND_OVER", StepKind.HAND_OVER,
            "RENAME", StepKind.RENAME, "CREATE", StepKind.CREATE);

    private PlanForm() {
    }

    /** The rows the form shows for a plan (the steps it keeps left out). */
    public static List<Map<String, Object>> rows(ReorganisationPlan plan) {
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Step> kept = kept(plan);
        for (Step step : plan.steps() == null ? List.<Step>of() : plan.steps()) {
            if (kept.contains(step)) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("kind", step.kind().name());
            switch (step.kind()) {
                case MERGE -> {
                    row.put("sources", step.sources() == null ? List.of()
                            : step.sources().stream().filter(s -> !s.equals(step.code())).toList());
                    row.put("target", step.code());
                }
                case HAND_OVER -> {
                    row.put("community", step.code());
                    row.put("handOverTo", step.township());
                }
                case RENAME -> {
                    row.put("community", step.code());
                    row.put("newName", step.name());
                }
                case CREATE -> {
                    row.put("createName", step.name());
                    row.put("createIn", step.township());
                }
                case SPLIT -> throw new IllegalStateException("a split is kept, not shown as a row");
            }
            rows.add(row);
        }
        return rows;
    }

    /** The plan's steps the form keeps as they are. */
    public static List<Step> kept(ReorganisationPlan plan) {
        List<Step> steps = plan.steps() == null ? List.of() : plan.steps();
        Set<String> created = new HashSet<>();
        Set<String> named = new HashSet<>();
        for (Step step : steps) {
            switch (step.kind()) {
                case CREATE -> created.add(step.code());
                case MERGE -> {
                    if (step.name() != null) {
                        created.add(step.code());
                    }
                }
                case SPLIT -> {
                    if (step.parts() != null) {
                        step.parts().forEach(p -> created.add(p.code()));
                    }
                }
                default -> {
                }
            }
            if (step.kind() != StepKind.CREATE) {
                named.add(step.code());
            }
            named.add(step.township());
            if (step.sources() != null) {
                named.addAll(step.sources());
            }
        }
        created.remove(null);
        return steps.stream().filter(step -> switch (step.kind()) {
            case SPLIT -> true;
            case CREATE -> step.regionKind() != null || named.contains(step.code()) || created.contains(step.township());
            case MERGE -> step.name() != null || created.contains(step.code())
                    || (step.sources() != null && step.sources().stream().anyMatch(created::contains));
            case HAND_OVER -> created.contains(step.code()) || created.contains(step.township());
            case RENAME -> created.contains(step.code());
        }).toList();
    }

    /**
     * The plan the drafter submitted: the title, the form's rows in their order, then the steps kept.
     * A new community gets a code of its township that was never used ({@code used} says which were).
     */
    public static ReorganisationPlan plan(String title, List<Map<String, Object>> rows, List<Step> kept, Predicate<String> used) {
        List<Step> steps = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            steps.add(step("第" + (i + 1) + "项", rows.get(i), code -> used.test(code) || !taken.add(code)));
        }
        steps.addAll(kept);
        return new ReorganisationPlan(title, steps);
    }

    private static Step step(String at, Map<String, Object> row, Predicate<String> used) {
        String kindValue = JsonRows.text(row, "kind");
        StepKind kind = kindValue == null ? null : EDITABLE.get(kindValue);
        if (kind == null) {
            throw new RuleViolation("MISSING_FIELD", at + "：请选择调整类型（撤并、移交、更名或新建）");
        }
        return switch (kind) {
            case MERGE -> {
                List<String> sources = codes(row.get("sources"));
                if (sources.isEmpty()) {
                    throw new RuleViolation("MISSING_FIELD", at + "（撤并）：请勾选被撤并的村（社区）");
                }
                String target = required(row, "target", at + "（撤并）：请选择并入的村（社区）");
                yield new Step(kind, sources, target, null, null, null, null, null, null);
            }
            case HAND_OVER -> new Step(kind, null, required(row, "community", at + "（移交）：请选择移交的村（社区）"), null,
                    required(row, "handOverTo", at + "（移交）：请选择接收的乡镇（街道）"), null, null, null, null);
            case RENAME -> new Step(kind, null, required(row, "community", at + "（更名）：请选择更名的村（社区）"),
                    required(row, "newName", at + "（更名）：请填写新名称"), null, null, null, null, null);
            case CREATE -> {
                String township = required(row, "createIn", at + "（新建）：请选择所属乡镇（街道）");
                yield new Step(kind, null, newCode(township, used), required(row, "createName", at + "（新建）：请填写名称"),
                        township, null, null, null, null);
            }
            case SPLIT -> throw new IllegalStateException("a split is not edited in the form");
        };
    }

    /** {@code <township>-n1}, {@code -n2} …: the first the district never used. */
    private static String newCode(String township, Predicate<String> used) {
        for (int n = 1; ; n++) {
            String code = township + "-n" + n;
            if (!used.test(code)) {
                return code;
            }
        }
    }

    private static String required(Map<String, Object> row, String key, String missing) {
        String value = JsonRows.text(row, key);
        if (value == null) {
            throw new RuleViolation("MISSING_FIELD", missing);
        }
        return value;
    }

    private static List<String> codes(Object value) {
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().filter(v -> v != null && !v.toString().isBlank()).map(v -> v.toString().trim()).distinct().toList();
    }
}
