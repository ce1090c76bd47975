package cn.minzheng.bureau.community.reorganisation;

/** Where a reorganisation plan stands, as stored in reorg_plan.status. */
public enum PlanStatus {
    DRAFT,
    IN_REVIEW,
    AWAITING_APPROVAL,
    APPLIED,
    WITHDRAWN,
    REJECTED;

    public boolean is(String stored) {
        return name().equals(stored);
    }
}
