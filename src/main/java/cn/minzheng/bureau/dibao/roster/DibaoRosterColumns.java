package cn.minzheng.bureau.dibao.roster;

import java.util.List;

/**
 * The columns of the 低保 roster template (低保在保家庭导入模板): one row per household member, the
 * household and case columns filled on the head's row (户主行). A household's rows follow each other.
 */
public final class DibaoRosterColumns {

    public static final int HOUSEHOLD_KEY = 0;
    public static final int TOWNSHIP = 1;
    public static final int COMMUNITY = 2;
    public static final int ADDRESS = 3;
    public static final int BANK_NAME = 4;
    public static final int BANK_ACCOUNT = 5;
    public static final int NAME = 6;
    public static final int ID_NUMBER = 7;
    public static final int RELATION = 8;
    public static final int EMPLOYMENT = 9;
    public static final int DISABILITY = 10;
    public static final int WAGE_INCOME = 11;
    public static final int OTHER_INCOME = 12;
    public static final int CATEGORY = 13;
    public static final int MONTHLY_AMOUNT = 14;
    public static final int START_MONTH = 15;

    public static final List<String> HEADERS = List.of("户编号", "乡镇（街道）", "村（社区）", "家庭住址", "开户银行", "银行账号",
            "姓名", "公民身份号码", "与户主关系", "就业状况", "残疾等级", "工资性收入（元/月）", "其他收入（元/月）",
            "低保类别", "月保障金（元）", "起始月份");

    public static final int COUNT = HEADERS.size();

    /** What each column takes, for the template's explanation sheet. */
    public static final List<String> NOTES = List.of(
            "同一户的成员填写相同的户编号，且上下相邻",
            "乡镇（街道）名称或代码，须为本区已有的乡镇（街道）；户主行填写",
            "村（社区）名称或代码，须属于该乡镇（街道）；户主行填写",
            "户主行填写，不超过200字",
            "户主行填写",
            "12至19位数字，户主行填写",
            "每位成员一行",
            "18位公民身份号码，校验位须正确；同一人在文件中只能出现一次；已在低保案件（在办或在保）或特困供养中的人不能导入，已有家庭档案的人（如享受高龄津贴）为警告，须管理员确认",
            "户主、配偶、子女、父母、孙子女、祖父母、兄弟姐妹、其他；每户有且只有一位户主",
            "在职、灵活就业、失业、退休、在校学生、学龄前儿童、丧失劳动能力",
            "无、轻度（三、四级）、重度（一、二级）；空白视为无",
            "元，最多两位小数，空白视为0",
            "元，最多两位小数，空白视为0",
            "一般困难家庭、老年人家庭、重度残疾人家庭、三无人员；户主行填写",
            "元，户主行填写；与现行标准测算不一致时作为警告，须管理员确认",
            "格式 yyyy-MM（如 2025-01），户主行填写，不能晚于本月");

    private DibaoRosterColumns() {
    }
}
