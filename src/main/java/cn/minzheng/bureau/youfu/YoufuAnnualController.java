package cn.minzheng.bureau.youfu;

import java.net.URI;
import java.time.Year;
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

import cn.minzheng.bureau.access.CurrentUser;
import cn.minzheng.bureau.access.Groups;
import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.engine.EngineAuthentication;

/**
 * 优抚's yearly work over /api: a hand start of the 年审 and of the year's 义务兵家庭优待金 (优抚安置科), a 年审
 * confirmed after the deadline (the township's clerk; resumes the payment with back pay), and the register of
 * conscripts (a township clerk registers a conscript with the family member paid).
 */
@RestController
@RequestMapping("/api/youfu")
public class YoufuAnnualController {

    private final YoufuAnnualService annual;
    private final YoufuAnnualRepository checks;
    private final YoufuConscriptService conscriptService;
    private final YoufuConscriptRepository conscripts;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final CurrentUser currentUser;

    public YoufuAnnualController(YoufuAnnualService annual, YoufuAnnualRepository checks,
                                 YoufuConscriptService conscriptService, YoufuConscriptRepository conscripts,
                                 RuntimeService runtime, IdentityService identity, CurrentUser currentUser) {
        this.annual = annual;
        this.checks = checks;
        this.conscriptService = conscriptService;
        this.conscripts = conscripts;
        this.runtime = runtime;
        this.identity = identity;
        this.currentUser = currentUser;
    }

    public record YearRequest(Integer year) {
    }

    @Operation(summary = "手工发起指定年度的优抚对象年审（生存认证）（每年定时发起）")
    @PostMapping("/annual-reviews")
    public ResponseEntity<Map<String, Object>> startReview(@RequestBody(required = false) YearRequest request) {
        int year = section(request);
        ProcessInstance instance = runtime.startProcessInstanceByMessage(YoufuAnnualProcess.MESSAGE_START,
                "youfu-review-" + year, Map.of(YoufuAnnualProcess.VAR_CHECK_YEAR, year));
        return ResponseEntity.created(URI.create("/api/youfu/annual-reviews")).body(Map.of("year", year,
                "processInstanceId", instance.getId(), "ended", instance.isEnded()));
    }

    public record LateConfirmation(String note) {
    }

    @Operation(summary = "补充年审认证：未通过年审而暂停发放的优抚对象经核实后恢复发放，并补发暂停期间的抚恤补助")
    @PostMapping("/annual-checks/{checkId}/confirmation")
    public Map<String, Object> confirmLate(@PathVariable long checkId, @RequestBody(required = false) LateConfirmation body) {
        String user = currentUser.id();
        String township = EngineAuthentication.groupIds(identity).stream().filter(g -> g.startsWith("clerk-"))
                .map(g -> g.substring("clerk-".length())).findFirst()
                .orElseThrow(() -> new RuleViolation("FORBIDDEN", "补充年审认证由优抚对象所在乡镇（街道）经办人办理", 403));
        YoufuRecipient r = annual.confirmLate(checkId, township, body == null ? null : body.note(), user);
        return Map.of("recipientId", r.id(), "status", r.status().name(),
                "backPayMonths", checks.backPay(r.id()).stream().filter(b -> b.payrollId() == null)
                        .map(YoufuAnnualRepository.BackPay::benefitMonth).toList());
    }

    @Operation(summary = "登记义务兵及领取优待金的家属（乡镇经办人）")
    @PostMapping("/conscripts")
    public ResponseEntity<YoufuConscript> register(@RequestBody(required = false) Map<String, Object> form) {
        String user = currentUser.id();
        if (EngineAuthentication.groupIds(identity).stream().noneMatch(g -> g.startsWith("clerk-"))) {
            throw new RuleViolation("FORBIDDEN", "义务兵由其户籍所在乡镇（街道）经办人登记", 403);
        }
        if (form == null) {
            throw new RuleViolation("INVALID_APPLICATION", "登记内容不能为空");
        }
        YoufuConscript c = conscriptService.register(form.get("idNumber"), form.get("payeeIdNumber"),
                form.get("enlistmentDate"), form.get("dischargeDate"), user);
        return ResponseEntity.created(URI.create("/api/youfu/conscripts/" + c.id())).body(c);
    }

    @Operation(summary = "义务兵名册及各年度优待金（本人工作范围）")
    @GetMapping("/conscripts")
    public List<Map<String, Object>> conscripts(@RequestParam(required = false) String township) {
        return conscripts.list(township).stream().filter(c -> currentUser.maySee(c.townshipCode())).map(c -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", c.id());
            row.put("personName", c.personName());
            row.put("townshipCode", c.townshipCode());
            row.put("payeeName", c.payeeName());
            row.put("enlistmentDate", c.enlistmentDate().toString());
            row.put("dischargeDate", c.dischargeDate() == null ? null : c.dischargeDate().toString());
            row.put("grants", conscripts.grantsOf(c.id()).stream().map(g -> Map.of("year", g.grantYear(),
                    "amount", Money.format(g.amount()), "status", g.status().name())).toList());
            return row;
        }).toList();
    }

    @Operation(summary = "手工发起指定年度的义务兵家庭优待金发放（每年定时发起）")
    @PostMapping("/conscript-grants")
    public ResponseEntity<Map<String, Object>> startGrants(@RequestBody(required = false) YearRequest request) {
        int year = section(request);
        ProcessInstance instance = runtime.startProcessInstanceByMessage(YoufuConscriptProcess.MESSAGE_START,
                "youfu-youdai-" + year, Map.of(YoufuConscriptProcess.VAR_GRANT_YEAR, year));
        return ResponseEntity.created(URI.create("/api/youfu/conscripts")).body(Map.of("year", year,
                "processInstanceId", instance.getId(), "ended", instance.isEnded()));
    }

    /** Only the 优抚安置科 starts a year by hand; the year given, or this year. */
    private int section(YearRequest request) {
        currentUser.id();
        if (!EngineAuthentication.groupIds(identity).contains(Groups.YOUFU_SECTION)) {
            throw new RuleViolation("FORBIDDEN", "只有区民政局优抚安置科可以手工发起", 403);
        }
        int year = request == null || request.year() == null ? Year.now().getValue() : request.year();
        if (year < 2000 || year > Year.now().getValue() + 1) {
            throw new RuleViolation("INVALID_YEAR", "年度" + year + "不在2000年至明年之间");
        }
        return year;
    }
}
