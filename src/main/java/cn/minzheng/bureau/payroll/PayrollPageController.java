package cn.minzheng.bureau.payroll;

import java.time.YearMonth;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.minzheng.bureau.access.Groups;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.engine.EngineAuthentication;
import cn.minzheng.bureau.web.LedgerPage;
import cn.minzheng.bureau.web.LedgerUser;

/**
 * 工资单 pages next to the ledgers, behind the webapps' login: the payrolls by month, one payroll with its
 * totals, its payees and (for finance, once approved) its bank files; finance starts a month here. The
 * downloads are the REST API's bank files, served with the session instead of HTTP Basic.
 */
@Controller
@LedgerPage
@RequestMapping("/ledger/payrolls")
public class PayrollPageController {

    /** The ledgers' request attribute holding the logged-in user (see ledger.LedgerLogin). */
    static final String USER = "ledgerUser";
    static final int PAYROLLS_PER_PAGE = 24;
    static final int PAYEES_PER_PAGE = 50;

    private final PayrollRepository payrolls;
    private final PayrollPayees payees;
    private final PayrollStaleness staleness;
    private final PayrollStarter starter;
    private final BankFileDownloads bankFiles;
    private final IdentityService identityService;
    private final PayrollPrograms programs;

    public PayrollPageController(PayrollRepository payrolls, PayrollPayees payees, PayrollStaleness staleness,
                                 PayrollStarter starter, BankFileDownloads bankFiles, IdentityService identityService,
                                 PayrollPrograms programs) {
        this.programs = programs;
        this.identityService = identityService;
        this.payrolls = payrolls;
        this.payees = payees;
        this.staleness = staleness;
        this.starter = starter;
        this.bankFiles = bankFiles;
    }

    /** A payroll in the list, with whether it is stale. */
    public record Listed(Payroll payroll, boolean stale) {
    }

    @GetMapping
    public String list(@RequestAttribute(USER) LedgerUser user, @RequestParam(defaultValue = "0") int page,
                       @RequestParam(required = false) String program, Model model) {
        requireReader(user);
        return list(user, programs.paidMonthly(program).code(), page, null, null, model);
    }

    /** 发起指定月份的工资单: the API's start (one payroll per month); a month that has one opens it. */
    @PostMapping
    public ModelAndView start(@RequestAttribute(USER) LedgerUser user, @RequestParam(required = false) String month,
                              @RequestParam(required = false) String program, Model model, RedirectAttributes redirect) {
        requireFinance(user);
        String programCode = programs.paidMonthly(program).code();
        String name = programs.shortName(programCode);
        YearMonth parsed;
        try {
            parsed = PayrollMonth.parse(month);
        } catch (RuleViolation refused) {
            String view = list(user, programCode, 0, refused.getMessage(), month, model);
            return new ModelAndView(view, model.asMap(), HttpStatus.BAD_REQUEST);
        }
        // the engine records who started it
        PayrollStarter.Started started = EngineAuthentication.as(identityService, user.id(), user.groups(),
                () -> starter.start(programCode, parsed));
        redirect.addFlashAttribute("notice", started.created()
                ? "已发起" + parsed + "的" + name + "工资单，系统正在计算，计算完成后由财务在待办任务中核对。"
                : parsed + "的" + name + "工资单已存在（" + started.payroll().status().label() + "），未重复发起。");
        return new ModelAndView("redirect:/ledger/payrolls/" + started.payroll().id());
    }

    @GetMapping("/{payrollId}")
    public String payroll(@RequestAttribute(USER) LedgerUser user, @PathVariable long payrollId,
                          @RequestParam(defaultValue = "0") int page, Model model) {
        requireReader(user);
        Payroll payroll = payrolls.get(payrollId);
        long count = payees.count(payrollId);
        int pages = (int) Math.max(1, (count + PAYEES_PER_PAGE - 1) / PAYEES_PER_PAGE);
        int shown = Math.min(Math.max(page, 0), pages - 1);
        model.addAttribute("user", user);
        model.addAttribute("payroll", payroll);
        model.addAttribute("programName", programs.shortName(payroll.programCode()));
        model.addAttribute("townships", payrolls.townshipTotals(payrollId));
        model.addAttribute("staleness", staleness.of(payroll));
        model.addAttribute("payeeCount", count);
        model.addAttribute("payees", payees.page(payroll, (long) shown * PAYEES_PER_PAGE, PAYEES_PER_PAGE));
        model.addAttribute("page", shown);
        model.addAttribute("pages", pages);
        model.addAttribute("firstRow", (long) shown * PAYEES_PER_PAGE + 1);
        model.addAttribute("mayDownload", isFinance(user));
        return "ledger/payroll";
    }

    @GetMapping("/{payrollId}/bank-file.csv")
    public ResponseEntity<StreamingResponseBody> csv(@RequestAttribute(USER) LedgerUser user, @PathVariable long payrollId) {
        requireFinance(user);
        return bankFiles.csv(payrollId);
    }

    @GetMapping("/{payrollId}/bank-file.xlsx")
    public ResponseEntity<StreamingResponseBody> xlsx(@RequestAttribute(USER) LedgerUser user, @PathVariable long payrollId) {
        requireFinance(user);
        return bankFiles.xlsx(payrollId);
    }

    private String list(LedgerUser user, String programCode, int page, String error, String month, Model model) {
        long count = payrolls.count(programCode);
        int pages = (int) Math.max(1, (count + PAYROLLS_PER_PAGE - 1) / PAYROLLS_PER_PAGE);
        int shown = Math.min(Math.max(page, 0), pages - 1);
        model.addAttribute("program", programCode);
        model.addAttribute("programName", programs.shortName(programCode));
        model.addAttribute("programs", programs.paidMonthly());
        List<Listed> listed = payrolls.byMonthDescending(programCode, PAYROLLS_PER_PAGE, (long) shown * PAYROLLS_PER_PAGE).stream()
                .map(p -> new Listed(p, staleness.of(p).stale())).toList();
        model.addAttribute("user", user);
        model.addAttribute("payrolls", listed);
        model.addAttribute("page", shown);
        model.addAttribute("pages", pages);
        model.addAttribute("mayStart", isFinance(user));
        model.addAttribute("month", month == null ? YearMonth.now().toString() : month);
        model.addAttribute("error", error);
        return "ledger/payrolls";
    }

    private static boolean isFinance(LedgerUser user) {
        return user.groups().contains(Groups.FINANCE);
    }

    private static void requireReader(LedgerUser user) {
        if (user.groups().stream().noneMatch(PayrollController.READERS::contains)) {
            throw new RuleViolation("FORBIDDEN", "您没有权限查看工资单", 403);
        }
    }

    private static void requireFinance(LedgerUser user) {
        if (!isFinance(user)) {
            throw new RuleViolation("FORBIDDEN", "只有财务人员可以发起工资单或下载银行代发文件", 403);
        }
    }
}
