package cn.minzheng.bureau.dibao;

import cn.minzheng.bureau.household.Labelled;

/** What binds a legal supporter outside the household to it (民法典 第二十六条, 第一千零五十九条, 第一千零七十四条, 第一千零七十五条). */
public enum SupporterRelation implements Labelled {
    /** 赡养: a grown child for a parent (or a grandchild for a grandparent). */
    MAINTAINS_PARENT("赡养（子女对父母、孙子女对祖父母）"),
    /** 抚养: a parent for a minor child, or a sibling in their stead. */
    RAISES_CHILD("抚养（父母对子女、兄姐对弟妹）"),
    /** 扶养: a spouse for a spouse. */
    SUPPORTS_SPOUSE("扶养（配偶之间）");

    private final String label;

    SupporterRelation(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
