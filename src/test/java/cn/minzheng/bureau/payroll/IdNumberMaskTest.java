package cn.minzheng.bureau.payroll;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdNumberMaskTest {

    @ParameterizedTest
    @CsvSource({
            "11010519491231002X, 110105********002X",
            "410322197003120011, 410322********0011",
            "4103221970, 4103221970",
            "123, ***"})
    void hidesTheBirthDateAndSequence(String idNumber, String masked) {
        assertThat(IdNumberMask.mask(idNumber)).isEqualTo(masked);
    }
}
