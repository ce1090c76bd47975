package cn.minzheng.bureau.importing;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import cn.minzheng.bureau.gaoling.GaolingRosterKind;
import cn.minzheng.bureau.support.TestApplications;
import cn.minzheng.bureau.tekun.TekunRosterKind;
import cn.minzheng.bureau.youfu.YoufuRosterKind;

/** Rows of the person rosters (特困供养人员, 高龄津贴发放对象, 优抚对象) for tests, in the templates' column order. */
final class PersonSheets {

    /** A person of 岳村乡 东岳村 not on record: born {@code birth}, paid from this month. */
    static String[] person(String name, LocalDate birth, int programColumns) {
        String[] row = new String[10 + programColumns];
        String[] shared = {"岳村乡", "东岳村", "东岳村18号", "中国农业银行", "6228480012345678911", name,
                TestApplications.idNumber(birth, true), "丧失劳动能力", "无", YearMonth.now().toString()};
        System.arraycopy(shared, 0, row, 0, shared.length);
        return row;
    }

    /** A person of 76 supported at home, fully self-caring, without income or supporter. */
    static String[] tekun(String name) {
        String[] row = person(name, LocalDate.now().minusYears(76), 8);
        String[] program = {"0", "无法定赡养、抚养、扶养义务人", null, "分散供养", null, "赵德明", "YC-2024-001", "全自理"};
        System.arraycopy(program, 0, row, 10, program.length);
        return row;
    }

    static String[] gaoling(String name, LocalDate birth) {
        return person(name, birth, 0);
    }

    /**
     * A person of {@code birth} on the 优抚 roster with the nine evidence columns (优抚对象类别, 证件编号, 伤残等级, 致残原因,
     * 评定伤残等级日期, 牺牲（病故）军人姓名, 牺牲（病故）日期, 入伍日期, 退伍（复员）日期).
     */
    static String[] youfu(String name, LocalDate birth, String... evidence) {
        String[] row = person(name, birth, 9);
        System.arraycopy(evidence, 0, row, 10, evidence.length);
        return row;
    }

    /** A 残疾军人 of 65, 因战五级 assessed in 1985, not on record. */
    static String[] disabledSoldier(String name) {
        return youfu(name, LocalDate.now().minusYears(65), "残疾军人", "冀军残字第012345号", "5", "因战", "1985-06-20",
                null, null, null, null);
    }

    static byte[] youfuWorkbook(YoufuRosterKind kind, List<String[]> rows) {
        return RosterSheets.workbook(kind.headers(), rows);
    }

    static byte[] tekunWorkbook(TekunRosterKind kind, List<String[]> rows) {
        return RosterSheets.workbook(kind.headers(), rows);
    }

    static byte[] gaolingWorkbook(GaolingRosterKind kind, List<String[]> rows) {
        return RosterSheets.workbook(kind.headers(), rows);
    }

    private PersonSheets() {
    }
}
