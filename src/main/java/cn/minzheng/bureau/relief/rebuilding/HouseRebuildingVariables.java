package cn.minzheng.bureau.relief.rebuilding;

import java.util.Collection;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.engine.ProcessVariable;
import cn.minzheng.bureau.engine.VariableDeclarations;

/** The variables of house-rebuilding.bpmn ({@link HouseRebuildingProcess}): its copies stay out of the history. */
@Component
public class HouseRebuildingVariables implements VariableDeclarations {

    @Override
    public String processKey() {
        return HouseRebuildingProcess.KEY;
    }

    @Override
    public Collection<ProcessVariable<?>> variables() {
        return HouseRebuildingProcess.VARIABLES;
    }
}
