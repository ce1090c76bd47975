package cn.minzheng.bureau.dibao.documents;

import java.util.function.Function;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;

import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.dibao.DibaoCaseRepository;
import cn.minzheng.bureau.documents.Document;
import cn.minzheng.bureau.documents.PdfDocuments;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.region.Region;
import cn.minzheng.bureau.region.RegionKind;
import cn.minzheng.bureau.region.RegionRepository;
import cn.minzheng.bureau.web.LedgerPage;
import cn.minzheng.bureau.web.LedgerUser;

/**
 * The 低保 documents as PDF, behind the webapps' login like the ledgers (linked from the household file and from
 * the task forms), with the ledgers' area rule: a township's staff get only their township's documents; another
 * township's case or village is "not found".
 */
@Controller
@LedgerPage
@RequestMapping("/ledger/dibao")
public class DibaoDocumentController {

    private final DibaoCaseRepository cases;
    private final RegionRepository regions;
    private final HouseholdRepository households;
    private final DibaoDocuments documents;
    private final PdfDocuments pdf;

    public DibaoDocumentController(DibaoCaseRepository cases, RegionRepository regions, HouseholdRepository households,
                                   DibaoDocuments documents, PdfDocuments pdf) {
        this.cases = cases;
        this.households = households;
        this.regions = regions;
        this.documents = documents;
        this.pdf = pdf;
    }

    @GetMapping("/cases/{caseId}/confirmation.pdf")
    public ResponseEntity<byte[]> confirmation(@RequestAttribute(LedgerUser.ATTRIBUTE) LedgerUser user,
                                               @PathVariable long caseId) {
        return caseDocument(user, caseId, documents::confirmation, "审核确认表");
    }

    @GetMapping("/cases/{caseId}/decision.pdf")
    public ResponseEntity<byte[]> decision(@RequestAttribute(LedgerUser.ATTRIBUTE) LedgerUser user,
                                           @PathVariable long caseId) {
        return caseDocument(user, caseId, documents::decision, "决定书");
    }

    @GetMapping("/cases/{caseId}/certificate.pdf")
    public ResponseEntity<byte[]> certificate(@RequestAttribute(LedgerUser.ATTRIBUTE) LedgerUser user,
                                              @PathVariable long caseId) {
        return caseDocument(user, caseId, documents::certificate, "低保证");
    }

    /** 公示名单 of the case's village or community (the link of the 公示 task's form). */
    @GetMapping("/cases/{caseId}/notice-list.pdf")
    public ResponseEntity<byte[]> noticeListOfCase(@RequestAttribute(LedgerUser.ATTRIBUTE) LedgerUser user,
                                                   @PathVariable long caseId) {
        DibaoCase dibaoCase = visibleCase(user, caseId);
        Region community = households.find(dibaoCase.householdId()).flatMap(h -> regions.find(h.communityCode()))
                .orElseThrow(() -> RuleViolation.notFound("案件" + dibaoCase.caseNumber() + "的村（社区）"));
        return pdf.inline(documents.noticeList(community), community.name() + "公示名单");
    }

    /** 公示名单 of a village or community. */
    @GetMapping("/notices/{communityCode}.pdf")
    public ResponseEntity<byte[]> noticeList(@RequestAttribute(LedgerUser.ATTRIBUTE) LedgerUser user,
                                             @PathVariable String communityCode) {
        Region community = regions.find(communityCode)
                .filter(r -> r.kind() == RegionKind.VILLAGE || r.kind() == RegionKind.COMMUNITY)
                .filter(r -> user.maySee(r.parentCode()))
                .orElseThrow(() -> RuleViolation.notFound("村（社区）" + communityCode));
        return pdf.inline(documents.noticeList(community), community.name() + "公示名单");
    }

    private ResponseEntity<byte[]> caseDocument(LedgerUser user, long caseId, Function<DibaoCase, Document> build,
                                                String fileName) {
        DibaoCase dibaoCase = visibleCase(user, caseId);
        return pdf.inline(build.apply(dibaoCase), dibaoCase.caseNumber() + fileName);
    }

    private DibaoCase visibleCase(LedgerUser user, long caseId) {
        return cases.find(caseId).filter(c -> user.maySee(c.townshipCode()))
                .orElseThrow(() -> RuleViolation.notFound("低保案件" + caseId));
    }

}
