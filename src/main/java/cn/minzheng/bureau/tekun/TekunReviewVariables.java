package cn.minzheng.bureau.tekun;

import java.util.Collection;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.engine.ProcessVariable;
import cn.minzheng.bureau.engine.VariableDeclarations;

/** The variables of tekun-annual-review.bpmn (特困人员年度复核). */
@Component
public class TekunReviewVariables implements VariableDeclarations {

    @Override
    public String processKey() {
        return TekunReviewProcess.KEY;
    }

    @Override
    public Collection<ProcessVariable<?>> variables() {
        return TekunReviewProcess.CAMPAIGN_VARIABLES;
    }
}
