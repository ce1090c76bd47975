package cn.minzheng.bureau.dibao.application;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.form.handler.DefaultStartFormHandler;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The 低保 start form's submission: the fields that 登记申请 stores in the tables and then removes from the
 * process ({@link StartFormVariables#NAMES}: members with their full ID numbers and incomes, address, bank
 * account, …) arrive as transient variables, so they are never written to the engine's tables. Submitted as
 * ordinary variables they stayed in ACT_HI_VARINST and ACT_HI_DETAIL (and their byte arrays) until history
 * cleanup, although the process dropped them at once and its forms show masked copies only. The fields the
 * process keeps (township, category, related staff) stay ordinary variables.
 * <p>
 * Named on the start event ({@code camunda:formHandlerClass}); the engine instantiates it and it keeps
 * everything else of the default handler, {@code camunda:formRef} included.
 */
public class ApplicationStartFormHandler extends DefaultStartFormHandler {

    @Override
    public void submitFormVariables(VariableMap properties, VariableScope variableScope) {
        VariableMap submitted = Variables.createVariables();
        for (String name : properties.keySet()) {
            TypedValue value = properties.getValueTyped(name);
            submitted.putValueTyped(name, StartFormVariables.NAMES.contains(name) ? asTransient(value) : value);
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
