package cn.minzheng.bureau.statistics;

import java.util.Collection;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.engine.ProcessVariable;
import cn.minzheng.bureau.engine.VariableDeclarations;

/** The variables of statistics-monthly-return.bpmn: the copies of the version's figures stay out of the history. */
@Component
public class MonthlyReturnVariables implements VariableDeclarations {

    @Override
    public String processKey() {
        return MonthlyReturnProcess.KEY;
    }

    @Override
    public Collection<ProcessVariable<?>> variables() {
        return MonthlyReturnProcess.VARIABLES;
    }
}
