package cn.minzheng.bureau.gaoling;

import java.util.Collection;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.engine.ProcessVariable;
import cn.minzheng.bureau.engine.VariableDeclarations;

/** The variables of gaoling-monthly-proposal.bpmn: what the form shows besides the people are copies. */
@Component
public class GaolingProposalVariables implements VariableDeclarations {

    @Override
    public String processKey() {
        return GaolingProposalProcess.KEY;
    }

    @Override
    public Collection<ProcessVariable<?>> variables() {
        return GaolingProposalProcess.VARIABLES;
    }
}
