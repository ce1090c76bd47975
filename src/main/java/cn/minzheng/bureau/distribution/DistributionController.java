package cn.minzheng.bureau.distribution;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.minzheng.bureau.access.CurrentUser;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.distribution.DistributionRepository.Distribution;
import cn.minzheng.bureau.distribution.DistributionRepository.Recipient;
import cn.minzheng.bureau.distribution.DistributionRepository.SignOff;
import cn.minzheng.bureau.engine.ProcessVariable;
import io.swagger.v3.oas.annotations.Operation;

/**
 * 慰问 and in-kind distributions over /api: a distribution starts group-distribution with the start form's fields (the
 * same rules as Tasklist's start form, in the process's first step); a distribution with its list and sign-offs, as
 * far as the user's area goes.
 */
@RestController
@RequestMapping("/api/distributions")
public class DistributionController {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DistributionRepository distributions;
    private final RuntimeService runtime;
    private final CurrentUser currentUser;

    public DistributionController(DistributionRepository distributions, RuntimeService runtime, CurrentUser currentUser) {
        this.distributions = distributions;
        this.runtime = runtime;
        this.currentUser = currentUser;
    }

    /** A distribution with the part of its list and sign-offs the user may see. */
    public record DistributionWithList(Distribution distribution, List<Recipient> recipients, List<SignOff> signOffs) {
    }

    @Operation(summary = "新建慰问（物资）发放：按救助项目和乡镇（街道）确定对象，冻结名单，交各乡镇（街道）签领")
    @PostMapping
    @Transactional
    public ResponseEntity<DistributionWithList> create(@RequestBody(required = false) Map<String, Object> form)
            throws JsonProcessingException {
        if (form == null) {
            throw new RuleViolation("INVALID_REQUEST", "发放内容不能为空");
        }
        Map<String, Object> variables = new HashMap<>();
        for (ProcessVariable<?> v : DistributionProcess.START_FIELDS) {
            Object value = form.get(v.name());
            variables.put(v.name(), value instanceof List<?> list ? SpinValues.jsonValue(JSON.writeValueAsString(list)).create()
                    : value == null ? null : value.toString());
        }
        ProcessInstance instance = runtime.startProcessInstanceByKey(DistributionProcess.KEY, variables);
        long id = distributions.ofProcess(instance.getId()).orElseThrow().id();
        return ResponseEntity.created(URI.create("/api/distributions/" + id)).body(get(id));
    }

    @Operation(summary = "慰问（物资）发放列表")
    @GetMapping
    public List<Distribution> list() {
        currentUser.id();
        return distributions.all();
    }

    @Operation(summary = "一次发放的名单和各乡镇（街道）签领情况（本人工作范围）")
    @GetMapping("/{id}")
    public DistributionWithList get(@PathVariable long id) {
        return new DistributionWithList(distributions.find(id),
                distributions.recipients(id).stream().filter(r -> currentUser.maySee(r.townshipCode())).toList(),
                distributions.signOffs(id).stream().filter(s -> currentUser.maySee(s.townshipCode())).toList());
    }
}
