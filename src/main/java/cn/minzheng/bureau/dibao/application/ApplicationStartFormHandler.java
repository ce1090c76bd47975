package cn.minzheng.bureau.dibao.application;

import java.util.Set;

import cn.minzheng.bureau.engine.TransientFieldsStartFormHandler;

/**
 * The 低保 start form's submission: the fields that 登记申请 stores in the tables and then removes from the
 * process ({@link StartFormVariables#NAMES}: members with their full ID numbers and incomes, address, bank
 * account, …) arrive as transient variables, so they are never written to the engine's tables. Submitted as
 * ordinary variables they stayed in ACT_HI_VARINST and ACT_HI_DETAIL (and their byte arrays) until history
 * cleanup, although the process dropped them at once and its forms show masked copies only. The fields the
 * process keeps (township, category, related staff) stay ordinary variables.
 * <p>
 * Named on the start event ({@code camunda:formHandlerClass}).
 */
public class ApplicationStartFormHandler extends TransientFieldsStartFormHandler {

    @Override
    protected Set<String> transientFields() {
        return Set.copyOf(StartFormVariables.NAMES);
    }
}
