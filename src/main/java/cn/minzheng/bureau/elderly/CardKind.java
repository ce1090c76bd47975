package cn.minzheng.bureau.elderly;

/** What an application asks for: a first card, or a new card in place of a lost one (补办). */
public enum CardKind {
    NEW("申领"),
    REPLACEMENT("补办");

    private final String label;

    CardKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
