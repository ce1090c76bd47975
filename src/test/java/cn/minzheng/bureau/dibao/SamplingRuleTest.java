package cn.minzheng.bureau.dibao;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The district's draw of township-confirmed cases: CRC-32 of the case number modulo 100, below share × 100. */
class SamplingRuleTest {

    @ParameterizedTest
    @CsvSource({
            // case number, its draw (CRC-32 of the UTF-8 bytes mod 100, worked out separately), share, drawn?
            "DB-2026-000004, 24, 0.20, false",
            "DB-2026-000004, 24, 0.24, false",
            "DB-2026-000004, 24, 0.25, true",
            "DB-2026-000001, 55, 0.55, false",
            "DB-2026-000001, 55, 0.56, true",
            "DB-2026-000002, 85, 0.00, false",
            "DB-2026-000002, 85, 1.00, true",
            "低保-1,          39, 0.40, true",
    })
    void aCaseIsDrawnWhenItsDrawIsBelowTheShare(String caseNumber, int draw, BigDecimal share, boolean drawn) {
        assertThat(SamplingRule.draw(caseNumber)).isEqualTo(draw);
        assertThat(SamplingRule.sampled(caseNumber, share)).isEqualTo(drawn);
    }

    @Test
    void overAThousandCaseNumbersAboutTheShareIsDrawn() {
        long drawn = IntStream.rangeClosed(1, 1000).mapToObj(i -> "DB-2026-%06d".formatted(i))
                .filter(n -> SamplingRule.sampled(n, new BigDecimal("0.20"))).count();
        assertThat(drawn).isEqualTo(205); // counted separately; 20 % would be 200
    }
}
