package cn.minzheng.bureau.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TextFileCharsetTest {

    private static final String TEXT = "付款流水号,银行账号,金额,失败原因\r\n1001,6228480000000000001,740.00,账户已销户（户名不符）\r\n";
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    static Stream<Arguments> files() {
        return Stream.of(
                Arguments.of("UTF-8", TEXT.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8),
                Arguments.of("UTF-8 with BOM (Excel's “CSV UTF-8”)", withBom(TEXT.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8),
                Arguments.of("GBK (Excel's “CSV” on Chinese Windows)", TEXT.getBytes(Charset.forName("GBK")), TextFileCharset.GB18030),
                Arguments.of("GB 18030 with a character beyond GBK", (TEXT + "1002,6228480000000000002,10.00,户名𠀀不符\r\n")
                        .getBytes(TextFileCharset.GB18030), TextFileCharset.GB18030),
                Arguments.of("ASCII only", "1001,6228480000000000001,740.00,closed\r\n".getBytes(StandardCharsets.US_ASCII),
                        StandardCharsets.UTF_8),
                Arguments.of("empty", new byte[0], StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void readsTheTextAsWritten(String name, byte[] bytes, Charset expected) {
        assertThat(TextFileCharset.detect(bytes)).isEqualTo(expected);
        String original = expected.decode(java.nio.ByteBuffer.wrap(bytes)).toString().replace("\uFEFF", "");
        assertThat(TextFileCharset.decode(bytes)).isEqualTo(original).doesNotStartWith("\uFEFF");
        if (!name.startsWith("ASCII") && bytes.length > 0) {
            assertThat(TextFileCharset.decode(bytes)).startsWith("付款流水号");
        }
    }

    private static byte[] withBom(byte[] bytes) {
        byte[] result = new byte[bytes.length + 3];
        System.arraycopy(BOM, 0, result, 0, 3);
        System.arraycopy(bytes, 0, result, 3, bytes.length);
        return result;
    }
}
