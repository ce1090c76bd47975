package cn.minzheng.bureau.dibao;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Which township-confirmed cases the district checks (抽查): the CRC-32 of the case number (UTF-8) modulo 100 is
 * the case's draw, 0 to 99; a case is drawn when its draw is below share × 100. The same case always gives the
 * same answer (an auditor can recompute it, a test can predict it), and over many case numbers about the share
 * is drawn. Not a secret: a township that knows the rule knows which of its cases will be checked, which the
 * district accepts for now (docs/dibao-rules.md).
 */
public final class SamplingRule {

    private SamplingRule() {
    }

    /** The case's draw, 0 to 99. */
    public static int draw(String caseNumber) {
        CRC32 crc = new CRC32();
        crc.update(caseNumber.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % 100);
    }

    public static boolean sampled(String caseNumber, BigDecimal share) {
        int threshold = share.multiply(BigDecimal.valueOf(100)).setScale(0, RoundingMode.HALF_UP).intValueExact();
        return draw(caseNumber) < threshold;
    }
}
