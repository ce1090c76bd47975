package cn.minzheng.bureau.ledger;

/**
 * How many households a search found, as its page shows it: exactly ({@code 共 N 户}), or, where a search finds more than
 * the ledger counts on a first page, only that it found more than {@code households} ({@code 超过 N 户}), counted
 * exactly when the clerk asks for it. A first page thus reads at most the bound's rows however large the search, and
 * the number shown is never a guess.
 */
public record HouseholdCount(long households, boolean exact) {

    /** Households a first page counts at most before it says "超过 N 户" instead of the exact number. */
    public static final long BOUND = 10_000;

    public HouseholdCount {
        if (households < 0) {
            throw new IllegalArgumentException("a count of households cannot be negative: " + households);
        }
    }

    public static HouseholdCount exactly(long households) {
        return new HouseholdCount(households, true);
    }

    public static HouseholdCount moreThan(long households) {
        return new HouseholdCount(households, false);
    }

    /** What the page shows: 共 25 户, or 超过 10000 户. */
    public String text() {
        return (exact ? "共 " : "超过 ") + households + " 户";
    }

    /** The number of pages, known only with the exact count. */
    public Long pages() {
        return exact ? Math.max(1, (households + HouseholdSearch.PAGE_SIZE - 1) / HouseholdSearch.PAGE_SIZE) : null;
    }
}
