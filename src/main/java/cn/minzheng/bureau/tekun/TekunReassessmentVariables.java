package cn.minzheng.bureau.tekun;

import java.util.Collection;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.engine.ProcessVariable;
import cn.minzheng.bureau.engine.VariableDeclarations;

/** The variables of tekun-reassessment.bpmn (特困人员年度复核（逐人）). */
@Component
public class TekunReassessmentVariables implements VariableDeclarations {

    @Override
    public String processKey() {
        return TekunReviewProcess.PERSON_KEY;
    }

    @Override
    public Collection<ProcessVariable<?>> variables() {
        return TekunReviewProcess.PERSON_VARIABLES;
    }
}
