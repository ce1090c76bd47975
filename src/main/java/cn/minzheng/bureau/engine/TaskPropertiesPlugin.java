package cn.minzheng.bureau.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Applies the task extension properties ({@code <camunda:properties>} inside a user task's
 * {@code <bpmn:extensionElements>}, as Camunda Modeler writes them) when the engine reads a process: each
 * property's {@link TaskPropertyHandler} adds its listeners to the task, before or after the listeners modelled
 * on the task for the same event. A property no handler knows fails the deployment: a misspelt {@code fourEyes}
 * must not silently drop a check.
 * <p>
 * The listeners are ordinary (custom) task listeners, exactly as if the model listed them: skipped where the
 * engine skips custom listeners, run in the order described.
 */
@Component
public class TaskPropertiesPlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<TaskPropertyHandler> handlers;
    private volatile Map<String, TaskPropertyHandler> byProperty;

    /** The handlers are looked up when the first process is read, so that they may use the engine's beans. */
    public TaskPropertiesPlugin(ObjectProvider<TaskPropertyHandler> handlers) {
        this.handlers = handlers;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // before the other parse listeners, which may add listeners of their own (Spring's event publisher):
        // these are placed around the modelled listeners only, as if written in the model
        if (configuration.getCustomPreBPMNParseListeners() == null) {
            configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPreBPMNParseListeners().add(parseListener());
    }

    BpmnParseListener parseListener() {
        return new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                Map<String, String> properties = properties(userTaskElement);
                if (!properties.isEmpty()) {
                    TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                    addListeners(activity.getId(), properties, task);
                }
            }
        };
    }

    /** The task's {@code camunda:property} names and values, in the model's order. */
    static Map<String, String> properties(Element element) {
        Map<String, String> properties = new LinkedHashMap<>();
        Element extensions = element.element("extensionElements");
        if (extensions == null) {
            return properties;
        }
        for (Element list : extensions.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties")) {
            for (Element property : list.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property")) {
                properties.put(property.attribute("name"), property.attribute("value"));
            }
        }
        return properties;
    }

    private void addListeners(String activityId, Map<String, String> properties, TaskDefinition task) {
        Map<String, List<TaskListener>> before = new LinkedHashMap<>();
        Map<String, List<TaskListener>> after = new LinkedHashMap<>();
        properties.forEach((property, value) -> {
            TaskPropertyHandler handler = handlers().get(property);
            if (handler == null) {
                throw new ProcessEngineException("user task '" + activityId + "' has the property '" + property
                        + "', which nothing applies (known: " + handlers().keySet() + ")");
            }
            for (TaskPropertyHandler.Listener listener : handler.listeners(property, value)) {
                (listener.beforeModelled() ? before : after)
                        .computeIfAbsent(listener.event(), e -> new ArrayList<>()).add(listener.listener());
            }
        });
        List<String> events = new ArrayList<>(before.keySet());
        after.keySet().stream().filter(event -> !before.containsKey(event)).forEach(events::add);
        for (String event : events) {
            List<TaskListener> modelled = task.getTaskListeners().remove(event);
            List<TaskListener> all = new ArrayList<>(before.getOrDefault(event, List.of()));
            if (modelled != null) {
                all.addAll(modelled);
            }
            all.addAll(after.getOrDefault(event, List.of()));
            // added one by one, as the engine's parser does, so that the definition's merged view is rebuilt
            all.forEach(listener -> task.addTaskListener(event, listener));
        }
    }

    private Map<String, TaskPropertyHandler> handlers() {
        Map<String, TaskPropertyHandler> known = byProperty;
        if (known == null) {
            Map<String, TaskPropertyHandler> collected = new HashMap<>();
            handlers.orderedStream().forEach(handler -> handler.propertyNames().forEach(name -> {
                TaskPropertyHandler other = collected.putIfAbsent(name, handler);
                if (other != null) {
                    throw new IllegalStateException("task property '" + name + "' is applied by both "
                            + other.getClass().getName() + " and " + handler.getClass().getName());
                }
            }));
            known = Map.copyOf(collected);
            byProperty = known;
        }
        return known;
    }
}
