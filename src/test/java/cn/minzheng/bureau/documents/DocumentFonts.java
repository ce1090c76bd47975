package cn.minzheng.bureau.documents;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;

/** Tests that render PDFs need the fonts of DocumentSettings: skipped where they are missing, except in CI. */
public final class DocumentFonts {

    private DocumentFonts() {
    }

    public static void assumeInstalled() {
        DocumentSettings defaults = new DocumentSettings();
        boolean installed = Files.isReadable(defaults.getLatinFont()) && Files.isReadable(defaults.getChineseFont());
        assumeTrue(installed || "true".equals(System.getenv("CI")),
                "fonts-dejavu-core and fonts-droid-fallback are not installed");
    }
}
