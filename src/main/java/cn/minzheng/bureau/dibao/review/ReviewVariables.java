package cn.minzheng.bureau.dibao.review;

import java.util.Collection;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.engine.ProcessVariable;
import cn.minzheng.bureau.engine.VariableDeclarations;

/** The variables of dibao-review, as {@link ReviewProcess} declares them (the case's and the survey's among them). */
@Component
public class ReviewVariables implements VariableDeclarations {

    @Override
    public String processKey() {
        return ReviewProcess.KEY;
    }

    @Override
    public Collection<ProcessVariable<?>> variables() {
        return ReviewProcess.VARIABLES;
    }
}
