package cn.minzheng.bureau.payroll;

import java.net.URI;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import cn.minzheng.bureau.access.Groups;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.engine.EngineAuthentication;

/**
 * The project's REST API for monthly payrolls. Finance starts a month by hand (a second start returns
 * the existing payroll), downloads the bank files of an approved payroll and imports the bank's return;
 * township staff see the failed payments of their own township.
 */
@RestController
@RequestMapping("/api/payrolls")
public class PayrollController {

    /** Who may read payrolls (here and on the ledger page); only finance starts them and downloads bank files. */
    static final Set<String> READERS = Set.of(Groups.FINANCE, Groups.DISTRICT_APPROVER, Groups.PROCESS_MANAGER, Groups.ADMIN);

    private final PayrollStarter starter;
    private final PayrollRepository payrolls;
    private final BankFileDownloads bankFiles;
    private final BankReturnImport bankReturns;
    private final PayrollQueries queries;
    private final IdentityService identityService;
    private final PayrollPrograms programs;

    public PayrollController(PayrollStarter starter, PayrollRepository payrolls, BankFileDownloads bankFiles,
                             BankReturnImport bankReturns, PayrollQueries queries, IdentityService identityService,
                             PayrollPrograms programs) {
        this.programs = programs;
        this.starter = starter;
        this.payrolls = payrolls;
        this.bankFiles = bankFiles;
        this.bankReturns = bankReturns;
        this.queries = queries;
        this.identityService = identityService;
    }

    /** {@code programCode}: the monthly program of the registry (DIBAO, GAOLING, …); none: 低保. */
    public record StartRequest(String month, String programCode) {
    }

    @Operation(summary = "发起指定项目、指定月份的工资单（已有则返回该工资单；未指定项目为低保）")
    @PostMapping
    public ResponseEntity<PayrollView> start(@RequestBody(required = false) StartRequest request) {
        requireGroup(Set.of(Groups.FINANCE));
        var started = starter.start(request == null ? null : request.programCode(),
                PayrollMonth.parse(request == null ? null : request.month()));
        PayrollView view = view(started.payroll());
        return started.created()
                ? ResponseEntity.created(URI.create("/api/payrolls/" + started.payroll().id())).body(view)
                : ResponseEntity.ok(view);
    }

    @Operation(summary = "某项目某月的工资单及其合计")
    @GetMapping("/programs/{programCode}/{month}")
    public PayrollView findByMonth(@PathVariable String programCode, @PathVariable String month) {
        requireGroup(READERS);
        String program = programs.paidMonthly(programCode).code();
        YearMonth parsed = PayrollMonth.parse(month);
        return view(payrolls.findByMonth(program, parsed).orElseThrow(() ->
                RuleViolation.notFound(programs.shortName(program) + parsed + "的工资单")));
    }

    @Operation(summary = "一个工资单及其合计")
    @GetMapping("/{payrollId}")
    public PayrollView find(@PathVariable long payrollId) {
        requireGroup(READERS);
        return view(payrolls.get(payrollId));
    }

    @Operation(summary = "银行代发文件（CSV）")
    @GetMapping("/{payrollId}/bank-file.csv")
    public ResponseEntity<StreamingResponseBody> csv(@PathVariable long payrollId) {
        requireGroup(Set.of(Groups.FINANCE));
        return bankFiles.csv(payrollId);
    }

    @Operation(summary = "银行代发文件（Excel）")
    @GetMapping("/{payrollId}/bank-file.xlsx")
    public ResponseEntity<StreamingResponseBody> xlsx(@PathVariable long payrollId) {
        requireGroup(Set.of(Groups.FINANCE));
        return bankFiles.xlsx(payrollId);
    }

    /**
     * The bank's return file as the request body (text/csv or text/plain), UTF-8 or GB 18030 as Excel on Chinese
     * Windows saves it, in the configured layout (standard: 付款流水号,银行账号,金额,失败原因).
     */
    @Operation(summary = "导入银行回盘（失败明细，UTF-8 或 GB 18030）")
    @PostMapping(path = "/{payrollId}/bank-return", consumes = {"text/csv", "text/plain"})
    public Map<String, Object> bankReturn(@PathVariable long payrollId, @RequestBody byte[] content) {
        String user = requireGroup(Set.of(Groups.FINANCE));
        var result = bankReturns.importFile(payrollId, content, user);
        return Map.of("failuresRecorded", result.failuresRecorded(), "alreadyRecorded", result.alreadyRecorded());
    }

    /** Failed payments of the payroll; township staff see their own township's only. */
    @Operation(summary = "发放失败记录")
    @GetMapping("/{payrollId}/failures")
    public List<PaymentFailureView> failures(@PathVariable long payrollId) {
        List<String> groups = groups();
        payrolls.get(payrollId);
        boolean district = groups.stream().anyMatch(READERS::contains);
        List<String> townships = groups.stream()
                .filter(g -> g.startsWith("clerk-") || g.startsWith("reviewer-"))
                .map(g -> g.substring(g.indexOf('-') + 1)).toList();
        if (!district && townships.isEmpty()) {
            throw new RuleViolation("FORBIDDEN", "您没有权限查看发放失败记录", 403);
        }
        return queries.failures(payrollId).stream()
                .filter(f -> district || townships.contains(f.townshipCode()))
                .toList();
    }

    private PayrollView view(Payroll payroll) {
        return new PayrollView(payroll, payroll.status().label(), payrolls.townshipTotals(payroll.id()));
    }

    private String requireGroup(Set<String> allowed) {
        if (groups().stream().noneMatch(allowed::contains)) {
            throw new RuleViolation("FORBIDDEN", "您没有权限办理工资单业务", 403);
        }
        return EngineAuthentication.userId(identityService);
    }

    /** The groups of the logged-in user; nobody logged in is refused. */
    private List<String> groups() {
        if (EngineAuthentication.userId(identityService) == null) {
            throw new RuleViolation("UNAUTHENTICATED", "请先登录", 401);
        }
        return EngineAuthentication.groupIds(identityService);
    }
}
