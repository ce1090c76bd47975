package cn.minzheng.bureau.dibao.application;

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
import cn.minzheng.bureau.audit.AuditEvent;
import cn.minzheng.bureau.audit.AuditTrail;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.dibao.DibaoCaseRepository;
import cn.minzheng.bureau.dibao.VisibleCases;
import cn.minzheng.bureau.household.Household;
import cn.minzheng.bureau.household.HouseholdRepository;

/** The project's REST API for 低保 applications and cases (HTTP Basic, same users as Tasklist). */
@RestController
@RequestMapping("/api/dibao")
public class DibaoCaseController {

    private final DibaoApplicationService applications;
    private final DibaoCaseRepository cases;
    private final HouseholdRepository households;
    private final CurrentUser currentUser;
    private final AuditTrail auditTrail;
    private final VisibleCases visibleCases;

    public DibaoCaseController(DibaoApplicationService applications, DibaoCaseRepository cases,
                               HouseholdRepository households, CurrentUser currentUser, AuditTrail auditTrail,
                               VisibleCases visibleCases) {
        this.auditTrail = auditTrail;
        this.visibleCases = visibleCases;
        this.applications = applications;
        this.cases = cases;
        this.households = households;
        this.currentUser = currentUser;
    }

    @Operation(summary = "登记低保申请")
    @PostMapping("/applications")
    public ResponseEntity<CaseView> apply(@RequestBody DibaoApplicationForm form) {
        if (form == null || form.household() == null) {
            throw new RuleViolation("INVALID_APPLICATION", "申请内容不能为空，须包含家庭信息（household）");
        }
        DibaoCase submitted = applications.submit(form, currentUser.id());
        return ResponseEntity.created(URI.create("/api/dibao/cases/" + submitted.id())).body(view(submitted));
    }

    @Operation(summary = "一个低保案件")
    @GetMapping("/cases/{caseId}")
    public CaseView find(@PathVariable long caseId) {
        return view(visibleCase(caseId));
    }

    /** Every change and decision of the case: who, when, what, why, before and after. */
    @Operation(summary = "案件的审计记录（谁、何时、做了什么、前后变化）")
    @GetMapping("/cases/{caseId}/audit")
    public List<AuditEvent> audit(@PathVariable long caseId) {
        return auditTrail.forCase(visibleCase(caseId).id());
    }

    private DibaoCase visibleCase(long caseId) {
        return visibleCases.get(caseId);
    }

    private CaseView view(DibaoCase c) {
        Household household = households.find(c.householdId()).orElseThrow();
        return new CaseView(c.id(), c.caseNumber(), c.status().name(), c.status().label(), c.category().name(),
                c.category().label(), c.townshipCode(), c.householdId(), household.head().name(), household.size(),
                c.perCapitaIncome(), c.monthlyStandard(), c.categoryAddition(), c.monthlyAmount(), c.startMonth(),
                c.closingReason(), c.processInstanceId(),
                cases.history(c.id()).stream().map(h -> new CaseView.StatusEntry(h.status().name(), h.status().label(),
                        h.changedAt(), h.changedBy(), h.reason())).toList(),
                cases.decisions(c.id()).stream().map(d -> new CaseView.DecisionEntry(d.step(), d.decision(),
                        d.comment(), d.decidedBy(), d.decidedAt())).toList());
    }
}
