package cn.minzheng.bureau.dibao.appeal;

/** Where an appeal (dibao_appeal.status) stands; closed with its outcome. */
public enum AppealStatus {
    REGISTERED,
    DECIDING,
    UPHELD,
    CHANGED,
    REVERSED;

    /** The closed status of an outcome ({@link AppealProcess#UPHELD}, CHANGED, REVERSED). */
    public static AppealStatus closedAs(String outcome) {
        return switch (outcome) {
            case AppealProcess.UPHELD -> UPHELD;
            case AppealProcess.CHANGED -> CHANGED;
            case AppealProcess.REVERSED -> REVERSED;
            default -> throw new IllegalArgumentException("no appeal outcome " + outcome);
        };
    }
}
