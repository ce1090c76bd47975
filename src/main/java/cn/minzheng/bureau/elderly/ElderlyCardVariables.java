package cn.minzheng.bureau.elderly;

import java.util.Collection;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.engine.ProcessVariable;
import cn.minzheng.bureau.engine.VariableDeclarations;

/** The variables of elderly-card.bpmn: the copies of the application's row stay out of the history. */
@Component
public class ElderlyCardVariables implements VariableDeclarations {

    @Override
    public String processKey() {
        return ElderlyCardProcess.KEY;
    }

    @Override
    public Collection<ProcessVariable<?>> variables() {
        return ElderlyCardProcess.VARIABLES;
    }
}
