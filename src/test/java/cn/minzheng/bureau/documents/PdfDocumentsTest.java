package cn.minzheng.bureau.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

class PdfDocumentsTest {

    private static final LocalDateTime ISSUED = LocalDateTime.of(2026, 3, 14, 9, 30, 5);

    private final DocumentSettings settings = new DocumentSettings();
    private PdfDocuments documents;

    @BeforeEach
    void setUp() {
        DocumentFonts.assumeInstalled();
        documents = new PdfDocuments(templateEngine(), settings);
    }

    static SpringTemplateEngine templateEngine() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }

    private static Document sample(String key, String name) {
        return new Document("test-sample", Map.of("name", name, "amount", "1,234.50"), "低保测试文书", key, ISSUED);
    }

    @Test
    void chineseTextAndDigitsComeBackFromTheRenderedPdf() {
        PdfText text = PdfText.of(documents.render(sample("sample:1", "王秀兰")));

        assertThat(text.contains("低保测试文书")).isTrue();
        assertThat(text.text()).contains("申请人：王秀兰，月补助1,234.50元。");
        assertThat(text.text()).contains("第1页，共1页");
    }

    @Test
    void bothFontsAreEmbeddedAsSubsetsAndNoOtherFontIsUsed() {
        PdfText text = PdfText.of(documents.render(sample("sample:1", "王秀兰")));

        assertThat(text.fontNames()).hasSize(2)
                .allMatch(name -> name.matches("[A-Z]{6}\\+.+"), "a subset's tag")
                .anyMatch(name -> name.contains("DejaVu"))
                .anyMatch(name -> name.contains("Droid"));
        assertThat(text.fontsEmbedded()).containsOnly(true);
    }

    @Test
    void theSameDocumentGivesTheSameBytesAndItsDateIsTheDocumentsOwn() throws Exception {
        byte[] first = documents.render(sample("sample:1", "王秀兰"));
        Thread.sleep(1_100);
        byte[] second = documents.render(sample("sample:1", "王秀兰"));

        assertThat(second).isEqualTo(first);
        assertThat(documents.render(sample("sample:2", "王秀兰"))).isNotEqualTo(first);
        try (PDDocument pdf = Loader.loadPDF(first)) {
            assertThat(pdf.getDocumentInformation().getCreationDate().toInstant())
                    .isEqualTo(ISSUED.atZone(ZoneId.of("Asia/Shanghai")).toInstant());
            assertThat(pdf.getDocumentInformation().getProducer()).isEqualTo(PdfDocuments.PRODUCER);
            assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("低保测试文书");
        }
    }

    @Test
    void aMissingFontIsRefusedNamingTheFileAndTheGuide() {
        settings.setChineseFont(Path.of("no-such-font.ttf"));

        assertThatThrownBy(() -> documents.render(sample("sample:1", "王秀兰")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no-such-font.ttf")
                .hasMessageContaining("docs/operations.md");
    }
}
