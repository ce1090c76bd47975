package cn.minzheng.bureau.residence;

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
 * 户籍迁出登记 over /api: starts household-move-out with the start form's fields (the same rules as Tasklist's start
 * form, in the process's step); the records of the user's township with what each program did.
 */
@RestController
@RequestMapping("/api/households/move-outs")
public class MoveOutController {

    private final MoveOutRepository moveOuts;
    private final RuntimeService runtime;
    private final CurrentUser currentUser;

    public MoveOutController(MoveOutRepository moveOuts, RuntimeService runtime, CurrentUser currentUser) {
        this.moveOuts = moveOuts;
        this.runtime = runtime;
        this.currentUser = currentUser;
    }

    @Operation(summary = "登记户籍迁出本区（终止本人的高龄津贴、特困供养、优抚等，低保家庭停保或复核）")
    @PostMapping
    @Transactional
    public ResponseEntity<MoveOut> record(@RequestBody(required = false) Map<String, Object> form) {
        if (form == null) {
            throw new RuleViolation("INVALID_REQUEST", "迁出登记内容不能为空");
        }
        Map<String, Object> variables = new HashMap<>();
        for (ProcessVariable<?> v : List.of(MoveOutProcess.ID_NUMBER, MoveOutProcess.MOVED_ON, MoveOutProcess.DESTINATION,
                MoveOutProcess.TRANSFER_REFERENCE)) {
            Object value = form.get(v.name());
            variables.put(v.name(), value == null ? null : value.toString());
        }
        ProcessInstance instance = runtime.startProcessInstanceByKey(MoveOutProcess.KEY, variables);
        MoveOut m = moveOuts.ofProcess(instance.getId()).orElseThrow();
        return ResponseEntity.created(URI.create("/api/households/move-outs/" + m.id())).body(m);
    }

    @Operation(summary = "户籍迁出登记列表（本人工作范围）")
    @GetMapping
    public List<MoveOut> list(@RequestParam(required = false) String township) {
        return moveOuts.list(township).stream().filter(m -> currentUser.maySee(m.townshipCode())).toList();
    }

    @Operation(summary = "一条户籍迁出登记及各救助项目的处理")
    @GetMapping("/{id}")
    public MoveOut get(@PathVariable long id) {
        return moveOuts.find(id).filter(m -> currentUser.maySee(m.townshipCode()))
                .orElseThrow(() -> RuleViolation.notFound("迁出登记" + id));
    }
}
