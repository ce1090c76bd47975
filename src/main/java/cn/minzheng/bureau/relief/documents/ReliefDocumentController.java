package cn.minzheng.bureau.relief.documents;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.documents.PdfDocuments;
import cn.minzheng.bureau.relief.Disaster;
import cn.minzheng.bureau.relief.DisasterRepository;
import cn.minzheng.bureau.web.LedgerPage;
import cn.minzheng.bureau.web.LedgerUser;

/**
 * The relief documents of a disaster as PDF, behind the ledgers' login and area rule: district roles get the whole
 * disaster (or one township with {@code ?township=}), a township's staff only their own township's pages; a
 * disaster or township they may not see is "not found".
 */
@Controller
@LedgerPage
@RequestMapping("/ledger/relief/disasters")
public class ReliefDocumentController {

    private final DisasterRepository disasters;
    private final ReliefDocuments documents;
    private final PdfDocuments pdf;

    public ReliefDocumentController(DisasterRepository disasters, ReliefDocuments documents, PdfDocuments pdf) {
        this.disasters = disasters;
        this.documents = documents;
        this.pdf = pdf;
    }

    @GetMapping("/{disasterId}/register.pdf")
    public ResponseEntity<byte[]> register(@RequestAttribute(LedgerUser.ATTRIBUTE) LedgerUser user,
                                           @PathVariable long disasterId,
                                           @RequestParam(required = false) String township) {
        Disaster disaster = disaster(disasterId);
        return pdf.inline(documents.register(disaster, townships(user, disaster, township)),
                disaster.disasterNumber() + "救灾对象登记表");
    }

    @GetMapping("/{disasterId}/distribution.pdf")
    public ResponseEntity<byte[]> distribution(@RequestAttribute(LedgerUser.ATTRIBUTE) LedgerUser user,
                                               @PathVariable long disasterId,
                                               @RequestParam(required = false) String township) {
        Disaster disaster = disaster(disasterId);
        return pdf.inline(documents.distribution(disaster, townships(user, disaster, township)),
                disaster.disasterNumber() + "救助款物发放登记表");
    }

    private Disaster disaster(long disasterId) {
        return disasters.find(disasterId).orElseThrow(() -> RuleViolation.notFound("灾害事件" + disasterId));
    }

    /** The disaster's townships the user may see, or the one asked for; none is "not found". */
    private List<String> townships(LedgerUser user, Disaster disaster, String township) {
        List<String> visible = disasters.townships(disaster.id()).stream()
                .filter(user::maySee)
                .filter(t -> township == null || t.equals(township))
                .toList();
        if (visible.isEmpty()) {
            throw RuleViolation.notFound("灾害事件" + disaster.id() + (township == null ? "" : "的" + township));
        }
        return visible;
    }
}
