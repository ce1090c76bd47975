package cn.minzheng.bureau.documents;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * bureau.documents.*: the fonts every PDF embeds (a subset of each: only the glyphs used). TrueType files (glyph
 * outlines, not CFF), as PDFBox embeds and subsets only those. The Chinese font has no Latin letters or digits,
 * so a Latin font comes first and the Chinese one covers the rest. The defaults are Debian's fonts-dejavu-core and
 * fonts-droid-fallback (both free licences), which the installation guide (docs/operations.md) and CI install; a
 * server without them refuses to render rather than print empty boxes.
 */
@Component
@ConfigurationProperties("bureau.documents")
public class DocumentSettings {

    private Path latinFont = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    private Path chineseFont = Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf");

    public Path getLatinFont() {
        return latinFont;
    }

    public void setLatinFont(Path latinFont) {
        this.latinFont = latinFont;
    }

    public Path getChineseFont() {
        return chineseFont;
    }

    public void setChineseFont(Path chineseFont) {
        this.chineseFont = chineseFont;
    }
}
