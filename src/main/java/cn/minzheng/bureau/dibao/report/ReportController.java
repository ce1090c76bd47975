package cn.minzheng.bureau.dibao.report;

import java.math.BigDecimal;
import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.minzheng.bureau.access.CurrentUser;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.dibao.VisibleCases;

/**
 * REST for reports (举报), with the area rule of the other /api/dibao endpoints. A report's reporter identity is
 * returned only to the investigator assigned to it.
 */
@RestController
@RequestMapping("/api/dibao")
public class ReportController {

    private final ReportService reports;
    private final ReportRepository reportRepository;
    private final VisibleCases cases;
    private final CurrentUser currentUser;

    public ReportController(ReportService reports, ReportRepository reportRepository, VisibleCases cases,
                            CurrentUser currentUser) {
        this.reports = reports;
        this.reportRepository = reportRepository;
        this.cases = cases;
        this.currentUser = currentUser;
    }

    public record ReportView(long id, long caseId, String channel, String channelLabel, boolean anonymous,
                             boolean reporterShown, String reporterName, String reporterContact, String factKind,
                             String factKindLabel, String allegation, String status, String investigator, String findings,
                             String factFromMonth, BigDecimal proposedAmount, String outcome, String outcomeReason,
                             Long recoveryId, String processInstanceId) {
    }

    @Operation(summary = "举报违规享受低保")
    @PostMapping("/reports")
    public ResponseEntity<ReportView> report(@RequestBody ReportService.Registration form) {
        cases.get(form == null ? null : form.caseId());
        Report report = reports.register(form, currentUser.id());
        return ResponseEntity.created(URI.create("/api/dibao/reports/" + report.id())).body(view(report));
    }

    @Operation(summary = "一件举报")
    @GetMapping("/reports/{id}")
    public ReportView report(@PathVariable long id) {
        Report report = reportRepository.find(id).filter(r -> currentUser.maySee(r.townshipCode()))
                .orElseThrow(() -> RuleViolation.notFound("举报" + id));
        return view(report);
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
