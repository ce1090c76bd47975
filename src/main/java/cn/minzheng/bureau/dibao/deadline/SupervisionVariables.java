package cn.minzheng.bureau.dibao.deadline;

import java.util.Collection;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.engine.ProcessVariable;
import cn.minzheng.bureau.engine.VariableDeclarations;

/** The variables of dibao-supervision, as {@link SupervisionProcess} declares them. */
@Component
public class SupervisionVariables implements VariableDeclarations {

    @Override
    public String processKey() {
        return SupervisionProcess.KEY;
    }

    @Override
    public Collection<ProcessVariable<?>> variables() {
        return SupervisionProcess.VARIABLES;
    }
}
