package cn.minzheng.bureau.dibao;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Year;

import org.junit.jupiter.api.Test;

class CaseNumbersTest {

    @Test
    void aCaseNumberIsTheYearAndTheIdInSixDigits() {
        assertThat(CaseNumbers.of(Year.of(2026), 42)).isEqualTo("DB2026-000042");
        assertThat(CaseNumbers.of(Year.of(2027), 1234567)).isEqualTo("DB2027-1234567");
        assertThat(CaseNumbers.prefix(Year.of(2026))).isEqualTo("DB2026-");
    }

    @Test
    void theSqlFormPadsTheIdAsTheJavaOneDoes() {
        assertThat(CaseNumbers.sqlExpression())
                .contains("when id < 1000000 then lpad(cast(id as varchar(20)), " + CaseNumbers.DIGITS + ", '0')")
                .contains("else cast(id as varchar(20))");
    }
}
