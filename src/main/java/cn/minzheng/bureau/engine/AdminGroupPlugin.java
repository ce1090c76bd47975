package cn.minzheng.bureau.engine;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Keeps the bureau's administrators' group ({@code access/Groups.ADMIN}, stored in every installation's
 * database) one of the engine's admin groups on either engine: Camunda 7 counts {@code camunda-admin} by
 * default, Operaton only {@code operaton-admin} (docs/engine-continuity.md). Admin groups may run the
 * operations the engine reserves for administrators (history cleanup, engine metrics, database tables).
 */
@Component
public class AdminGroupPlugin extends AbstractProcessEnginePlugin {

    static final String ADMIN_GROUP = "camunda-admin";

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        List<String> groups = new ArrayList<>(configuration.getAdminGroups() == null ? List.of() : configuration.getAdminGroups());
        if (!groups.contains(ADMIN_GROUP)) {
            groups.add(ADMIN_GROUP);
            configuration.setAdminGroups(groups);
        }
    }
}
