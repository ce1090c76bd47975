package cn.minzheng.bureau.community.reorganisation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import cn.minzheng.bureau.community.reorganisation.ReorganisationPlan.Part;
import cn.minzheng.bureau.community.reorganisation.ReorganisationPlan.Step;
import cn.minzheng.bureau.region.Region;
import cn.minzheng.bureau.region.RegionKind;

/**
 * Checks a plan against the regions and households as they are now and works out where everything goes.
 * Every problem is a Chinese sentence naming the step; a plan with none resolves to {@link ResolvedPlan}:
 * no household of a community that disappears is left without a destination, no community is changed by
 * two steps (so no merge cycles), new codes are unique and never reuse an old one.
 */
public final class PlanValidator {

    /** What the validator needs to know about the world; the service reads it from the tables. */
    public interface World {
        /** A region in force today. */
        Optional<Region> current(String code);

        /** Whether a code was ever used, by a current or a closed region. */
        boolean everUsed(String code);

        /** Ids of the households registered in a village / community. */
        List<Long> households(String communityCode);
    }

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{1,39}");
    private static final int MAX_NAME = 60;
    private static final String DISTRICT = "district";

    private final World world;
    private final List<String> problems = new ArrayList<>();
    /** Regions the plan creates, by code, in step order. */
    private final Map<String, Region> created = new LinkedHashMap<>();
    private final Map<String, String> renames = new LinkedHashMap<>();
    private final Map<String, String> handOvers = new LinkedHashMap<>();
    private final Map<String, String> closures = new LinkedHashMap<>();
    private final Map<String, String> defaultDestinations = new LinkedHashMap<>();
    private final Map<Long, String> householdDestinations = new TreeMap<>();
    private final Set<String> townshipsConcerned = new LinkedHashSet<>();
    private final List<String> summary = new ArrayList<>();
    /** Existing community → number of the step that closes or moves it. */
    private final Map<String, Integer> changedBy = new HashMap<>();

    private PlanValidator(World world) {
        this.world = world;
    }

    /** The resolved plan, or the problems found (never both). */
    public record Result(ResolvedPlan plan, List<String> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    public static Result validate(ReorganisationPlan plan, World world) {
        PlanValidator validator = new PlanValidator(world);
        validator.check(plan);
        if (!validator.problems.isEmpty()) {
            return new Result(null, List.copyOf(validator.problems));
        }
        return new Result(new ResolvedPlan(plan.title().trim(), List.copyOf(validator.created.values()),
                Map.copyOf(validator.renames), Map.copyOf(validator.handOvers), java.util.Collections.unmodifiableMap(validator.closures),
                Map.copyOf(validator.defaultDestinations), Map.copyOf(validator.householdDestinations),
                List.copyOf(validator.townshipsConcerned), List.copyOf(validator.summary)), List.of());
    }

    private void check(ReorganisationPlan plan) {
        if (plan == null || plan.title() == null || plan.title().isBlank()) {
            problems.add("请填写方案名称");
        } else if (plan.title().trim().length() > 200) {
            problems.add("方案名称不能超过200个字");
        }
        if (plan == null || plan.steps() == null || plan.steps().isEmpty()) {
            problems.add("调整方案至少包含一项调整");
            return;
        }
        claimChanges(plan.steps());
        for (int i = 0; i < plan.steps().size(); i++) {
            Step step = plan.steps().get(i);
            String at = "第" + (i + 1) + "项";
            if (step == null || step.kind() == null) {
                problems.add(at + "：请填写调整类型（MERGE 撤并、SPLIT 拆分、CREATE 新建、HAND_OVER 移交、RENAME 更名）");
                continue;
            }
            int before = problems.size();
            switch (step.kind()) {
                case MERGE -> merge(at, i, step);
                case SPLIT -> split(at, i, step);
                case CREATE -> create(at, step);
                case HAND_OVER -> handOver(at, i, step);
                case RENAME -> rename(at, i, step);
            }
            if (problems.size() > before) {
                summary.add(at + "有误");
            }
        }
    }

    /** First pass: which existing community each step closes or moves, so a second change of it is refused. */
    private void claimChanges(List<Step> steps) {
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            if (step == null || step.kind() == null) {
                continue;
            }
            List<String> changed = switch (step.kind()) {
                case MERGE -> step.sources() == null ? List.of()
                        : step.sources().stream().filter(s -> s != null && !s.equals(step.code())).distinct().toList();
                case SPLIT, HAND_OVER -> step.code() == null ? List.of() : List.of(step.code());
                default -> List.of();
            };
            for (String code : changed) {
                Integer earlier = changedBy.putIfAbsent(code, i);
                if (earlier != null && earlier != i) {
                    problems.add("第" + (i + 1) + "项：“" + name(code) + "”已在第" + (earlier + 1)
                            + "项中调整，一个村（社区）在一个方案中只能调整一次（不得循环撤并）");
                }
            }
        }
    }

    private void merge(String at, int index, Step step) {
        List<String> sources = step.sources() == null ? List.of() : step.sources();
        if (step.code() == null || step.code().isBlank()) {
            problems.add(at + "（撤并）：请填写合并后的村（社区）编码");
            return;
        }
        if (new HashSet<>(sources).size() != sources.size()) {
            problems.add(at + "（撤并）：被撤并的村（社区）有重复");
            return;
        }
        List<Region> closing = new ArrayList<>();
        for (String source : sources) {
            Region region = community(at + "（撤并）", source);
            if (region != null && !source.equals(step.code())) {
                closing.add(region);
            }
        }
        if (closing.size() != sources.stream().filter(s -> !s.equals(step.code())).count()) {
            return;
        }
        if (closing.isEmpty() || closing.size() + 1 < 2) {
            problems.add(at + "（撤并）：至少要有一个被撤并的村（社区）并入“" + name(step.code()) + "”");
            return;
        }
        Region target = mergeTarget(at + "（撤并）", index, step, closing.get(0));
        if (target == null) {
            return;
        }
        for (Region source : closing) {
            closures.put(source.code(), target.code());
            defaultDestinations.put(source.code(), target.code());
            world.households(source.code()).forEach(h -> householdDestinations.put(h, target.code()));
            concerned(source.parentCode());
        }
        concerned(target.parentCode());
        summary.add(at + "（撤并）：" + closing.stream().map(Region::name).collect(Collectors.joining("、"))
                + "并入" + target.name() + "（" + name(target.parentCode()) + "）");
    }

    /** The community a merge makes: an existing one (changed by no other step) or a new one; null on a problem. */
    private Region mergeTarget(String where, int index, Step step, Region firstClosing) {
        if (exists(step.code())) {
            Region target = community(where, step.code());
            if (target != null) {
                notChangedElsewhere(where, index, step.code());
            }
            return target;
        }
        String township = step.township() != null ? step.township() : firstClosing.parentCode();
        return newCommunity(where, step.code(), step.name(), township, null);
    }

    private void split(String at, int index, Step step) {
        String where = at + "（拆分）";
        Region source = community(where, step.code());
        if (source == null) {
            return;
        }
        List<Part> parts = step.parts() == null ? List.of() : step.parts();
        if (parts.size() < 2) {
            problems.add(where + "：“" + source.name() + "”至少要拆分为两个村（社区）");
            return;
        }
        Map<String, Region> targets = splitTargets(where, index, source, parts);
        if (targets == null) {
            return;
        }
        Set<Long> ofSource = new HashSet<>(world.households(source.code()));
        Map<Long, String> assigned = assignedHouseholds(where, source, ofSource, step.households(), targets);
        if (step.rest() != null && !targets.containsKey(step.rest())) {
            problems.add(where + "：其余各户去向“" + step.rest() + "”不是拆分后的村（社区）");
            return;
        }
        List<Long> unassigned = ofSource.stream().filter(h -> !assigned.containsKey(h)).sorted().toList();
        if (step.rest() == null && !unassigned.isEmpty()) {
            problems.add(where + "：“" + source.name() + "”有" + unassigned.size() + "户未指定去向（户号"
                    + unassigned.stream().limit(10).map(String::valueOf).collect(Collectors.joining("、"))
                    + (unassigned.size() > 10 ? "等" : "") + "），请逐户指定或填写其余各户去向");
            return;
        }
        String fallback = step.rest() != null ? step.rest() : parts.get(0).code();
        householdDestinations.putAll(assigned);
        unassigned.forEach(h -> householdDestinations.put(h, step.rest()));
        closures.put(source.code(), null);
        defaultDestinations.put(source.code(), fallback);
        concerned(source.parentCode());
        targets.values().forEach(t -> concerned(t.parentCode()));
        summary.add(where + "：" + source.name() + "拆分为" + targets.values().stream().map(Region::name)
                .collect(Collectors.joining("、")) + "（逐户指定" + assigned.size() + "户"
                + (step.rest() != null ? "，其余" + unassigned.size() + "户归" + targets.get(step.rest()).name() : "") + "）");
    }

    /** The communities a split makes, existing or new, by code; null after the first problem. */
    private Map<String, Region> splitTargets(String where, int index, Region source, List<Part> parts) {
        Map<String, Region> targets = new LinkedHashMap<>();
        for (Part part : parts) {
            if (part == null || part.code() == null || part.code().isBlank()) {
                problems.add(where + "：拆分后的村（社区）编码不能为空");
                return null;
            }
            if (targets.containsKey(part.code()) || part.code().equals(source.code())) {
                problems.add(where + "：拆分后的村（社区）“" + part.code() + "”重复或与原社区相同");
                return null;
            }
            Region target;
            if (exists(part.code())) {
                target = community(where, part.code());
                if (target != null) {
                    notChangedElsewhere(where, index, part.code());
                }
            } else {
                target = newCommunity(where, part.code(), part.name(), source.parentCode(), null);
            }
            if (target == null) {
                return null;
            }
            targets.put(part.code(), target);
        }
        return targets;
    }

    /** The households of a split assigned one by one: each of the community, each to one of the parts. */
    private Map<Long, String> assignedHouseholds(String where, Region source, Set<Long> ofSource,
                                                 Map<String, String> households, Map<String, Region> targets) {
        Map<Long, String> assigned = new TreeMap<>();
        if (households == null) {
            return assigned;
        }
        for (Map.Entry<String, String> entry : households.entrySet()) {
            Long household = parseId(entry.getKey());
            if (household == null || !ofSource.contains(household)) {
                problems.add(where + "：户号" + entry.getKey() + "不是“" + source.name() + "”的家庭");
                continue;
            }
            if (!targets.containsKey(entry.getValue())) {
                problems.add(where + "：户号" + entry.getKey() + "的去向“" + entry.getValue() + "”不是拆分后的村（社区）");
                continue;
            }
            assigned.put(household, entry.getValue());
        }
        return assigned;
    }

    private void create(String at, Step step) {
        String where = at + "（新建）";
        RegionKind kind = null;
        if (step.regionKind() != null) {
            try {
                kind = RegionKind.valueOf(step.regionKind());
            } catch (IllegalArgumentException e) {
                kind = null;
            }
            if (kind == null || kind == RegionKind.DISTRICT) {
                problems.add(where + "：区划类型“" + step.regionKind() + "”无效，可选：COMMUNITY（社区）、VILLAGE（村）、"
                        + "STREET_OFFICE（街道办事处）、TOWNSHIP（乡）");
                return;
            }
        }
        if (kind == RegionKind.STREET_OFFICE || kind == RegionKind.TOWNSHIP) {
            Region township = newRegion(where, step.code(), step.name(), kind, DISTRICT);
            if (township != null) {
                summary.add(where + "：" + kind.label() + township.name());
            }
            return;
        }
        Region community = newCommunity(where, step.code(), step.name(), step.township(), kind);
        if (community != null) {
            concerned(community.parentCode());
            summary.add(where + "：" + community.name() + "（" + name(community.parentCode()) + "）");
        }
    }

    private void handOver(String at, int index, Step step) {
        String where = at + "（移交）";
        Region community = community(where, step.code());
        if (community == null) {
            return;
        }
        Region township = township(where, step.township());
        if (township == null) {
            return;
        }
        if (township.code().equals(community.parentCode())) {
            problems.add(where + "：“" + community.name() + "”已属于" + township.name());
            return;
        }
        handOvers.put(community.code(), township.code());
        world.households(community.code()).forEach(h -> householdDestinations.put(h, community.code()));
        concerned(community.parentCode());
        concerned(township.code());
        summary.add(where + "：" + community.name() + "由" + name(community.parentCode()) + "移交" + township.name());
    }

    private void rename(String at, int index, Step step) {
        String where = at + "（更名）";
        Region region = step.code() == null ? null : world.current(step.code()).orElse(null);
        if (region == null) {
            problems.add(where + "：“" + nullToEmpty(step.code()) + "”不是现行的区划");
            return;
        }
        notChangedElsewhere(where, index, region.code());
        String name = name(where, step.name());
        if (name == null) {
            return;
        }
        if (name.equals(region.name())) {
            problems.add(where + "：新名称与原名称相同");
            return;
        }
        renames.put(region.code(), name);
        if (region.kind() == RegionKind.COMMUNITY || region.kind() == RegionKind.VILLAGE) {
            concerned(region.parentCode());
        } else if (region.isTownshipLevel()) {
            concerned(region.code());
        }
        summary.add(where + "：" + region.name() + "更名为" + name);
    }

    // ---- helpers ----

    /** A current village / community, or a problem. */
    private Region community(String where, String code) {
        Region region = code == null ? null : world.current(code).orElse(null);
        if (region == null || (region.kind() != RegionKind.COMMUNITY && region.kind() != RegionKind.VILLAGE)) {
            problems.add(where + "：“" + nullToEmpty(code) + "”不是现行的村（社区）");
            return null;
        }
        return region;
    }

    /** A current township / street office, or one an earlier step of the plan creates. */
    private Region township(String where, String code) {
        Region region = code == null ? null : created.containsKey(code) ? created.get(code) : world.current(code).orElse(null);
        if (region == null || !region.isTownshipLevel()) {
            problems.add(where + "：“" + nullToEmpty(code) + "”不是现行的乡镇（街道）");
            return null;
        }
        return region;
    }

    private Region newCommunity(String where, String code, String name, String townshipCode, RegionKind kind) {
        Region township = township(where, townshipCode);
        if (township == null) {
            return null;
        }
        RegionKind communityKind = kind != null ? kind
                : township.kind() == RegionKind.TOWNSHIP ? RegionKind.VILLAGE : RegionKind.COMMUNITY;
        return newRegion(where, code, name, communityKind, township.code());
    }

    private Region newRegion(String where, String code, String name, RegionKind kind, String parent) {
        if (code == null || !CODE.matcher(code).matches()) {
            problems.add(where + "：编码“" + nullToEmpty(code) + "”只能由小写字母、数字和连字符组成（2～40位）");
            return null;
        }
        if (world.everUsed(code) || created.containsKey(code)) {
            problems.add(where + "：编码“" + code + "”已被使用（编码不可重复使用）");
            return null;
        }
        String checkedName = name(where, name);
        if (checkedName == null) {
            return null;
        }
        Region region = new Region(code, checkedName, kind, parent);
        created.put(code, region);
        return region;
    }

    private String name(String where, String name) {
        if (name == null || name.isBlank()) {
            problems.add(where + "：名称不能为空");
            return null;
        }
        if (name.trim().length() > MAX_NAME) {
            problems.add(where + "：名称不能超过" + MAX_NAME + "个字");
            return null;
        }
        return name.trim();
    }

    private void notChangedElsewhere(String where, int index, String code) {
        Integer step = changedBy.get(code);
        if (step != null && step != index) {
            problems.add(where + "：“" + name(code) + "”在第" + (step + 1) + "项中被撤并、拆分或移交，不能再作为调整对象（不得循环撤并）");
        }
    }

    private boolean exists(String code) {
        return created.containsKey(code) || world.everUsed(code);
    }

    private void concerned(String township) {
        if (township != null && !created.containsKey(township) && !DISTRICT.equals(township)) {
            townshipsConcerned.add(township);
        }
    }

    private String name(String code) {
        if (code == null) {
            return "";
        }
        Region region = created.get(code);
        if (region == null) {
            region = world.current(code).orElse(null);
        }
        return region == null ? code : region.name();
    }

    private static Long parseId(String value) {
        try {
            return Long.valueOf(value.trim());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
