package cn.minzheng.bureau.engine;

import java.util.ArrayList;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A user's completion of a task that lost a race is run once more. Two townships' clerks finishing their tasks of
 * one campaign (a parallel multi-instance) at the same moment both update the campaign's counters; the engine keeps
 * the first and rolls the second back whole with an optimistic-locking failure, which Camunda's documentation answers
 * with "retry". The job executor retries its jobs itself; a user's submission has nobody to retry it but the user,
 * so the engine runs it again here, in a new transaction, with every check and listener again, as the user sending
 * it a second time would. Only a completion that started its own transaction is run again: one inside a caller's
 * transaction (a nested command, a service of ours) fails with that transaction, as before. A completion that loses
 * again is answered in Chinese by the web layer (409, send it again).
 */
@Component
public class CompletionRetryPlugin extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(CompletionRetryPlugin.class);

    private volatile int retries;

    public CompletionRetryPlugin(@Value("${bureau.engine.completion-retries:1}") int retries) {
        this.retries = retries;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
            configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
        }
        configuration.getCustomPreCommandInterceptorsTxRequired().add(new Retrying());
    }

    /** How many times a completion that lost a race is run again (0: never). */
    public void setRetries(int retries) {
        this.retries = retries;
    }

    private static boolean isCompletion(Command<?> command) {
        return command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd;
    }

    private static boolean startsItsOwnTransaction() {
        return Context.getCommandContext() == null && !TransactionSynchronizationManager.isActualTransactionActive();
    }

    private class Retrying extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            if (!isCompletion(command) || !startsItsOwnTransaction()) {
                return next.execute(command);
            }
            for (int attempt = 0; ; attempt++) {
                try {
                    return next.execute(command);
                } catch (OptimisticLockingException lost) {
                    if (attempt >= retries) {
                        throw lost;
                    }
                    log.info("a task's completion lost a race with another change of its process, running it again: {}",
                            lost.getMessage());
                }
            }
        }
    }
}
