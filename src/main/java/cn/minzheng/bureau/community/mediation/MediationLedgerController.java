package cn.minzheng.bureau.community.mediation;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;

import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.community.mediation.CivilMediationRepository.Dispute;
import cn.minzheng.bureau.documents.PdfDocuments;
import cn.minzheng.bureau.region.Region;
import cn.minzheng.bureau.region.RegionRepository;
import cn.minzheng.bureau.web.LedgerPage;
import cn.minzheng.bureau.web.LedgerUser;

/**
 * 民事调解台账 behind the ledgers' login: the disputes a user may see (a committee its own community's, a township's
 * staff their township's, district roles all) and the 调解协议书 of each agreed one as PDF. A dispute the user may
 * not see is "not found".
 */
@Controller
@LedgerPage
@RequestMapping("/ledger/community/disputes")
public class MediationLedgerController {

    private final CivilMediationRepository disputes;
    private final MediationAgreements agreements;
    private final RegionRepository regions;
    private final PdfDocuments pdf;

    public MediationLedgerController(CivilMediationRepository disputes, MediationAgreements agreements,
                                     RegionRepository regions, PdfDocuments pdf) {
        this.disputes = disputes;
        this.agreements = agreements;
        this.regions = regions;
        this.pdf = pdf;
    }

    /** A line of the list: the dispute with its number and its community's name. */
    public record DisputeLine(Dispute dispute, String number, String community, String status) {
    }

    @GetMapping
    public String list(@RequestAttribute(LedgerUser.ATTRIBUTE) LedgerUser user, Model model) {
        List<DisputeLine> lines = disputes.list(null, null).stream()
                .filter(d -> user.maySee(d.townshipCode(), d.communityCode()))
                .sorted((a, b) -> Long.compare(b.id(), a.id()))
                .map(d -> new DisputeLine(d, MediationAgreements.number(d),
                        regions.find(d.communityCode()).map(Region::name).orElse(d.communityCode()), status(d)))
                .toList();
        model.addAttribute("user", user);
        model.addAttribute("disputes", lines);
        return "ledger/disputes";
    }

    @GetMapping("/{disputeId}/agreement.pdf")
    public ResponseEntity<byte[]> agreement(@RequestAttribute(LedgerUser.ATTRIBUTE) LedgerUser user,
                                            @PathVariable long disputeId) {
        Dispute dispute = disputes.find(disputeId)
                .filter(d -> user.maySee(d.townshipCode(), d.communityCode()))
                .orElseThrow(() -> RuleViolation.notFound("纠纷" + disputeId));
        return pdf.inline(agreements.agreement(dispute), "调解协议书" + disputeId);
    }

    private static String status(Dispute dispute) {
        return switch (dispute.status()) {
            case "IN_MEDIATION" -> dispute.escalatedAt() == null ? "调解中" : "调解中（已逾期，街道督办）";
            case "AGREED" -> "已达成协议";
            case "REFERRED" -> "调解不成，已移送";
            default -> dispute.status();
        };
    }
}
