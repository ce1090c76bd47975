package cn.minzheng.bureau.region;

import java.util.Optional;

import cn.minzheng.bureau.common.RuleViolation;

/**
 * Finds a community or village (the level that has a residents' or villagers' committee) by its code,
 * or by its name within a township, as a user types it on a form. Shared by the community-work processes.
 */
public final class Communities {

    private Communities() {
    }

    public static Region inTownship(RegionRepository regions, String townshipCode, String nameOrCode) {
        if (nameOrCode == null || nameOrCode.isBlank()) {
            throw new RuleViolation("MISSING_FIELD", "社区（村）名称不能为空");
        }
        String wanted = nameOrCode.trim();
        return regions.children(townshipCode).stream()
                .filter(Communities::hasCommittee)
                .filter(r -> r.code().equals(wanted) || r.name().equals(wanted) || r.name().equals(wanted + "社区"))
                .findFirst()
                .orElseThrow(() -> new RuleViolation("UNKNOWN_COMMUNITY",
                        "“" + wanted + "”不是" + townshipName(regions, townshipCode) + "的社区（村）"));
    }

    /** A current community or village: one a reorganisation merged away takes no new work. */
    public static Region community(RegionRepository regions, String code) {
        Optional<Region> region = code == null ? Optional.empty() : regions.findCurrent(code);
        return region.filter(Communities::hasCommittee)
                .orElseThrow(() -> new RuleViolation("UNKNOWN_COMMUNITY", "社区（村）“" + code + "”不存在或已撤并"));
    }

    public static Region township(RegionRepository regions, String code) {
        Optional<Region> region = code == null ? Optional.empty() : regions.find(code);
        return region.filter(Region::isTownshipLevel)
                .orElseThrow(() -> new RuleViolation("UNKNOWN_TOWNSHIP", "请选择乡镇（街道）"));
    }

    public static boolean hasCommittee(Region region) {
        return region.kind() == RegionKind.COMMUNITY || region.kind() == RegionKind.VILLAGE;
    }

    private static String townshipName(RegionRepository regions, String townshipCode) {
        return regions.find(townshipCode).map(Region::name).orElse(townshipCode);
    }
}
