package cn.minzheng.bureau.region;

public record Region(String code, String name, RegionKind kind, String parentCode) {

    public boolean isTownshipLevel() {
        return kind == RegionKind.TOWNSHIP || kind == RegionKind.STREET_OFFICE;
    }
}
