package cn.minzheng.bureau.funeral;

import cn.minzheng.bureau.household.Labelled;

/** How the deceased was laid to rest; all but 土葬 and 其他 follow a cremation. */
public enum BurialKind implements Labelled {
    CEMETERY("火化后公墓安葬", true),
    COLUMBARIUM("火化后骨灰堂（楼）存放", true),
    TREE("生态安葬（树葬）", true),
    FLOWER("生态安葬（花葬）", true),
    SEA("生态安葬（海葬）", true),
    INTERMENT("土葬", false),
    OTHER("其他", false);

    private final String label;
    private final boolean afterCremation;

    BurialKind(String label, boolean afterCremation) {
        this.label = label;
        this.afterCremation = afterCremation;
    }

    @Override
    public String label() {
        return label;
    }

    /** Whether this kind can only follow a cremation (火化). */
    public boolean afterCremation() {
        return afterCremation;
    }

    /** 生态安葬: tree, flower or sea burial. */
    public boolean ecological() {
        return this == TREE || this == FLOWER || this == SEA;
    }
}
