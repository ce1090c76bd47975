package cn.minzheng.bureau.household;

public enum Relation implements Labelled {
    HEAD("户主"),
    SPOUSE("配偶"),
    CHILD("子女"),
    PARENT("父母"),
    GRANDCHILD("孙子女"),
    GRANDPARENT("祖父母"),
    SIBLING("兄弟姐妹"),
    OTHER("其他");

    private final String label;

    Relation(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
