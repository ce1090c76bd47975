package cn.minzheng.bureau.donation;


import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;

import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.documents.PdfDocuments;
import cn.minzheng.bureau.web.LedgerPage;
import cn.minzheng.bureau.web.LedgerUser;

/**
 * 捐赠收据 as PDF behind the ledgers' login. Donations are registered by the district bureau: district roles get
 * the receipts; a township's staff get "not found", as for another township's records.
 */
@Controller
@LedgerPage
@RequestMapping("/ledger/donations")
public class DonationReceiptController {

    private final DonationReceipts receipts;
    private final PdfDocuments pdf;

    public DonationReceiptController(DonationReceipts receipts, PdfDocuments pdf) {
        this.receipts = receipts;
        this.pdf = pdf;
    }

    @GetMapping("/receipts/{receiptNumber}.pdf")
    public ResponseEntity<byte[]> receipt(@RequestAttribute(LedgerUser.ATTRIBUTE) LedgerUser user,
                                          @PathVariable String receiptNumber) {
        if (!user.districtWide()) {
            throw RuleViolation.notFound("捐赠收据" + receiptNumber);
        }
        return pdf.inline(receipts.receipt(receiptNumber), receiptNumber + "捐赠收据");
    }
}
