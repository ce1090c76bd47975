package cn.minzheng.bureau.relief;

/**
 * Order in which relief money reaches households (lower first): households whose house
 * collapsed; then 低保 households hit by the disaster, 五保 / 特困 households and households with a
 * disabled member; then 重灾户; then the other affected households.
 */
public enum PriorityTier {
    HOUSE_COLLAPSED(1, "因灾倒房户"),
    PROTECTED(2, "低保、五保、特困、残疾人户"),
    SEVERELY_AFFECTED(3, "重灾户"),
    ORDINARY(4, "一般受灾户");

    private final int rank;
    private final String label;

    PriorityTier(int rank, String label) {
        this.rank = rank;
        this.label = label;
    }

    public int rank() {
        return rank;
    }

    public String label() {
        return label;
    }

    public static PriorityTier of(HouseholdCategory category, HouseDamage damage, boolean dibaoHousehold,
                                  boolean disabledMember) {
        if (damage == HouseDamage.COLLAPSED) {
            return HOUSE_COLLAPSED;
        }
        if (dibaoHousehold || disabledMember || category == HouseholdCategory.FIVE_GUARANTEE
                || category == HouseholdCategory.EXTREMELY_POOR) {
            return PROTECTED;
        }
        return category == HouseholdCategory.SEVERELY_AFFECTED ? SEVERELY_AFFECTED : ORDINARY;
    }
}
