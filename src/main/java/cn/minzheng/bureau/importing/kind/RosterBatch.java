package cn.minzheng.bureau.importing.kind;

/** What a roster kind knows of the batch it checks or writes. {@code scopeId}: the disaster, for its roster. */
public record RosterBatch(long id, String fileName, Long scopeId) {
}
