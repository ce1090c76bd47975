package cn.minzheng.bureau.dibao.report;

import java.util.Collection;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.engine.ProcessVariable;
import cn.minzheng.bureau.engine.VariableDeclarations;

/** The variables of a report (举报) ({@link ReportProcess}); its copies of table data stay out of the history. */
@Component
public class ReportVariables implements VariableDeclarations {

    @Override
    public String processKey() {
        return ReportProcess.KEY;
    }

    @Override
    public Collection<ProcessVariable<?>> variables() {
        return ReportProcess.VARIABLES;
    }
}
