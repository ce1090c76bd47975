package cn.minzheng.bureau.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;

/** A rendered PDF read back with PDFBox: its text (spaces removed, as layout may split runs) and its fonts. */
public record PdfText(String text, List<String> fontNames, List<Boolean> fontsEmbedded, int pages) {

    public static PdfText of(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            String text = stripper.getText(document).replaceAll("\\s+", "");
            List<String> names = new ArrayList<>();
            List<Boolean> embedded = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    if (!names.contains(font.getName())) {
                        names.add(font.getName());
                        embedded.add(font.isEmbedded());
                    }
                }
            }
            return new PdfText(text, names, embedded, document.getNumberOfPages());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps a rendered document in target/documents/ to look at, as the browser tests keep screenshots. */
    public static void keep(String name, byte[] pdf) {
        try {
            java.nio.file.Path folder = java.nio.file.Path.of("target", "documents");
            java.nio.file.Files.createDirectories(folder);
            java.nio.file.Files.write(folder.resolve(name), pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean contains(String fragment) {
        return text.contains(fragment.replaceAll("\\s+", ""));
    }
}
