package cn.minzheng.bureau.access;

import java.util.Objects;

/**
 * Who does a piece of work, by group: one district group ({@link Groups}), or the like group of every township
 * (its clerks, its reviewers) or of every community or village (its committee), including those a community
 * reorganisation creates later.
 */
public final class Role {

    public static final Role TOWNSHIP_CLERKS = new Role(Groups.clerk(""), true);
    public static final Role TOWNSHIP_REVIEWERS = new Role(Groups.reviewer(""), true);
    public static final Role COMMUNITY_COMMITTEES = new Role(Groups.committee(""), true);

    private final String groupId;
    private final boolean everyArea;

    private Role(String groupId, boolean everyArea) {
        this.groupId = groupId;
        this.everyArea = everyArea;
    }

    /** One district group, e.g. {@link Groups#FINANCE}. */
    public static Role district(String groupId) {
        return new Role(Objects.requireNonNull(groupId), false);
    }

    /** Whether the group is this role, or one township's or community's group of it. */
    public boolean includes(String groupId) {
        return everyArea ? groupId.startsWith(this.groupId) : groupId.equals(this.groupId);
    }

    /** The district group's id; null for a role of every township or community. */
    String districtGroup() {
        return everyArea ? null : groupId;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Role role && role.groupId.equals(groupId) && role.everyArea == everyArea;
    }

    @Override
    public int hashCode() {
        return Objects.hash(groupId, everyArea);
    }

    @Override
    public String toString() {
        return everyArea ? groupId + "*" : groupId;
    }
}
