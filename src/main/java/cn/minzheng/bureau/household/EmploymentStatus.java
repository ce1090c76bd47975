package cn.minzheng.bureau.household;

public enum EmploymentStatus implements Labelled {
    EMPLOYED("在职"),
    FLEXIBLE("灵活就业"),
    /** 务农: farming one's own land, as most working members of rural households do. */
    FARMING("务农"),
    UNEMPLOYED("失业"),
    RETIRED("退休"),
    STUDENT("在校学生"),
    PRESCHOOL("学龄前儿童"),
    UNABLE_TO_WORK("丧失劳动能力");

    private final String label;

    EmploymentStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
