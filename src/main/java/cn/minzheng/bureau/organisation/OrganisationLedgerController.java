package cn.minzheng.bureau.organisation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.minzheng.bureau.access.Groups;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.documents.PdfDocuments;
import cn.minzheng.bureau.organisation.OrganisationDocumentRepository.Content;
import cn.minzheng.bureau.organisation.OrganisationRepository.Organisation;
import cn.minzheng.bureau.web.LedgerPage;
import cn.minzheng.bureau.web.LedgerUser;

/**
 * 民间组织登记台账 behind the ledgers' login, for the 民间组织管理科 (and the administrator): every organisation on the
 * register with its status, the 登记证书 of a registered one as PDF, and each organisation's documents (材料: upload,
 * list with SHA-256, download checked against it; {@link OrganisationDocumentService}). Anyone else gets "not found".
 */
@Controller
@LedgerPage
@RequestMapping("/ledger/organisations")
public class OrganisationLedgerController {

    private static final List<String> MAY_SEE = List.of(Groups.ORGANISATION_SECTION, Groups.ORGANISATION_HEAD, Groups.ADMIN);

    private final OrganisationRepository organisations;
    private final OrganisationCertificates certificates;
    private final PdfDocuments pdf;
    private final OrganisationDocumentService documents;

    public OrganisationLedgerController(OrganisationRepository organisations, OrganisationCertificates certificates,
                                        PdfDocuments pdf, OrganisationDocumentService documents) {
        this.organisations = organisations;
        this.certificates = certificates;
        this.pdf = pdf;
        this.documents = documents;
    }

    @GetMapping
    public String list(@RequestAttribute(LedgerUser.ATTRIBUTE) LedgerUser user, Model model) {
        requireSection(user);
        model.addAttribute("user", user);
        model.addAttribute("organisations", organisations.list());
        return "ledger/organisations";
    }

    @GetMapping("/{organisationId}/certificate.pdf")
    public ResponseEntity<byte[]> certificate(@RequestAttribute(LedgerUser.ATTRIBUTE) LedgerUser user,
                                              @PathVariable long organisationId) {
        requireSection(user);
        Organisation organisation = organisations.find(organisationId)
                .orElseThrow(() -> RuleViolation.notFound("社会组织" + organisationId));
        return pdf.inline(certificates.certificate(organisation), organisation.name() + "登记证书");
    }

    /** 登记材料: the organisation's documents with their SHA-256, and the upload form. */
    @GetMapping("/{organisationId}/documents")
    public String documents(@RequestAttribute(LedgerUser.ATTRIBUTE) LedgerUser user, @PathVariable long organisationId,
                            Model model) {
        requireSection(user);
        model.addAttribute("documents", documents.list(organisationId, user.groups()));
        model.addAttribute("user", user);
        model.addAttribute("organisation", organisations.find(organisationId).orElseThrow());
        model.addAttribute("kinds", OrganisationDocumentKind.values());
        return "ledger/organisation-documents";
    }

    @PostMapping("/{organisationId}/documents")
    public String upload(@RequestAttribute(LedgerUser.ATTRIBUTE) LedgerUser user, @PathVariable long organisationId,
                         @RequestParam(required = false) String kind,
                         @RequestParam(name = "file", required = false) MultipartFile file,
                         RedirectAttributes redirect) throws IOException {
        requireSection(user);
        String fileName = file == null ? null : file.getOriginalFilename();
        documents.upload(organisationId, kind, fileName, file == null ? null : file.getBytes(), user.id(), user.groups());
        redirect.addFlashAttribute("uploaded", "已上传“" + fileName + "”");
        return "redirect:/ledger/organisations/" + organisationId + "/documents";
    }

    /** The document's bytes, only if they still have the SHA-256 taken at upload. */
    @GetMapping("/{organisationId}/documents/{documentId}")
    public ResponseEntity<byte[]> download(@RequestAttribute(LedgerUser.ATTRIBUTE) LedgerUser user,
                                           @PathVariable long organisationId, @PathVariable long documentId) {
        requireSection(user);
        return attachment(documents.download(organisationId, documentId, user.groups()));
    }

    /** A stored document as a download (never shown inline: the file is the applicant's, not ours). */
    static ResponseEntity<byte[]> attachment(Content document) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(document.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(document.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-SHA256", document.sha256())
                .body(document.content());
    }

    static boolean maySee(LedgerUser user) {
        return user.groups().stream().anyMatch(MAY_SEE::contains);
    }

    private static void requireSection(LedgerUser user) {
        if (!maySee(user)) {
            throw RuleViolation.notFound("页面");
        }
    }
}
