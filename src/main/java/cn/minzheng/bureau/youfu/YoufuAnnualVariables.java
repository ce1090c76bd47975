package cn.minzheng.bureau.youfu;

import java.util.Collection;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.engine.ProcessVariable;
import cn.minzheng.bureau.engine.VariableDeclarations;

/** The variables of youfu-annual-review.bpmn. */
@Component
public class YoufuAnnualVariables implements VariableDeclarations {

    @Override
    public String processKey() {
        return YoufuAnnualProcess.KEY;
    }

    @Override
    public Collection<ProcessVariable<?>> variables() {
        return YoufuAnnualProcess.VARIABLES;
    }
}
