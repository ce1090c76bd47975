package cn.minzheng.bureau.engine;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A process's declared variables, as one bean per process (usually beside its {@code XProcess} class): which it
 * keeps and which only copy table data for the forms. {@link CopiedVariablesHistoryPlugin} keeps the copies out
 * of the engine's history.
 */
public interface VariableDeclarations {

    String processKey();

    Collection<ProcessVariable<?>> variables();

    default Set<String> copies() {
        return variables().stream().filter(ProcessVariable::isCopy).map(ProcessVariable::name)
                .collect(Collectors.toUnmodifiableSet());
    }
}
