package cn.minzheng.bureau.demo;

import static cn.minzheng.bureau.organisation.OrganisationRegistrationProcess.*;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 民间组织 in the demo: two organisations registered and on the public register, one application waiting for the
 * section's review (orgclerk) and one waiting for the head's approval (orghead).
 */
@Component
public class DemoOrganisations {

    static final String FIRST = "中原区摄影家协会";

    private final DibaoWalker walker;
    private final FormService formService;
    private final TaskService taskService;
    private final RepositoryService repositoryService;
    private final JdbcClient jdbc;

    public DemoOrganisations(DibaoWalker walker, FormService formService, TaskService taskService,
                             RepositoryService repositoryService, JdbcClient jdbc) {
        this.walker = walker;
        this.formService = formService;
        this.taskService = taskService;
        this.repositoryService = repositoryService;
        this.jdbc = jdbc;
    }

    public boolean present() {
        return jdbc.sql("select count(*) from social_organisation where name = ?").param(FIRST).query(Long.class).single() > 0;
    }

    public void seed() {
        LocalDate today = LocalDate.now();
        ProcessInstance photographers = apply(FIRST, "SOCIAL_GROUP", "周建民", "中原区建设路18号", "50000.00",
                "组织会员开展摄影创作、展览、交流和培训", "中原区文化广电和旅游局", today.minusDays(40));
        register(photographers, "51410102MJY00011XN");
        ProcessInstance elderly = apply("中原区康乐居家养老服务中心", "PRIVATE_NON_ENTERPRISE", "刘桂芝", "中原区南江社区幸福里3号",
                "80000.00", "为辖区老年人提供助餐、助洁、日间照料等居家养老服务", "中原区民政局", today.minusDays(30));
        register(elderly, "52410102MJY00027XF");
        apply("中原区老年书画研究会", "SOCIAL_GROUP", "王德厚", "中原区老干部活动中心201室", "30000.00",
                "组织老年书画创作、研讨和展览", "中原区老干部局", today.minusDays(5));
        ProcessInstance social = apply("中原区阳光社会工作服务中心", "PRIVATE_NON_ENTERPRISE", "陈慧", "中原区桐柏路66号",
                "60000.00", "开展社区社会工作服务、困难群众帮扶和志愿者培训", "中原区民政局", today.minusDays(12));
        complete("orgclerk", social, TASK_REVIEW, Map.of(REVIEW_DECISION.name(), APPROVE, REVIEW_COMMENT.name(), "材料齐全，符合登记条件"));
    }

    private ProcessInstance apply(String name, String kind, String representative, String domicile, String funds, String scope,
                                  String supervisor, LocalDate approvedOn) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(NAME.name(), name);
        variables.put(KIND.name(), kind);
        variables.put(LEGAL_REPRESENTATIVE.name(), representative);
        variables.put(DOMICILE.name(), domicile);
        variables.put(REGISTERED_FUNDS.name(), funds);
        variables.put(BUSINESS_SCOPE.name(), scope);
        variables.put(SUPERVISOR_UNIT.name(), supervisor);
        variables.put(SUPERVISOR_APPROVAL_NO.name(), "中" + supervisor.substring(3, 5) + "〔" + approvedOn.getYear() + "〕"
                + (approvedOn.getDayOfYear() % 40 + 1) + "号");
        variables.put(SUPERVISOR_APPROVED_ON.name(), approvedOn.toString());
        variables.put(CHARTER_PROVIDED.name(), true);
        variables.put(FUNDS_PROOF_PROVIDED.name(), true);
        variables.put(DOMICILE_PROOF_PROVIDED.name(), true);
        variables.put(REPRESENTATIVE_ID_PROVIDED.name(), true);
        String definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(KEY).latestVersion()
                .singleResult().getId();
        return walker.as("orgclerk", () -> formService.submitStartForm(definition, variables));
    }

    private void register(ProcessInstance instance, String creditCode) {
        complete("orgclerk", instance, TASK_REVIEW, Map.of(REVIEW_DECISION.name(), APPROVE));
        complete("orghead", instance, TASK_APPROVE, Map.of(APPROVAL_DECISION.name(), APPROVE));
        complete("orgclerk", instance, TASK_CERTIFICATE, Map.of(CREDIT_CODE.name(), creditCode));
    }

    private void complete(String user, ProcessInstance instance, String taskKey, Map<String, Object> variables) {
        walker.as(user, () -> {
            Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).singleResult();
            taskService.claim(task.getId(), user);
            taskService.complete(task.getId(), variables);
            return null;
        });
    }
}
