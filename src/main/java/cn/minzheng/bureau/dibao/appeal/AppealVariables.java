package cn.minzheng.bureau.dibao.appeal;

import java.util.Collection;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.engine.ProcessVariable;
import cn.minzheng.bureau.engine.VariableDeclarations;

/** The variables of the appeal ({@link AppealProcess}); its copies of table data stay out of the history. */
@Component
public class AppealVariables implements VariableDeclarations {

    @Override
    public String processKey() {
        return AppealProcess.KEY;
    }

    @Override
    public Collection<ProcessVariable<?>> variables() {
        return AppealProcess.VARIABLES;
    }
}
