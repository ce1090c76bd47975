package cn.minzheng.bureau.resettlement;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

import io.swagger.v3.oas.annotations.Operation;

import cn.minzheng.bureau.access.CurrentUser;
import cn.minzheng.bureau.common.RuleViolation;

/**
 * 退役士兵安置 over /api: an arrival registration starts veteran-resettlement with the start form's fields (the same
 * validation as Tasklist's start form, in the process's first step); the registrations of the user's area.
 */
@RestController
@RequestMapping("/api/resettlement")
public class ResettlementController {

    private final ResettlementRepository resettlements;
    private final RuntimeService runtime;
    private final CurrentUser currentUser;

    public ResettlementController(ResettlementRepository resettlements, RuntimeService runtime, CurrentUser currentUser) {
        this.resettlements = resettlements;
        this.runtime = runtime;
        this.currentUser = currentUser;
    }

    @Operation(summary = "退役士兵报到登记（按服役情况确定安置方式）")
    @PostMapping("/registrations")
    @Transactional
    public ResponseEntity<Resettlement> register(@RequestBody(required = false) Map<String, Object> form) {
        if (form == null) {
            throw new RuleViolation("INVALID_APPLICATION", "登记内容不能为空");
        }
        Map<String, Object> variables = new HashMap<>();
        for (var variable : ResettlementProcess.START_FIELDS) {
            Object value = form.get(variable.name());
            variables.put(variable.name(), value == null || value instanceof Number || value instanceof Boolean
                    ? value : value.toString());
        }
        ProcessInstance instance = runtime.startProcessInstanceByKey(ResettlementProcess.KEY, variables);
        Resettlement registered = resettlements.findByProcessInstance(instance.getId()).orElseThrow();
        return ResponseEntity.created(URI.create("/api/resettlement/registrations/" + registered.id())).body(registered);
    }

    @Operation(summary = "退役士兵报到登记（本人工作范围）")
    @GetMapping("/registrations")
    public List<Resettlement> list(@RequestParam(required = false) String township) {
        return resettlements.list(township).stream().filter(r -> currentUser.maySee(r.townshipCode())).toList();
    }

    @Operation(summary = "一名退役士兵的报到登记和安置")
    @GetMapping("/registrations/{id}")
    public Resettlement find(@PathVariable long id) {
        Resettlement r = resettlements.find(id).orElseThrow(() -> RuleViolation.notFound("退役士兵报到登记" + id));
        if (!currentUser.maySee(r.townshipCode())) {
            throw RuleViolation.notFound("退役士兵报到登记" + id);
        }
        return r;
    }
}
