package cn.minzheng.bureau.dibao.recovery;

import java.util.Collection;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.engine.ProcessVariable;
import cn.minzheng.bureau.engine.VariableDeclarations;

/** The variables of an overpayment recovery ({@link RecoveryProcess}); its copies of table data stay out of the history. */
@Component
public class RecoveryVariables implements VariableDeclarations {

    @Override
    public String processKey() {
        return RecoveryProcess.KEY;
    }

    @Override
    public Collection<ProcessVariable<?>> variables() {
        return RecoveryProcess.VARIABLES;
    }
}
