package cn.minzheng.bureau.funeral.benefits;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.minzheng.bureau.access.CurrentUser;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.engine.EngineAuthentication;
import cn.minzheng.bureau.engine.ProcessVariable;

/**
 * 惠民殡葬 and 生态安葬 over /api: a funeral home's claim, the monthly settlement and a family's eco-burial reward
 * start their processes with the start forms' fields (the same rules as Tasklist, in each process's first step); the
 * claims a user may see (a funeral home: its own; township staff: their township; the district: all), the
 * settlements (district staff and funeral homes: their own) and the rewards.
 */
@RestController
@RequestMapping("/api/funeral")
public class FuneralBenefitsController {

    private final FuneralBenefitsRepository benefits;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final CurrentUser currentUser;
    private final FuneralFiguresQueries figures;

    public FuneralBenefitsController(FuneralBenefitsRepository benefits, RuntimeService runtime, IdentityService identity,
                                     CurrentUser currentUser, FuneralFiguresQueries figures) {
        this.benefits = benefits;
        this.figures = figures;
        this.runtime = runtime;
        this.identity = identity;
        this.currentUser = currentUser;
    }

    @Operation(summary = "殡仪馆申报惠民殡葬基本殡葬服务费减免，交乡镇（街道）核实")
    @PostMapping("/fee-claims")
    @Transactional
    public ResponseEntity<FeeClaim> submitClaim(@RequestBody(required = false) Map<String, Object> form) {
        ProcessInstance instance = start(FeeWaiverProcess.KEY, form, List.of(FeeWaiverProcess.ID_NUMBER,
                FeeWaiverProcess.INVOICE_NUMBER, FeeWaiverProcess.TRANSPORT_FEE, FeeWaiverProcess.STORAGE_FEE,
                FeeWaiverProcess.CREMATION_FEE, FeeWaiverProcess.ASH_STORAGE_FEE));
        FeeClaim c = benefits.claimOfProcess(instance.getId()).orElseThrow();
        return ResponseEntity.created(URI.create("/api/funeral/fee-claims?id=" + c.id())).body(c);
    }

    @Operation(summary = "惠民殡葬减免申报列表（本人工作范围）")
    @GetMapping("/fee-claims")
    public List<FeeClaim> claims() {
        List<String> groups = EngineAuthentication.groupIds(identity);
        var home = benefits.funeralHomeOf(groups);
        if (home.isPresent()) {
            return benefits.claims().stream().filter(c -> c.funeralHomeId() == home.get().id()).toList();
        }
        return benefits.claims().stream().filter(c -> currentUser.maySee(c.townshipCode())).toList();
    }

    @Operation(summary = "惠民殡葬月度结算：按殡仪馆汇总已结束月份核实的减免，每个殡仪馆每月结算一次")
    @PostMapping("/settlements")
    @Transactional
    public ResponseEntity<List<Settlement>> settle(@RequestBody(required = false) Map<String, Object> form) {
        start(FeeSettlementProcess.KEY, form, List.of(FeeSettlementProcess.SETTLEMENT_MONTH));
        String month = String.valueOf(form.get(FeeSettlementProcess.SETTLEMENT_MONTH.name())).trim();
        return ResponseEntity.created(URI.create("/api/funeral/settlements?month=" + month))
                .body(benefits.settlements(month));
    }

    @Operation(summary = "惠民殡葬月度结算列表（区民政局；殡仪馆：本馆）")
    @GetMapping("/settlements")
    public List<Settlement> settlements(@RequestParam(required = false) String month) {
        var home = benefits.funeralHomeOf(EngineAuthentication.groupIds(identity));
        if (home.isPresent()) {
            return benefits.settlements(month).stream().filter(s -> s.funeralHomeId() == home.get().id()).toList();
        }
        currentUser.requireDistrictRole();
        return benefits.settlements(month);
    }

    @Operation(summary = "受理家属的生态安葬奖补申请，交乡镇（街道）审核")
    @PostMapping("/eco-burial-rewards")
    @Transactional
    public ResponseEntity<EcoBurialReward> applyForReward(@RequestBody(required = false) Map<String, Object> form) {
        ProcessInstance instance = start(EcoBurialProcess.KEY, form, List.of(EcoBurialProcess.ID_NUMBER,
                EcoBurialProcess.PAYEE_ID_NUMBER, EcoBurialProcess.BURIAL_DATE, EcoBurialProcess.BURIAL_PLACE));
        EcoBurialReward r = benefits.rewardOfProcess(instance.getId()).orElseThrow();
        return ResponseEntity.created(URI.create("/api/funeral/eco-burial-rewards?id=" + r.id())).body(r);
    }

    @Operation(summary = "生态安葬奖补列表（本人工作范围）")
    @GetMapping("/eco-burial-rewards")
    public List<EcoBurialReward> rewards() {
        return benefits.rewards().stream().filter(r -> currentUser.maySee(r.townshipCode())).toList();
    }

    @Operation(summary = "殡葬统计：按乡镇（街道）和死亡月份的死亡人数、火化人数、火化率、生态安葬、减免和奖补金额")
    @GetMapping("/figures")
    public List<FuneralFiguresQueries.MonthFigures> figures(@RequestParam int year) {
        return figures.year(year).stream().filter(f -> currentUser.maySee(f.townshipCode())).toList();
    }

    private ProcessInstance start(String key, Map<String, Object> form, List<ProcessVariable<?>> fields) {
        if (form == null) {
            throw new RuleViolation("INVALID_REQUEST", "申请内容不能为空");
        }
        Map<String, Object> variables = new HashMap<>();
        for (ProcessVariable<?> v : fields) {
            Object value = form.get(v.name());
            variables.put(v.name(), value == null || value instanceof Number ? value : value.toString());
        }
        return runtime.startProcessInstanceByKey(key, variables);
    }
}
