package cn.minzheng.bureau.ledger;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;

import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.documents.PdfDocuments;
import cn.minzheng.bureau.program.Enrolment;
import cn.minzheng.bureau.program.EnrolmentRepository;
import cn.minzheng.bureau.program.Program;
import cn.minzheng.bureau.program.documents.EnrolmentDecisions;
import cn.minzheng.bureau.web.LedgerPage;
import cn.minzheng.bureau.web.LedgerUser;

/**
 * The decision letter of an enrolment of any program as PDF (linked from the household file), behind the ledgers'
 * login and area rule; a 低保 enrolment's letter is its case's (dibao/documents).
 */
@Controller
@LedgerPage
@RequestMapping("/ledger/enrolments")
public class EnrolmentDocumentController {

    private final EnrolmentRepository enrolments;
    private final EnrolmentDecisions decisions;
    private final PdfDocuments pdf;

    public EnrolmentDocumentController(EnrolmentRepository enrolments, EnrolmentDecisions decisions, PdfDocuments pdf) {
        this.enrolments = enrolments;
        this.decisions = decisions;
        this.pdf = pdf;
    }

    @GetMapping("/{enrolmentId}/decision.pdf")
    public ResponseEntity<byte[]> decision(@RequestAttribute(LedgerUser.ATTRIBUTE) LedgerUser user,
                                           @PathVariable long enrolmentId) {
        Enrolment enrolment = enrolments.find(enrolmentId).filter(e -> user.maySee(e.townshipCode()))
                .orElseThrow(() -> RuleViolation.notFound("救助项目记录" + enrolmentId));
        if (Program.DIBAO.equals(enrolment.programCode()) && enrolment.programCaseId() != null) {
            return ResponseEntity.status(HttpStatus.SEE_OTHER)
                    .location(URI.create(decisionOfDibaoCase(enrolment.programCaseId()))).build();
        }
        return pdf.inline(decisions.decisionLetter(enrolment), "决定通知书" + enrolmentId);
    }

    static String decisionOfDibaoCase(long caseId) {
        return "/ledger/dibao/cases/" + caseId + "/decision.pdf";
    }
}
