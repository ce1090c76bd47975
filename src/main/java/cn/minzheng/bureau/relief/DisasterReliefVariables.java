package cn.minzheng.bureau.relief;

import java.util.Collection;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.engine.ProcessVariable;
import cn.minzheng.bureau.engine.VariableDeclarations;

/** The variables of disaster-relief.bpmn ({@link DisasterReliefProcess}): its copies stay out of the history. */
@Component
public class DisasterReliefVariables implements VariableDeclarations {

    @Override
    public String processKey() {
        return DisasterReliefProcess.KEY;
    }

    @Override
    public Collection<ProcessVariable<?>> variables() {
        return DisasterReliefProcess.VARIABLES;
    }
}
