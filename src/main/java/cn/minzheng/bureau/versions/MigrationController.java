package cn.minzheng.bureau.versions;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.minzheng.bureau.access.Groups;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.engine.EngineAuthentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The process manager's command to move running cases onto a new process version. */
@RestController
@RequestMapping("/api/admin/migrations")
@Tag(name = "流程版本迁移", description = "流程管理员将运行中的案件迁移到新版本流程")
public class MigrationController {

    private final InstanceMigration migration;
    private final IdentityService identityService;

    public MigrationController(InstanceMigration migration, IdentityService identityService) {
        this.migration = migration;
        this.identityService = identityService;
    }

    public record MigrationRequest(Integer fromVersion, Integer toVersion) {
    }

    @Operation(summary = "迁移运行中的流程实例",
            description = "把流程 processKey 第 fromVersion 版的全部运行中实例迁移到第 toVersion 版（省略则为最新版），"
                    + "同 id 的环节一一对应。仅流程管理员（process-manager）可用。")
    @PostMapping("/{processKey}")
    public InstanceMigration.Result migrate(@PathVariable String processKey, @RequestBody MigrationRequest request) {
        requireProcessManager();
        if (request == null) {
            throw new RuleViolation("MIGRATION_FROM_MISSING", "请填写要迁移的原版本号（fromVersion）");
        }
        return migration.migrate(processKey, request.fromVersion(), request.toVersion());
    }

    private void requireProcessManager() {
        if (!EngineAuthentication.groupIds(identityService).contains(Groups.PROCESS_MANAGER)) {
            throw new RuleViolation("PROCESS_MANAGER_ONLY", "只有流程管理员可以迁移流程实例", 403);
        }
    }
}
