package cn.minzheng.bureau.engine;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * The engine's users read whoever asks: a name is shown to colleagues who may not list users themselves (a
 * township clerk reading who reviewed a case). Each read runs in the caller's engine command where there is one,
 * without the caller's authorizations.
 */
public final class UserDirectory {

    private UserDirectory() {
    }

    /** The user record, or null when there is no such user. */
    public static User find(ProcessEngineConfiguration engine, String userId) {
        return ((ProcessEngineConfigurationImpl) engine).getCommandExecutorTxRequired().execute(context ->
                context.runWithoutAuthorization(() -> context.getReadOnlyIdentityProvider().findUserById(userId)));
    }

    /** The members of a group, ordered by user id. */
    public static List<User> membersOf(ProcessEngineConfiguration engine, String groupId) {
        return ((ProcessEngineConfigurationImpl) engine).getCommandExecutorTxRequired().execute(context ->
                context.runWithoutAuthorization(() -> context.getReadOnlyIdentityProvider().createUserQuery(context)
                        .memberOfGroup(groupId).orderByUserId().asc().list()));
    }
}
