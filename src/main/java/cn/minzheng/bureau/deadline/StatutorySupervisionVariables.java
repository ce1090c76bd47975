package cn.minzheng.bureau.deadline;

import java.util.Collection;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.engine.ProcessVariable;
import cn.minzheng.bureau.engine.VariableDeclarations;

/** The variables of statutory-supervision, as {@link StatutorySupervisionProcess} declares them. */
@Component
public class StatutorySupervisionVariables implements VariableDeclarations {

    @Override
    public String processKey() {
        return StatutorySupervisionProcess.KEY;
    }

    @Override
    public Collection<ProcessVariable<?>> variables() {
        return StatutorySupervisionProcess.VARIABLES;
    }
}
