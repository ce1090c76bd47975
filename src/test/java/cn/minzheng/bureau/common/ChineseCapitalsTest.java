package cn.minzheng.bureau.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ChineseCapitalsTest {

    @ParameterizedTest
    @CsvSource({
            "0, 零元整",
            "0.05, 伍分",
            "0.50, 伍角整",
            "1, 壹元整",
            "10, 壹拾元整",
            "105.50, 壹佰零伍元伍角整",
            "1000.09, 壹仟元零玖分",
            "1010, 壹仟零壹拾元整",
            "50.50, 伍拾元伍角整",
            "200050.50, 贰拾万零伍拾元伍角整",
            "100000, 壹拾万元整",
            "1000001, 壹佰万零壹元整",
            "10010000, 壹仟零壹万元整",
            "123456789.12, 壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元壹角贰分",
            "100000000, 壹亿元整",
            "100000100, 壹亿零壹佰元整",
            "3.999, 肆元整"})
    void writesTheAmountInCapitals(String amount, String capitals) {
        assertThat(ChineseCapitals.of(new BigDecimal(amount))).isEqualTo(capitals);
    }

    @Test
    void refusesANegativeAmount() {
        assertThatThrownBy(() -> ChineseCapitals.of(new BigDecimal("-1"))).isInstanceOf(IllegalArgumentException.class);
    }
}
