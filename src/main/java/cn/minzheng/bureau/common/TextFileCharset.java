package cn.minzheng.bureau.common;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The text of a file a bank or a spreadsheet program wrote (a bank return, a table an administrator prepared): UTF-8 when it starts with the UTF-8 byte-order
 * mark or is valid UTF-8 throughout, else GB 18030 (the superset of GBK that Excel on Chinese Windows writes as
 * “CSV”). A GBK file of Chinese text is practically never valid UTF-8, so the guess is safe both ways.
 */
public final class TextFileCharset {

    public static final Charset GB18030 = Charset.forName("GB18030");
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private TextFileCharset() {
    }

    /** The charset these bytes are written in: UTF-8 or GB 18030. */
    public static Charset detect(byte[] bytes) {
        if (startsWithBom(bytes)) {
            return StandardCharsets.UTF_8;
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException notUtf8) {
            return GB18030;
        }
    }

    /** The text, without a byte-order mark. */
    public static String decode(byte[] bytes) {
        if (startsWithBom(bytes)) {
            return new String(bytes, UTF8_BOM.length, bytes.length - UTF8_BOM.length, StandardCharsets.UTF_8);
        }
        Charset charset = detect(bytes);
        String text = charset.decode(ByteBuffer.wrap(bytes)).toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static boolean startsWithBom(byte[] bytes) {
        return bytes.length >= 3 && Arrays.equals(bytes, 0, 3, UTF8_BOM, 0, 3);
    }
}
