package cn.minzheng.bureau.payroll;

import java.util.Collection;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.engine.ProcessVariable;
import cn.minzheng.bureau.engine.VariableDeclarations;

/** The variables of dibao-payroll, as {@link PayrollProcess} declares them: what the forms show are copies. */
@Component
public class PayrollVariables implements VariableDeclarations {

    @Override
    public String processKey() {
        return PayrollProcess.KEY;
    }

    @Override
    public Collection<ProcessVariable<?>> variables() {
        return PayrollProcess.VARIABLES;
    }
}
