package cn.minzheng.bureau.funeral;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.minzheng.bureau.access.CurrentUser;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.engine.ProcessVariable;

/**
 * 死亡登记 over /api: a death starts funeral-death-registration with the start form's fields (the same rules as
 * Tasklist's start form, in the process's first step); the records of the user's township with what each program
 * did.
 */
@RestController
@RequestMapping("/api/funeral/deaths")
public class DeathRegistrationController {

    private final DeathRegistrationRepository deaths;
    private final RuntimeService runtime;
    private final CurrentUser currentUser;

    public DeathRegistrationController(DeathRegistrationRepository deaths, RuntimeService runtime, CurrentUser currentUser) {
        this.deaths = deaths;
        this.runtime = runtime;
        this.currentUser = currentUser;
    }

    /** A record with the payments it found overpaid. */
    public record RecordWithOverpayments(DeathRecord record, List<DeathRegistrationRepository.Overpayment> overpayments) {
    }

    @Operation(summary = "登记死亡（殡仪馆火化记录、医院或村（居）委会报告），交乡镇（街道）审核")
    @PostMapping
    @Transactional
    public ResponseEntity<DeathRecord> register(@RequestBody(required = false) Map<String, Object> form) {
        if (form == null) {
            throw new RuleViolation("INVALID_REQUEST", "死亡登记内容不能为空");
        }
        Map<String, Object> variables = new HashMap<>();
        for (ProcessVariable<?> v : List.of(DeathRegistrationProcess.ID_NUMBER, DeathRegistrationProcess.DEATH_DATE,
                DeathRegistrationProcess.DEATH_PLACE, DeathRegistrationProcess.SOURCE,
                DeathRegistrationProcess.SOURCE_REFERENCE, DeathRegistrationProcess.CREMATED,
                DeathRegistrationProcess.BURIAL_KIND)) {
            Object value = form.get(v.name());
            variables.put(v.name(), value == null || value instanceof Boolean ? value : value.toString());
        }
        ProcessInstance instance = runtime.startProcessInstanceByKey(DeathRegistrationProcess.KEY, variables);
        // the clerk may not read the instance (its task is the reviewer's): the record is found by its process instance
        DeathRecord r = deaths.ofProcess(instance.getId()).orElseThrow();
        return ResponseEntity.created(URI.create("/api/funeral/deaths/" + r.id())).body(r);
    }

    @Operation(summary = "死亡登记列表（本人工作范围）")
    @GetMapping
    public List<DeathRecord> list(@RequestParam(required = false) String township) {
        return deaths.list(township).stream().filter(r -> currentUser.maySee(r.townshipCode())).toList();
    }

    @Operation(summary = "一条死亡登记及其在各救助项目中的处理（终止、复核、多发追回）")
    @GetMapping("/{id}")
    public RecordWithOverpayments get(@PathVariable long id) {
        DeathRecord r = deaths.find(id).filter(x -> currentUser.maySee(x.townshipCode()))
                .orElseThrow(() -> RuleViolation.notFound("死亡登记" + id));
        return new RecordWithOverpayments(r, deaths.overpayments(id));
    }
}
