package cn.minzheng.bureau.dibao.application;

import java.util.Collection;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.engine.ProcessVariable;
import cn.minzheng.bureau.engine.VariableDeclarations;

/**
 * The variables of the 低保 application ({@link DibaoApplicationProcess}). Its copies — the case's facts, the
 * survey's summary, the calculation (as saved on the case), the decisions so far, the reviewer's name, the end of
 * the public notice and the standard table's result — are kept out of the history: the survey, the case row with
 * its calculation snapshot, the decisions, the audit trail and the decision history are the record.
 */
@Component
public class DibaoApplicationVariables implements VariableDeclarations {

    @Override
    public String processKey() {
        return DibaoApplicationProcess.KEY;
    }

    @Override
    public Collection<ProcessVariable<?>> variables() {
        return DibaoApplicationProcess.VARIABLES;
    }
}
