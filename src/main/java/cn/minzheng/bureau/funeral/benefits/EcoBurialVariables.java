package cn.minzheng.bureau.funeral.benefits;

import java.util.Collection;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.engine.ProcessVariable;
import cn.minzheng.bureau.engine.VariableDeclarations;

/** The variables of funeral-eco-burial-reward.bpmn: the copies shown by its forms stay out of the history. */
@Component
public class EcoBurialVariables implements VariableDeclarations {

    @Override
    public String processKey() {
        return EcoBurialProcess.KEY;
    }

    @Override
    public Collection<ProcessVariable<?>> variables() {
        return EcoBurialProcess.VARIABLES;
    }
}
