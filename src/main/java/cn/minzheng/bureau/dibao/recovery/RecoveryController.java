package cn.minzheng.bureau.dibao.recovery;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;

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
import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.dibao.VisibleCases;

/** REST for overpayment recoveries (追回), with the area rule of the other /api/dibao endpoints. */
@RestController
@RequestMapping("/api/dibao")
public class RecoveryController {

    private final RecoveryService recoveries;
    private final RecoveryRepository recoveryRepository;
    private final VisibleCases cases;
    private final CurrentUser currentUser;

    public RecoveryController(RecoveryService recoveries, RecoveryRepository recoveryRepository, VisibleCases cases,
                              CurrentUser currentUser) {
        this.recoveries = recoveries;
        this.recoveryRepository = recoveryRepository;
        this.cases = cases;
        this.currentUser = currentUser;
    }

    public record RecoveryView(Recovery recovery, String statusLabel, BigDecimal outstanding,
                               List<Overpayments.OverpaidMonth> months, List<RecoveryRepository.Installment> installments,
                               List<RecoveryRepository.Receipt> receipts) {
    }

    public record ManualRecovery(String fromMonth, BigDecimal entitledAmount, String reason) {
    }

    @Operation(summary = "一笔追缴")
    @GetMapping("/recoveries/{id}")
    public RecoveryView recovery(@PathVariable long id) {
        Recovery recovery = recoveryRepository.find(id).filter(r -> currentUser.maySee(r.townshipCode()))
                .orElseThrow(() -> RuleViolation.notFound("追回记录" + id));
        return view(recovery);
    }

    @Operation(summary = "案件的追缴")
    @GetMapping("/cases/{caseId}/recoveries")
    public List<RecoveryView> recoveriesOf(@PathVariable long caseId) {
        return recoveryRepository.ofCase(cases.get(caseId).id()).stream().map(this::view).toList();
    }

    /** A case found paid more than it should have been otherwise than by a report (e.g. a cancelled case paid). */
    @Operation(summary = "发起追缴多发资金")
    @PostMapping("/cases/{caseId}/recoveries")
    public ResponseEntity<RecoveryView> startRecovery(@PathVariable long caseId, @RequestBody ManualRecovery form) {
        DibaoCase dibaoCase = cases.get(caseId);
        if (form == null) {
            throw new RuleViolation("MISSING_FIELD", "请填写多发起始月份（fromMonth）、应发金额（entitledAmount）和原因（reason）");
        }
        Recovery recovery = recoveries.start(dibaoCase.id(), form.fromMonth(),
                form.entitledAmount() == null ? BigDecimal.ZERO : form.entitledAmount(), "MANUAL", null, form.reason());
        return ResponseEntity.created(URI.create("/api/dibao/recoveries/" + recovery.id())).body(view(recovery));
    }

    private RecoveryView view(Recovery recovery) {
        return new RecoveryView(recovery, recovery.statusLabel(), recovery.outstanding(),
                recoveryRepository.months(recovery.id()), recoveryRepository.installments(recovery.id()),
                recoveryRepository.receipts(recovery.id()));
    }
}
