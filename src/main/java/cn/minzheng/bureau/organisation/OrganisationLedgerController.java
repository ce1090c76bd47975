package cn.minzheng.bureau.organisation;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;

import cn.minzheng.bureau.access.Groups;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.documents.PdfDocuments;
import cn.minzheng.bureau.organisation.OrganisationRepository.Organisation;
import cn.minzheng.bureau.web.LedgerPage;
import cn.minzheng.bureau.web.LedgerUser;

/**
 * 民间组织登记台账 behind the ledgers' login, for the 民间组织管理科 (and the administrator): every organisation on the
 * register with its status, and the 登记证书 of a registered one as PDF. Anyone else gets "not found".
 */
@Controller
@LedgerPage
@RequestMapping("/ledger/organisations")
public class OrganisationLedgerController {

    private static final List<String> MAY_SEE = List.of(Groups.ORGANISATION_SECTION, Groups.ORGANISATION_HEAD, Groups.ADMIN);

    private final OrganisationRepository organisations;
    private final OrganisationCertificates certificates;
    private final PdfDocuments pdf;

    public OrganisationLedgerController(OrganisationRepository organisations, OrganisationCertificates certificates,
                                        PdfDocuments pdf) {
        this.organisations = organisations;
        this.certificates = certificates;
        this.pdf = pdf;
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

    static boolean maySee(LedgerUser user) {
        return user.groups().stream().anyMatch(MAY_SEE::contains);
    }

    private static void requireSection(LedgerUser user) {
        if (!maySee(user)) {
            throw RuleViolation.notFound("页面");
        }
    }
}
