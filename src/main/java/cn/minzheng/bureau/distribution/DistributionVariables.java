package cn.minzheng.bureau.distribution;

import java.util.Collection;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.engine.ProcessVariable;
import cn.minzheng.bureau.engine.VariableDeclarations;

/** The variables of group-distribution.bpmn ({@link DistributionProcess}): its copies stay out of the history. */
@Component
public class DistributionVariables implements VariableDeclarations {

    @Override
    public String processKey() {
        return DistributionProcess.KEY;
    }

    @Override
    public Collection<ProcessVariable<?>> variables() {
        return DistributionProcess.VARIABLES;
    }
}
