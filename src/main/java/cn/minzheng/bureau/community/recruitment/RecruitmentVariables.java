package cn.minzheng.bureau.community.recruitment;

import java.util.Collection;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.engine.ProcessVariable;
import cn.minzheng.bureau.engine.VariableDeclarations;

/** The variables of community-worker-recruitment.bpmn: the copies of the round's rows stay out of the history. */
@Component
public class RecruitmentVariables implements VariableDeclarations {

    @Override
    public String processKey() {
        return RecruitmentProcess.KEY;
    }

    @Override
    public Collection<ProcessVariable<?>> variables() {
        return RecruitmentProcess.VARIABLES;
    }
}
