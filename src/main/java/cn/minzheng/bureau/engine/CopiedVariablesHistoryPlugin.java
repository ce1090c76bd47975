package cn.minzheng.bureau.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes the engine's history as usual (level full), except the history of the variables each process declares as copies ({@link VariableDeclarations}): no
 * historic variable row and no detail row for a copy of table data. At full history every copy cost two
 * rows more per value set (ACT_HI_VARINST, ACT_HI_DETAIL), kept for the history's time to live, duplicating
 * what the tables and the audit trail keep anyway — for a 低保 application some fifteen copies, among them
 * the household summary with the members' names. The copies stay ordinary runtime variables, so forms and
 * task lists show them as before. Every other variable, and every other history event, is written unchanged.
 */
@Component
public class CopiedVariablesHistoryPlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<VariableDeclarations> declarations;
    private volatile Map<String, Set<String>> copiesByProcess = Map.of();

    public CopiedVariablesHistoryPlugin(ObjectProvider<VariableDeclarations> declarations) {
        this.declarations = declarations;
    }

    /**
     * The declarations are the features' own beans, which need the engine; they are collected once the
     * application context is complete (nothing runs a process before that).
     */
    @EventListener(ContextRefreshedEvent.class)
    public void collectDeclarations() {
        Map<String, Set<String>> copies = new HashMap<>();
        declarations.orderedStream().forEach(declaration ->
                copies.computeIfAbsent(declaration.processKey(), p -> new HashSet<>()).addAll(declaration.copies()));
        copiesByProcess = copies;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryEventHandler> handlers = new ArrayList<>();
        handlers.add(new WithoutCopies(new DbHistoryEventHandler()));
        if (configuration.getCustomHistoryEventHandlers() != null) {
            handlers.addAll(configuration.getCustomHistoryEventHandlers());
        }
        // the filtered database handler replaces the engine's own, which would write every event
        configuration.setEnableDefaultDbHistoryEventHandler(false);
        configuration.setCustomHistoryEventHandlers(handlers);
    }

    boolean isCopy(HistoryEvent event) {
        return event instanceof HistoricVariableUpdateEventEntity variable
                && copiesByProcess.getOrDefault(variable.getProcessDefinitionKey(), Set.of()).contains(variable.getVariableName());
    }

    private final class WithoutCopies implements HistoryEventHandler {

        private final HistoryEventHandler database;

        WithoutCopies(HistoryEventHandler database) {
            this.database = database;
        }

        @Override
        public void handleEvent(HistoryEvent event) {
            if (!isCopy(event)) {
                database.handleEvent(event);
            }
        }

        @Override
        public void handleEvents(List<HistoryEvent> events) {
            events.forEach(this::handleEvent);
        }
    }
}
