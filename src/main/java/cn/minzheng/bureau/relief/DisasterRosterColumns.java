package cn.minzheng.bureau.relief;

import java.util.List;

/**
 * The columns of the disaster roster template (受灾户名册导入模板): one row per affected household of
 * one registered disaster, the fields a township clerk registers in the roster task (拉网式排查).
 */
public final class DisasterRosterColumns {

    public static final int TOWNSHIP = 0;
    public static final int VILLAGE = 1;
    public static final int HEAD_NAME = 2;
    public static final int ID_NUMBER = 3;
    public static final int ADDRESS = 4;
    public static final int PERSONS = 5;
    public static final int CATEGORY = 6;
    public static final int DISABLED_MEMBER = 7;
    public static final int CROP_LOSS = 8;
    public static final int HOUSE_DAMAGE = 9;
    public static final int DAMAGED_ROOMS = 10;
    public static final int DEATHS = 11;
    public static final int DECEASED_NAMES = 12;
    public static final int WINTER_RELIEF = 13;
    public static final int NEEDS = 14;
    public static final int NEED_AMOUNT = 15;

    public static final List<String> HEADERS = List.of("乡镇（街道）", "村（社区）", "户主姓名", "公民身份号码", "住址", "家庭人口",
            "受灾户类别", "有残疾人", "农作物受灾面积（亩）", "房屋受损情况", "受损房屋间数", "因灾死亡人数", "死亡人员姓名",
            "冬春需政府救济人口", "生活需求", "核定救助需求（元）");

    public static final int COUNT = HEADERS.size();

    public static final List<String> NOTES = List.of(
            "乡镇（街道）名称或代码，须为现有的、本次灾害受灾的乡镇（街道）",
            "村（社区）名称或代码，须为现有的、属于该乡镇（街道）且在本次灾害受灾范围内",
            "不超过30个字",
            "18位公民身份号码，校验位须正确；同一人在文件中只能出现一次，且不能已在本次灾害的登记册中",
            "不超过200个字",
            "1至30的整数",
            "五保户、特困户、重灾户、一般受灾户（优先档次由系统按类别、房屋倒塌、低保户、残疾人计算）",
            "是 或 否；空白视为否",
            "亩，最多两位小数，空白视为0",
            "倒塌、严重损坏、一般损坏、无",
            "倒塌、严重损坏或一般损坏的间数，1至50的整数；房屋无损的为0或空白",
            "0至家庭人口的整数；空白视为0",
            "有因灾死亡人口的须填写",
            "0至家庭人口的整数；空白视为0",
            "口粮、衣物、被褥、房屋修缮，可填多项（以空格或顿号分隔），空白表示无",
            "0至1000000的整数（元）");

    private DisasterRosterColumns() {
    }
}
