package cn.minzheng.bureau.region;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A list of regions looked up by what a clerk types (a code or a name), for checks that look up every row of a
 * file: a township, one of its communities, a region by code. The answers are those of walking the list in order
 * and taking the first region whose code or name is the value, kept in maps built once.
 */
public final class RegionIndex {

    private final Map<String, Region> townships = new HashMap<>();
    private final Map<String, Map<String, Region>> communities = new HashMap<>();
    private final Map<String, Region> byCode = new HashMap<>();

    public RegionIndex(List<Region> regions) {
        for (Region region : regions) {
            byCode.putIfAbsent(region.code(), region);
            if (region.isTownshipLevel()) {
                townships.putIfAbsent(region.code(), region);
                townships.putIfAbsent(region.name(), region);
            }
            if (region.parentCode() != null) {
                Map<String, Region> children = communities.computeIfAbsent(region.parentCode(), p -> new HashMap<>());
                children.putIfAbsent(region.code(), region);
                children.putIfAbsent(region.name(), region);
            }
        }
    }

    /** The township (or street office) of this code or name; null if none (or the value is null). */
    public Region township(String codeOrName) {
        return codeOrName == null ? null : townships.get(codeOrName);
    }

    /** The region under {@code township} of this code or name; null if none (or the value is null). */
    public Region community(Region township, String codeOrName) {
        if (codeOrName == null) {
            return null;
        }
        Map<String, Region> children = communities.get(township.code());
        return children == null ? null : children.get(codeOrName);
    }

    /** The region of this code; null if none. */
    public Region byCode(String code) {
        return byCode.get(code);
    }
}
