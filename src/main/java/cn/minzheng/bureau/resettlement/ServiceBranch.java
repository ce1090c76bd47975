package cn.minzheng.bureau.resettlement;

import cn.minzheng.bureau.household.Labelled;

/** Where the soldier served (军种、兵种), as the discharge certificate names it. */
public enum ServiceBranch implements Labelled {
    ARMY("陆军"),
    NAVY("海军"),
    AIR_FORCE("空军"),
    ROCKET_FORCE("火箭军"),
    AEROSPACE("军事航天部队"),
    CYBERSPACE("网络空间部队"),
    INFORMATION_SUPPORT("信息支援部队"),
    JOINT_LOGISTICS("联勤保障部队"),
    ARMED_POLICE("武警部队");

    private final String label;

    ServiceBranch(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
