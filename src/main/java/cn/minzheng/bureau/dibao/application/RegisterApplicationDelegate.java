package cn.minzheng.bureau.dibao.application;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.dibao.DibaoCaseRepository;
import cn.minzheng.bureau.dibao.application.DibaoApplicationService.Registration;

/**
 * 登记申请: an application started from Tasklist's start form is validated and stored here, in the
 * transaction that starts the process, so bad input leaves neither a process nor a row behind.
 * An application submitted through the REST API arrives already registered with its caseId.
 */
@Component("registerApplication")
public class RegisterApplicationDelegate implements JavaDelegate {

    private final DibaoApplicationService applications;
    private final DibaoCaseRepository cases;
    private final CaseVariables caseVariables;

    public RegisterApplicationDelegate(DibaoApplicationService applications, DibaoCaseRepository cases,
                                       CaseVariables caseVariables) {
        this.applications = applications;
        this.cases = cases;
        this.caseVariables = caseVariables;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object caseId = execution.getVariable(DibaoApplicationProcess.VAR_CASE_ID);
        if (caseId != null) {
            caseVariables.publish(execution, cases.find(((Number) caseId).longValue()).orElseThrow());
            return;
        }
        DibaoApplicationForm form = StartFormVariables.read(execution.getVariables());
        Registration registration = applications.registration(form, startedBy(execution), execution.getProcessInstanceId());
        DibaoCase registered = registration.dibaoCase();
        execution.setProcessBusinessKey(registered.caseNumber());
        execution.removeVariables(StartFormVariables.NAMES);
        execution.setVariable(DibaoApplicationProcess.VAR_CASE_ID, registered.id());
        caseVariables.publish(execution, registered, registration.household());
    }

    private static String startedBy(DelegateExecution execution) {
        Authentication authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }
}
