package cn.minzheng.bureau.gaoling;

import java.net.URI;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

import cn.minzheng.bureau.access.Groups;
import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.engine.EngineAuthentication;
import cn.minzheng.bureau.payroll.PayrollMonth;

/**
 * 高龄津贴 over /api: the allowance of a resident in a month (a Chinese 422 when the age does not qualify), the
 * month's proposals (a clerk sees the own township's), a hand start of the monthly proposal (township clerks and
 * the district approver), and a 生存认证 confirmed after the deadline (the township's clerk), which resumes the
 * payment with back pay.
 */
@RestController
@RequestMapping("/api/gaoling")
public class GaolingController {

    private final GaolingAllowance allowance;
    private final GaolingRepository repository;
    private final GaolingSurvivalService survival;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;

    public GaolingController(GaolingAllowance allowance, GaolingRepository repository, GaolingSurvivalService survival,
                             RuntimeService runtimeService, IdentityService identityService) {
        this.allowance = allowance;
        this.repository = repository;
        this.survival = survival;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
    }

    @Operation(summary = "某居民某月的高龄津贴档次和标准（未满80周岁返回422）")
    @GetMapping("/allowance")
    public Map<String, Object> allowance(@RequestParam String idNumber, @RequestParam(required = false) String month) {
        requireStaff();
        YearMonth m = month == null || month.isBlank() ? YearMonth.now() : PayrollMonth.parse(month);
        GaolingAllowance.Entitlement e = allowance.require(idNumber, m);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("month", e.month());
        view.put("birthDate", e.birthDate().toString());
        view.put("age", e.age());
        view.put("tier", e.tier().name());
        view.put("tierLabel", e.tier().label());
        view.put("monthlyAmount", Money.format(e.amount()));
        return view;
    }

    public record StartRequest(String month) {
    }

    @Operation(summary = "手工发起指定月份的高龄津贴提议（每月1日自动发起）")
    @PostMapping("/proposals")
    public ResponseEntity<Map<String, Object>> start(@RequestBody(required = false) StartRequest request) {
        String township = township(requireStaff());
        if (township == null && !EngineAuthentication.groupIds(identityService).contains(Groups.DISTRICT_APPROVER)) {
            throw new RuleViolation("FORBIDDEN", "只有乡镇（街道）经办人或区民政局审批人可以发起高龄津贴提议", 403);
        }
        YearMonth month = request == null || request.month() == null ? YearMonth.now() : PayrollMonth.parse(request.month());
        ProcessInstance instance = runtimeService.startProcessInstanceByMessage(GaolingProposalProcess.MESSAGE_START,
                "gaoling-" + month, Map.of(GaolingProposalProcess.VAR_PROPOSAL_MONTH, month.toString()));
        List<GaolingRepository.Proposal> proposed = repository.proposalsOfMonth(month.toString()).stream()
                .filter(p -> p.processInstanceId().equals(instance.getId())).toList();
        return ResponseEntity.created(URI.create("/api/gaoling/proposals?month=" + month))
                .body(Map.of("month", month.toString(), "processInstanceId", instance.getId(), "proposed", proposed.size()));
    }

    @Operation(summary = "某月的高龄津贴提议及核对结果（乡镇经办人只看本乡镇）")
    @GetMapping("/proposals")
    public List<Map<String, Object>> proposals(@RequestParam String month) {
        String township = township(requireStaff());
        return repository.proposalsOfMonth(PayrollMonth.parse(month).toString()).stream()
                .filter(p -> township == null || township.equals(p.townshipCode()))
                .map(p -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("id", p.id());
                    row.put("townshipCode", p.townshipCode());
                    row.put("personName", p.personName());
                    row.put("birthDate", p.birthDate().toString());
                    row.put("tier", p.tier().name());
                    row.put("tierLabel", p.tier().label());
                    row.put("amount", Money.format(p.amount()));
                    row.put("status", p.status().name());
                    row.put("reason", p.reason());
                    return row;
                }).toList();
    }

    public record LateConfirmation(String note) {
    }

    @Operation(summary = "补充生存认证：逾期未认证而暂停发放的对象经核实后恢复发放，并补发暂停期间的津贴")
    @PostMapping("/survival-checks/{checkId}/confirmation")
    public Map<String, Object> confirmLate(@PathVariable long checkId, @RequestBody(required = false) LateConfirmation body) {
        String user = requireStaff();
        String township = township(user);
        if (township == null) {
            throw new RuleViolation("FORBIDDEN", "补充生存认证由对象所在乡镇（街道）经办人办理", 403);
        }
        GaolingRepository.Recipient r = survival.confirmLate(checkId, township, body == null ? null : body.note(), user);
        return Map.of("recipientId", r.id(), "status", r.status().name(),
                "backPayMonths", repository.backPay(r.id()).stream().filter(b -> b.payrollId() == null)
                        .map(GaolingRepository.BackPay::benefitMonth).toList());
    }

    private String requireStaff() {
        String user = EngineAuthentication.userId(identityService);
        if (user == null) {
            throw new RuleViolation("UNAUTHENTICATED", "请先登录", 401);
        }
        List<String> groups = EngineAuthentication.groupIds(identityService);
        boolean staff = groups.stream().anyMatch(g -> g.startsWith("clerk-")
                || g.equals(Groups.DISTRICT_APPROVER) || g.equals(Groups.FINANCE) || g.equals(Groups.ADMIN));
        if (!staff) {
            throw new RuleViolation("FORBIDDEN", "您没有权限办理高龄津贴业务", 403);
        }
        return user;
    }

    /** The township of a township clerk, or null for district staff. */
    private String township(String user) {
        return EngineAuthentication.groupIds(identityService).stream().filter(g -> g.startsWith("clerk-"))
                .map(g -> g.substring("clerk-".length())).findFirst().orElse(null);
    }
}
