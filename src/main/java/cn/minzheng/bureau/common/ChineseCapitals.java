package cn.minzheng.bureau.common;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** An amount of yuan in Chinese capital numerals (大写金额), as receipts and vouchers write it: 壹佰零伍元伍角整. */
public final class ChineseCapitals {

    private static final String DIGITS = "零壹贰叁肆伍陆柒捌玖";
    private static final String[] UNITS = {"", "拾", "佰", "仟"};
    private static final String[] SECTIONS = {"", "万", "亿", "万亿"};

    private ChineseCapitals() {
    }

    public static String of(BigDecimal amount) {
        BigDecimal fen = amount.setScale(2, RoundingMode.HALF_UP).movePointRight(2);
        if (fen.signum() < 0) {
            throw new IllegalArgumentException("negative amount: " + amount);
        }
        long total = fen.longValueExact();
        long yuan = total / 100;
        int jiao = (int) (total / 10 % 10);
        int cents = (int) (total % 10);
        StringBuilder text = new StringBuilder();
        if (yuan > 0) {
            text.append(integer(yuan)).append('元');
        }
        if (jiao == 0 && cents == 0) {
            return (yuan == 0 ? "零元" : text.toString()) + "整";
        }
        if (jiao > 0) {
            text.append(DIGITS.charAt(jiao)).append('角');
        } else if (yuan > 0) {
            text.append('零');
        }
        if (cents > 0) {
            text.append(DIGITS.charAt(cents)).append('分');
        } else {
            text.append('整');
        }
        return text.toString();
    }

    /** A positive whole number in groups of four digits, with one 零 for each run of zeros inside it. */
    private static String integer(long number) {
        StringBuilder text = new StringBuilder();
        boolean zeroPending = false;
        String digits = Long.toString(number);
        int length = digits.length();
        for (int i = 0; i < length; i++) {
            int digit = digits.charAt(i) - '0';
            int position = length - 1 - i;
            if (digit == 0) {
                zeroPending = true;
            } else {
                if (zeroPending && text.length() > 0) {
                    text.append('零');
                }
                zeroPending = false;
                text.append(DIGITS.charAt(digit)).append(UNITS[position % 4]);
            }
            if (position % 4 == 0 && position > 0) {
                int sectionStart = Math.max(0, i - 3);
                if (Long.parseLong(digits.substring(sectionStart, i + 1)) > 0) {
                    text.append(SECTIONS[position / 4]);
                }
            }
        }
        return text.toString();
    }
}
