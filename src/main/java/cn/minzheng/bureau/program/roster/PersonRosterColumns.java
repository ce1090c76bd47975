package cn.minzheng.bureau.program.roster;

import java.util.List;

/**
 * The columns every person roster (特困供养, 高龄津贴, 优抚: one row per person enrolled) begins with: where the person
 * lives, the bank account, who they are, and the first month paid. A program's own columns follow from
 * {@link #PROGRAM_FROM} on.
 */
public final class PersonRosterColumns {

    public static final int TOWNSHIP = 0;
    public static final int COMMUNITY = 1;
    public static final int ADDRESS = 2;
    public static final int BANK_NAME = 3;
    public static final int BANK_ACCOUNT = 4;
    public static final int NAME = 5;
    public static final int ID_NUMBER = 6;
    public static final int EMPLOYMENT = 7;
    public static final int DISABILITY = 8;
    public static final int START_MONTH = 9;
    /** The first column of the program's own. */
    public static final int PROGRAM_FROM = 10;

    static final List<String> HEADERS = List.of("乡镇（街道）", "村（社区）", "家庭住址", "开户银行", "银行账号", "姓名",
            "公民身份号码", "就业状况", "残疾等级", "起始月份");

    static final List<String> NOTES = List.of(
            "乡镇（街道）名称或代码，须为本区现有的乡镇（街道）；已有家庭档案的人员须与档案中的乡镇（街道）一致",
            "村（社区）名称或代码，须属于该乡镇（街道）",
            "不超过200字；没有家庭档案的人员必填（导入时为其建立家庭档案），已有家庭档案的可不填",
            "没有家庭档案的人员必填；已有家庭档案的按档案中的账户发放",
            "12至19位数字；没有家庭档案的人员必填；与家庭档案中的账号不一致时为警告，按档案中的账号发放",
            "每人一行",
            "18位公民身份号码，校验位须正确；同一人在文件中只能出现一次；已在本项目或按跨项目规则不能同时享受的项目中的人员不能导入",
            "在职、灵活就业、务农、失业、退休、在校学生、学龄前儿童、丧失劳动能力；没有家庭档案的人员必填",
            "无、轻度（三、四级）、重度（一、二级）；空白视为无",
            "格式 yyyy-MM（如 2025-01），不能晚于本月；下月起的发放名单按月发放");

    private PersonRosterColumns() {
    }
}
