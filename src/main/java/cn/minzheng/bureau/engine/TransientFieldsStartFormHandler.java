package cn.minzheng.bureau.engine;

import java.util.Set;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.form.handler.DefaultStartFormHandler;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * A start form whose named fields arrive as transient variables: the process reads them once (to store them in
 * the application's tables) and they are never written to the engine's runtime or history tables, nor as form
 * properties. Every other field, and everything else of the engine's default handler ({@code camunda:formRef}
 * included), is unchanged. A process names its subclass on the start event ({@code camunda:formHandlerClass});
 * the engine instantiates it.
 */
public abstract class TransientFieldsStartFormHandler extends DefaultStartFormHandler {

    /** The fields submitted as transient variables. */
    protected abstract Set<String> transientFields();

    @Override
    public void submitFormVariables(VariableMap properties, VariableScope variableScope) {
        Set<String> transientFields = transientFields();
        VariableMap submitted = Variables.createVariables();
        for (String name : properties.keySet()) {
            TypedValue value = properties.getValueTyped(name);
            submitted.putValueTyped(name, transientFields.contains(name) ? asTransient(value) : value);
        }
        super.submitFormVariables(submitted, variableScope);
    }

    /** The default also writes each text field into the history as a form property: not the transient ones. */
    @Override
    protected void fireFormPropertyHistoryEvents(VariableMap properties, VariableScope variableScope) {
        VariableMap kept = Variables.createVariables();
        properties.keySet().stream().filter(name -> !properties.getValueTyped(name).isTransient())
                .forEach(name -> kept.putValueTyped(name, properties.getValueTyped(name)));
        super.fireFormPropertyHistoryEvents(kept, variableScope);
    }

    /** Typed (the Java API, REST with a type) or untyped (REST without one). */
    static TypedValue asTransient(TypedValue value) {
        TypedValue marked = Variables.untypedValue(value, true);
        return marked.isTransient() ? marked : Variables.untypedValue(value.getValue(), true);
    }
}
