package cn.minzheng.bureau.engine;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Adds each {@link EveryUserTaskListener} to every user task as the engine reads a process, older versions included. */
@Component
public class EveryUserTaskListenersPlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<EveryUserTaskListener> listeners;
    private volatile List<EveryUserTaskListener> found;

    /** The listeners are looked up when the first process is read, so that they may use the engine's beans. */
    public EveryUserTaskListenersPlugin(ObjectProvider<EveryUserTaskListener> listeners) {
        this.listeners = listeners;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(parseListener());
    }

    BpmnParseListener parseListener() {
        return new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                var task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                for (EveryUserTaskListener listener : listeners()) {
                    task.addBuiltInTaskListener(listener.event(), listener);
                }
            }
        };
    }

    private List<EveryUserTaskListener> listeners() {
        if (found == null) {
            found = listeners.orderedStream().toList();
        }
        return found;
    }
}
