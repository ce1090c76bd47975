package cn.minzheng.bureau.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.GregorianCalendar;
import java.util.Locale;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * Renders a {@link Document}: its Thymeleaf template (well-formed XHTML under {@code templates/documents/}) to
 * HTML, then openhtmltopdf lays it out on A4 with the configured fonts embedded as subsets. Deterministic: the
 * creation date is the document's own moment, the producer is fixed and the file identifier is derived from the
 * document's key, so the same data gives the same bytes.
 */
@Component
public class PdfDocuments {

    /** The CSS font families the templates use (layout.html), in this order. */
    static final String LATIN_FAMILY = "bureau-latin";
    static final String CHINESE_FAMILY = "bureau-chinese";
    static final String PRODUCER = "区民政局业务流程平台";
    private static final String AUTHOR = "区民政局";
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Logger LOG = LoggerFactory.getLogger(PdfDocuments.class);

    private final ITemplateEngine templates;
    private final DocumentSettings settings;

    public PdfDocuments(ITemplateEngine templates, DocumentSettings settings) {
        this.templates = templates;
        this.settings = settings;
        missingFont().ifPresent(LOG::warn);
    }

    /** The document as a download the browser shows in its PDF viewer (inline), saved under a Chinese file name. */
    public ResponseEntity<byte[]> inline(Document document, String fileName) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(fileName + ".pdf", StandardCharsets.UTF_8).build().toString())
                .body(render(document));
    }

    /** The HTML the PDF is made from (also what a test or a print preview may read). */
    public String html(Document document) {
        Context context = new Context(Locale.SIMPLIFIED_CHINESE, document.model());
        context.setVariable("documentTitle", document.title());
        return templates.process("documents/" + document.template(), context);
    }

    public byte[] render(Document document) {
        missingFont().ifPresent(problem -> {
            throw new IllegalStateException(problem);
        });
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.withHtmlContent(html(document), null);
        builder.useFont(settings.getLatinFont().toFile(), LATIN_FAMILY);
        builder.useFont(settings.getChineseFont().toFile(), CHINESE_FAMILY);
        builder.withProducer(PRODUCER);
        try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
            renderer.layout();
            renderer.createPDFWithoutClosing();
            PDDocument pdf = renderer.getPdfDocument();
            fixIdentity(pdf, document);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Dates, producer and file identifier from the document, never from the clock or a random number. */
    private static void fixIdentity(PDDocument pdf, Document document) {
        PDDocumentInformation info = pdf.getDocumentInformation();
        GregorianCalendar issued = GregorianCalendar.from(document.issuedAt().atZone(ZONE));
        info.setCreationDate(issued);
        info.setModificationDate(issued);
        info.setProducer(PRODUCER);
        info.setCreator(PRODUCER);
        info.setAuthor(AUTHOR);
        info.setTitle(document.title());
        byte[] id = Arrays.copyOf(sha256(document.key()), 16);
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        pdf.getDocument().getTrailer().setItem(COSName.ID, ids);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private java.util.Optional<String> missingFont() {
        for (Path font : new Path[] {settings.getLatinFont(), settings.getChineseFont()}) {
            if (!Files.isReadable(font)) {
                return java.util.Optional.of("PDF文书所需字体文件不存在：" + font
                        + "（安装 fonts-dejavu-core、fonts-droid-fallback，或设置 bureau.documents.latin-font / chinese-font，见 docs/operations.md）");
            }
        }
        return java.util.Optional.empty();
    }
}
