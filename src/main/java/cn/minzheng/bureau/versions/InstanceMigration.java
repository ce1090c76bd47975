package cn.minzheng.bureau.versions;

import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import cn.minzheng.bureau.common.RuleViolation;

/**
 * Moves the running instances of one version of a process onto another with Camunda's migration
 * API: activities with the same id are mapped onto each other (tasks keep their assignee and
 * variables). Small sets migrate at once; larger ones as a batch that the job executor works off
 * (watch it in Cockpit under 批处理 / Batches). Runs as the calling user, so the engine checks
 * MIGRATE_INSTANCE on both versions.
 */
@Service
public class InstanceMigration {

    private final RepositoryService repositoryService;
    private final RuntimeService runtimeService;
    private final int synchronousLimit;

    public InstanceMigration(RepositoryService repositoryService, RuntimeService runtimeService,
                             @Value("${bureau.migration.synchronous-limit:200}") int synchronousLimit) {
        this.repositoryService = repositoryService;
        this.runtimeService = runtimeService;
        this.synchronousLimit = synchronousLimit;
    }

    public record Result(String processKey, int fromVersion, int toVersion, long instances, boolean asBatch, String batchId) {
    }

    public Result migrate(String processKey, Integer fromVersion, Integer toVersion) {
        if (fromVersion == null) {
            throw new RuleViolation("MIGRATION_FROM_MISSING", "请填写要迁移的原版本号（fromVersion）");
        }
        ProcessDefinition source = version(processKey, fromVersion);
        ProcessDefinition target = toVersion == null ? latest(processKey) : version(processKey, toVersion);
        if (source.getId().equals(target.getId())) {
            throw new RuleViolation("MIGRATION_SAME_VERSION", "原版本与目标版本相同（第" + source.getVersion() + "版），无需迁移");
        }
        MigrationPlan plan;
        try {
            plan = runtimeService.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities()
                    .updateEventTriggers().build();
        } catch (MigrationPlanValidationException e) {
            throw new RuleViolation("MIGRATION_PLAN_INVALID", "第" + source.getVersion() + "版无法迁移到第" + target.getVersion()
                    + "版：两版的环节不能一一对应，请在 Cockpit 中手工制定迁移方案（" + e.getMessage() + "）");
        }
        List<String> instances = runtimeService.createProcessInstanceQuery().processDefinitionId(source.getId())
                .list().stream().map(i -> i.getId()).toList();
        if (instances.isEmpty()) {
            return new Result(processKey, source.getVersion(), target.getVersion(), 0, false, null);
        }
        if (instances.size() <= synchronousLimit) {
            runtimeService.newMigration(plan).processInstanceIds(instances).execute();
            return new Result(processKey, source.getVersion(), target.getVersion(), instances.size(), false, null);
        }
        Batch batch = runtimeService.newMigration(plan).processInstanceIds(instances).executeAsync();
        return new Result(processKey, source.getVersion(), target.getVersion(), instances.size(), true, batch.getId());
    }

    private ProcessDefinition version(String processKey, int version) {
        if (version < 1) { // the engine's query refuses it with an exception of its own
            throw new RuleViolation("MIGRATION_VERSION_INVALID", "版本号应为从1开始的整数，收到：" + version);
        }
        ProcessDefinition definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(processKey)
                .processDefinitionVersion(version).singleResult();
        if (definition == null) {
            throw RuleViolation.notFound("流程" + processKey + "的第" + version + "版");
        }
        return definition;
    }

    private ProcessDefinition latest(String processKey) {
        ProcessDefinition definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(processKey)
                .latestVersion().singleResult();
        if (definition == null) {
            throw RuleViolation.notFound("流程" + processKey);
        }
        return definition;
    }
}
