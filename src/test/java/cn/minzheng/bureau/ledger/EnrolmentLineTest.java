package cn.minzheng.bureau.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.bureau.ledger.EnrolmentFiles.EnrolmentLine;

class EnrolmentLineTest {

    @ParameterizedTest(name = "from {0} to {1}: ended before its start {2}")
    @CsvSource(nullValues = "-", value = {
            "2027-01, 2026-12, true",   // approved in December for January, ended in December
            "2027-01, 2026-11, true",
            "2026-12, 2026-12, false",  // its one month was due
            "2026-03, 2027-02, false",
            "2027-01, -,       false",  // still running
            "-,       2026-12, false",  // never given a start
    })
    void anEndBeforeTheStartMeansNoMonthWasDue(String start, String end, boolean endedBeforeItsStart) {
        EnrolmentLine line = new EnrolmentLine("最低生活保障", "全户", "已终止", null, "每月", start, end, List.of(), null);
        assertThat(line.endedBeforeItsStart()).isEqualTo(endedBeforeItsStart);
    }
}
