package cn.minzheng.bureau.dibao.recovery;

/**
 * Where a recovery (overpayment_recovery.status) stands. The payroll computation moves DEDUCTING to RECOVERED
 * (and back when a payroll is recomputed) in its own SQL.
 */
public enum RecoveryStatus {
    /** Nothing was overpaid: closed at once. */
    NONE("无多发"),
    OPEN("待决定"),
    DEDUCTING("按月抵扣中"),
    REPAID("已退回"),
    RECOVERED("已抵扣完毕"),
    WAIVED("已减免");

    private final String label;

    RecoveryStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
