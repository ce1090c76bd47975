package cn.minzheng.bureau.youfu;

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
 * 优抚对象 over /api: a registration starts youfu-recognition with the start form's fields (the same validation as
 * Tasklist's start form, in the process's first step); the register of the user's area.
 */
@RestController
@RequestMapping("/api/youfu")
public class YoufuController {

    private final YoufuRepository recipients;
    private final RuntimeService runtime;
    private final CurrentUser currentUser;

    public YoufuController(YoufuRepository recipients, RuntimeService runtime,
                           CurrentUser currentUser) {
        this.recipients = recipients;
        this.runtime = runtime;
        this.currentUser = currentUser;
    }

    @Operation(summary = "登记优抚对象（认定申请，附证件和日期）")
    @PostMapping("/recipients")
    @Transactional
    public ResponseEntity<YoufuRecipient> register(@RequestBody(required = false) Map<String, Object> form) {
        if (form == null) {
            throw new RuleViolation("INVALID_APPLICATION", "登记内容不能为空");
        }
        Map<String, Object> variables = new HashMap<>();
        for (var variable : List.of(YoufuProcess.ID_NUMBER, YoufuProcess.CATEGORY, YoufuProcess.CERTIFICATE_NUMBER,
                YoufuProcess.DISABILITY_GRADE, YoufuProcess.DISABILITY_CAUSE, YoufuProcess.ASSESSED_DATE,
                YoufuProcess.DECEASED_NAME, YoufuProcess.DEATH_DATE, YoufuProcess.ENLISTMENT_DATE,
                YoufuProcess.DISCHARGE_DATE)) {
            Object value = form.get(variable.name());
            variables.put(variable.name(), value == null || value instanceof Number ? value : value.toString());
        }
        ProcessInstance instance = runtime.startProcessInstanceByKey(YoufuProcess.KEY, variables);
        YoufuRecipient registered = recipients.findByProcessInstance(instance.getId()).orElseThrow();
        return ResponseEntity.created(URI.create("/api/youfu/recipients/" + registered.id())).body(registered);
    }

    @Operation(summary = "优抚对象名册（本人工作范围）")
    @GetMapping("/recipients")
    public List<YoufuRecipient> list(@RequestParam(required = false) String township) {
        return recipients.list(township).stream().filter(r -> currentUser.maySee(r.townshipCode())).toList();
    }

    @Operation(summary = "一名优抚对象")
    @GetMapping("/recipients/{id}")
    public YoufuRecipient find(@PathVariable long id) {
        YoufuRecipient r = recipients.find(id).orElseThrow(() -> RuleViolation.notFound("优抚对象登记" + id));
        if (!currentUser.maySee(r.townshipCode())) {
            throw RuleViolation.notFound("优抚对象登记" + id);
        }
        return r;
    }
}
