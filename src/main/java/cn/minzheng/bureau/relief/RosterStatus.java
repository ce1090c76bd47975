package cn.minzheng.bureau.relief;

public enum RosterStatus {
    OPEN, REGISTERED, SIGNED_OFF, SENT_BACK
}
