package cn.minzheng.bureau.dibao.review;

import java.util.Collection;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.dibao.application.CaseVariables;
import cn.minzheng.bureau.engine.ProcessVariable;
import cn.minzheng.bureau.engine.VariableDeclarations;

/** The variables of dibao-review: {@link ReviewProcess}'s, and the case's facts its forms show ({@link CaseVariables}). */
@Component
public class ReviewVariables implements VariableDeclarations {

    @Override
    public String processKey() {
        return ReviewProcess.KEY;
    }

    @Override
    public Collection<ProcessVariable<?>> variables() {
        return Stream.concat(ReviewProcess.VARIABLES.stream(),
                CaseVariables.COPIES.stream().map(name -> ProcessVariable.copy(name, Object.class))).toList();
    }
}
