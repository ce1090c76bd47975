package cn.minzheng.bureau.elderly;

/** Where an application for a card stands. */
public enum ApplicationStatus {
    REGISTERED,
    ISSUED,
    REFUSED
}
