package cn.minzheng.bureau.dibao;

import cn.minzheng.bureau.household.Labelled;
import cn.minzheng.bureau.program.EnrolmentStatus;

/** Status of a 低保 case. An open case holds its members; a closed one releases them. */
public enum CaseStatus implements Labelled {
    APPLIED("已申请", true),
    UNDER_SURVEY("入户调查中", true),
    UNDER_REVIEW("审核审批中", true),
    IN_NOTICE("公示中", true),
    APPROVED("已批准（在保）", true),
    RETURNED("退回补正", false),
    REJECTED("未批准", false),
    CANCELLED("已停保", false);

    private final String label;
    private final boolean open;

    CaseStatus(String label, boolean open) {
        this.label = label;
        this.open = open;
    }

    @Override
    public String label() {
        return label;
    }

    /** Open or active: its members may not be in another case. */
    public boolean holdsMembers() {
        return open;
    }

    /**
     * The household's enrolment status while the case is in this one: the steps of an application are all
     * "applied", an approved case is active, a cancelled one ended, a rejected or returned one refused. The
     * migration of existing cases (V60) maps them the same way.
     */
    public EnrolmentStatus enrolmentStatus() {
        return switch (this) {
            case APPROVED -> EnrolmentStatus.ACTIVE;
            case CANCELLED -> EnrolmentStatus.ENDED;
            case REJECTED, RETURNED -> EnrolmentStatus.REFUSED;
            case APPLIED, UNDER_SURVEY, UNDER_REVIEW, IN_NOTICE -> EnrolmentStatus.APPLIED;
        };
    }
}
