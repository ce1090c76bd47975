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
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

import cn.minzheng.bureau.access.CurrentUser;
import cn.minzheng.bureau.common.RuleViolation;

/**
 * 优抚对象变更 over /api: an application starts youfu-change with the start form's fields (the same validation as
 * Tasklist's start form, in the process's first step); a registration's dated history of changes.
 */
@RestController
@RequestMapping("/api/youfu")
public class YoufuChangeController {

    private final YoufuChangeRepository changes;
    private final YoufuRepository recipients;
    private final RuntimeService runtime;
    private final CurrentUser currentUser;

    public YoufuChangeController(YoufuChangeRepository changes, YoufuRepository recipients, RuntimeService runtime,
                                 CurrentUser currentUser) {
        this.changes = changes;
        this.recipients = recipients;
        this.runtime = runtime;
        this.currentUser = currentUser;
    }

    @Operation(summary = "申请优抚对象变更（伤残等级调整、类别变更或迁出本区）")
    @PostMapping("/changes")
    @Transactional
    public ResponseEntity<YoufuChange> apply(@RequestBody(required = false) Map<String, Object> form) {
        if (form == null) {
            throw new RuleViolation("INVALID_APPLICATION", "变更申请内容不能为空");
        }
        Map<String, Object> variables = new HashMap<>();
        for (var variable : List.of(YoufuProcess.ID_NUMBER, YoufuChangeProcess.CHANGE_KIND,
                YoufuChangeProcess.CHANGE_REASON, YoufuProcess.CATEGORY, YoufuProcess.CERTIFICATE_NUMBER,
                YoufuProcess.DISABILITY_GRADE, YoufuProcess.DISABILITY_CAUSE, YoufuProcess.ASSESSED_DATE,
                YoufuProcess.DECEASED_NAME, YoufuProcess.DEATH_DATE, YoufuProcess.ENLISTMENT_DATE,
                YoufuProcess.DISCHARGE_DATE, YoufuChangeProcess.MOVED_ON, YoufuChangeProcess.DESTINATION)) {
            Object value = form.get(variable.name());
            variables.put(variable.name(), value == null || value instanceof Number ? value : value.toString());
        }
        ProcessInstance instance = runtime.startProcessInstanceByKey(YoufuChangeProcess.KEY, variables);
        YoufuChange applied = changes.findByProcessInstance(instance.getId()).orElseThrow();
        return ResponseEntity.created(URI.create("/api/youfu/changes/" + applied.id())).body(applied);
    }

    @Operation(summary = "一项优抚对象变更申请")
    @GetMapping("/changes/{id}")
    public YoufuChange find(@PathVariable long id) {
        YoufuChange c = changes.find(id).orElseThrow(() -> RuleViolation.notFound("优抚对象变更申请" + id));
        visibleRecipient(c.recipientId());
        return c;
    }

    @Operation(summary = "一名优抚对象的变更记录（按时间）")
    @GetMapping("/recipients/{id}/changes")
    public List<YoufuChange> ofRecipient(@PathVariable long id) {
        visibleRecipient(id);
        return changes.ofRecipient(id);
    }

    private void visibleRecipient(long id) {
        YoufuRecipient r = recipients.find(id).orElseThrow(() -> RuleViolation.notFound("优抚对象登记" + id));
        if (!currentUser.maySee(r.townshipCode())) {
            throw RuleViolation.notFound("优抚对象登记" + id);
        }
    }
}
