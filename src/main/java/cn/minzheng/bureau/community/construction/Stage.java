package cn.minzheng.bureau.community.construction;

/** The stages a community office passes, in order. */
public enum Stage {
    PLANNING_APPROVAL("规划审批", "PlanningApproval"),
    CONSTRUCTION_START("开工", "ConstructionStart"),
    COMPLETION("竣工", "Completion"),
    HANDOVER("交付使用", "Handover");

    private final String label;
    private final String camelName;

    Stage(String label, String camelName) {
        this.label = label;
        this.camelName = camelName;
    }

    public String label() {
        return label;
    }

    String camelName() {
        return camelName;
    }

    public Stage previous() {
        return ordinal() == 0 ? null : values()[ordinal() - 1];
    }
}
