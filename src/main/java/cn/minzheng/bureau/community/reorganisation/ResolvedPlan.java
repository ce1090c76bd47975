package cn.minzheng.bureau.community.reorganisation;

import java.util.List;
import java.util.Map;

import cn.minzheng.bureau.region.Region;

/**
 * A valid plan worked out against today's regions and households.
 *
 * @param created               regions the plan creates, in step order (townships before their communities)
 * @param renames               region → new name
 * @param handOvers             community → the township it moves to (its code stays)
 * @param closures              community → its successor (a merge) or null (a split)
 * @param defaultDestinations   closed community → where its other work goes (tasks without a household)
 * @param householdDestinations household → its community after the plan (for every household that moves)
 * @param townshipsConcerned    existing townships whose reviewers review the plan
 * @param summary               one Chinese line per step
 */
public record ResolvedPlan(String title, List<Region> created, Map<String, String> renames,
                           Map<String, String> handOvers, Map<String, String> closures,
                           Map<String, String> defaultDestinations, Map<Long, String> householdDestinations,
                           List<String> townshipsConcerned, List<String> summary) {

    /** The township a community belongs to once the plan is applied. */
    public String townshipAfter(String communityCode, String currentParent) {
        String handedTo = handOvers.get(communityCode);
        if (handedTo != null) {
            return handedTo;
        }
        return created.stream().filter(r -> r.code().equals(communityCode)).map(Region::parentCode).findFirst()
                .orElse(currentParent);
    }

    /** Where something registered in a community belongs after the plan (the community itself if it stays). */
    public String communityAfter(String communityCode) {
        return defaultDestinations.getOrDefault(communityCode, communityCode);
    }

    public String summaryText() {
        return String.join("\n", summary);
    }
}
