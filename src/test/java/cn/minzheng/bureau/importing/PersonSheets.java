package cn.minzheng.bureau.importing;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import cn.minzheng.bureau.gaoling.GaolingRosterKind;
import cn.minzheng.bureau.support.TestApplications;
import cn.minzheng.bureau.tekun.TekunRosterKind;

/** Rows of the person rosters (特困供养人员, 高龄津贴发放对象) for tests, in the templates' column order. */
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

    static byte[] tekunWorkbook(TekunRosterKind kind, List<String[]> rows) {
        return RosterSheets.workbook(kind.headers(), rows);
    }

    static byte[] gaolingWorkbook(GaolingRosterKind kind, List<String[]> rows) {
        return RosterSheets.workbook(kind.headers(), rows);
    }

    private PersonSheets() {
    }
}
