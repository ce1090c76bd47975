package cn.minzheng.bureau.elderly;

/** A card is valid until a replacement is issued in its place. */
public enum CardStatus {
    VALID,
    REPLACED
}
