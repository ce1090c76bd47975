package cn.minzheng.bureau.funeral.benefits;

/** A funeral home the district settles with (table funeral_home); {@code groupId}: the group of its staff. */
public record FuneralHome(long id, String code, String name, String creditCode, String bankName, String bankAccount,
                          String groupId) {
}
