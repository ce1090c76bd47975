package cn.minzheng.bureau.importing;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

import cn.minzheng.bureau.relief.Disaster;
import cn.minzheng.bureau.relief.DisasterKind;
import cn.minzheng.bureau.relief.DisasterRepository;
import cn.minzheng.bureau.relief.DisasterRosterColumns;

/** Disaster roster workbooks for tests: rows of 16 cells in the template's column order. */
final class DisasterSheets {

    /** A hail disaster in verification: 东岳村 and 西岳村 of 岳村乡, 孟轲村 of 孟轲乡 (岳村 itself was spared). */
    static Disaster disaster(DisasterRepository disasters) {
        return disasters.insert(new DisasterRepository.NewDisaster(DisasterKind.HAIL, "导入测试冰雹", LocalDateTime.now().minusDays(1),
                null, new BigDecimal("1000"), 5, 1, 100, List.of("yuecun-dongyue", "yuecun-xiyue", "mengke-mengke"),
                List.of("yuecun", "mengke")), "approver");
    }

    /** A correct row: a household of three in 东岳村, house damaged, two people needing winter relief. */
    static String[] row(String idNumber) {
        return new String[] {"岳村乡", "东岳村", "王建设", idNumber, "东岳村1号", "3", "重灾户", "否", "4.5", "一般损坏", "1",
                "0", null, "2", "口粮、被褥", "2000"};
    }

    static byte[] workbook(List<String[]> rows) {
        return RosterSheets.workbook(DisasterRosterColumns.HEADERS, rows);
    }

    private DisasterSheets() {
    }
}
