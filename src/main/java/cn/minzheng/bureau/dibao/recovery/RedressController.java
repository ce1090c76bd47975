package cn.minzheng.bureau.dibao.recovery;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.minzheng.bureau.access.CurrentUser;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.dibao.DibaoCaseRepository;
import cn.minzheng.bureau.dibao.appeal.Appeal;
import cn.minzheng.bureau.dibao.appeal.AppealRepository;
import cn.minzheng.bureau.dibao.appeal.DibaoAppeals;
import cn.minzheng.bureau.dibao.report.DibaoReports;
import cn.minzheng.bureau.dibao.report.Report;
import cn.minzheng.bureau.dibao.report.ReportRepository;

/**
 * REST for reports (举报), appeals (申诉) and overpayment recoveries (追回), with the area rule of the other
 * /api/dibao endpoints: township staff see and register only their township's. A report's reporter identity is
 * returned only to the investigator assigned to it.
 */
@RestController
@RequestMapping("/api/dibao")
public class RedressController {

    private final DibaoReports reports;
    private final ReportRepository reportRepository;
    private final DibaoAppeals appeals;
    private final AppealRepository appealRepository;
    private final OverpaymentRecoveries recoveries;
    private final RecoveryRepository recoveryRepository;
    private final DibaoCaseRepository cases;
    private final CurrentUser currentUser;

    public RedressController(DibaoReports reports, ReportRepository reportRepository, DibaoAppeals appeals,
                             AppealRepository appealRepository, OverpaymentRecoveries recoveries,
                             RecoveryRepository recoveryRepository, DibaoCaseRepository cases, CurrentUser currentUser) {
        this.reports = reports;
        this.reportRepository = reportRepository;
        this.appeals = appeals;
        this.appealRepository = appealRepository;
        this.recoveries = recoveries;
        this.recoveryRepository = recoveryRepository;
        this.cases = cases;
        this.currentUser = currentUser;
    }

    public record ReportView(long id, long caseId, String channel, String channelLabel, boolean anonymous,
                             boolean reporterShown, String reporterName, String reporterContact, String factKind,
                             String factKindLabel, String allegation, String status, String investigator, String findings,
                             String factFromMonth, BigDecimal proposedAmount, String outcome, String outcomeReason,
                             Long recoveryId, String processInstanceId) {
    }

    public record RecoveryView(Recovery recovery, String statusLabel, BigDecimal outstanding,
                               List<Overpayments.OverpaidMonth> months, List<RecoveryRepository.Installment> installments,
                               List<RecoveryRepository.Receipt> receipts) {
    }

    public record AppealView(Appeal appeal, List<AppealRepository.BackPay> backPay) {
    }

    public record ManualRecovery(String fromMonth, BigDecimal entitledAmount, String reason) {
    }

    @PostMapping("/reports")
    public ResponseEntity<ReportView> report(@RequestBody DibaoReports.Registration form) {
        visibleCase(form == null ? null : form.caseId());
        Report report = reports.register(form, currentUser.id());
        return ResponseEntity.created(URI.create("/api/dibao/reports/" + report.id())).body(view(report));
    }

    @GetMapping("/reports/{id}")
    public ReportView report(@PathVariable long id) {
        Report report = reportRepository.find(id).filter(r -> currentUser.maySee(r.townshipCode()))
                .orElseThrow(() -> RuleViolation.notFound("举报" + id));
        return view(report);
    }

    @PostMapping("/appeals")
    public ResponseEntity<AppealView> appeal(@RequestBody DibaoAppeals.Registration form) {
        visibleCase(form == null ? null : form.caseId());
        Appeal appeal = appeals.register(form, currentUser.id());
        return ResponseEntity.created(URI.create("/api/dibao/appeals/" + appeal.id()))
                .body(new AppealView(appeal, appealRepository.backPay(appeal.caseId())));
    }

    @GetMapping("/appeals/{id}")
    public AppealView appeal(@PathVariable long id) {
        Appeal appeal = appealRepository.find(id).filter(a -> currentUser.maySee(a.townshipCode()))
                .orElseThrow(() -> RuleViolation.notFound("申诉" + id));
        return new AppealView(appeal, appealRepository.backPay(appeal.caseId()));
    }

    @GetMapping("/recoveries/{id}")
    public RecoveryView recovery(@PathVariable long id) {
        Recovery recovery = recoveryRepository.find(id).filter(r -> currentUser.maySee(r.townshipCode()))
                .orElseThrow(() -> RuleViolation.notFound("追回记录" + id));
        return view(recovery);
    }

    @GetMapping("/cases/{caseId}/recoveries")
    public List<RecoveryView> recoveriesOf(@PathVariable long caseId) {
        return recoveryRepository.ofCase(visibleCase(caseId).id()).stream().map(this::view).toList();
    }

    /** A case found paid more than it should have been otherwise than by a report (e.g. a cancelled case paid). */
    @PostMapping("/cases/{caseId}/recoveries")
    public ResponseEntity<RecoveryView> startRecovery(@PathVariable long caseId, @RequestBody ManualRecovery form) {
        DibaoCase dibaoCase = visibleCase(caseId);
        if (form == null) {
            throw new RuleViolation("MISSING_FIELD", "请填写多发起始月份（fromMonth）、应发金额（entitledAmount）和原因（reason）");
        }
        Recovery recovery = recoveries.start(dibaoCase.id(), form.fromMonth(),
                form.entitledAmount() == null ? BigDecimal.ZERO : form.entitledAmount(), "MANUAL", null, form.reason());
        return ResponseEntity.created(URI.create("/api/dibao/recoveries/" + recovery.id())).body(view(recovery));
    }

    private DibaoCase visibleCase(Long caseId) {
        if (caseId == null) {
            throw new RuleViolation("MISSING_FIELD", "请填写低保案件（caseId）");
        }
        return cases.find(caseId).filter(c -> currentUser.maySee(c.townshipCode()))
                .orElseThrow(() -> RuleViolation.notFound("低保案件" + caseId));
    }

    private RecoveryView view(Recovery recovery) {
        return new RecoveryView(recovery, recovery.statusLabel(), recovery.outstanding(),
                recoveryRepository.months(recovery.id()), recoveryRepository.installments(recovery.id()),
                recoveryRepository.receipts(recovery.id()));
    }

    /** The reporter's identity only for the investigator assigned to the report. */
    private ReportView view(Report r) {
        boolean shown = !r.anonymous() && r.investigator() != null && r.investigator().equals(currentUser.id());
        return new ReportView(r.id(), r.caseId(), r.channel(), Report.channelLabel(r.channel()), r.anonymous(), shown,
                shown ? r.reporterName() : null, shown ? r.reporterContact() : null, r.factKind(),
                Report.factKindLabel(r.factKind()), r.allegation(), r.status(), r.investigator(), r.findings(),
                r.factFromMonth(), r.proposedAmount(), r.outcome(), r.outcomeReason(), r.recoveryId(), r.processInstanceId());
    }
}
