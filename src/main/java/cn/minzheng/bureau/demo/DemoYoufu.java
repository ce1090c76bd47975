package cn.minzheng.bureau.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.household.DisabilityLevel;
import cn.minzheng.bureau.household.EmploymentStatus;
import cn.minzheng.bureau.household.Household;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.household.Relation;
import cn.minzheng.bureau.household.ResidentIdNumber;
import cn.minzheng.bureau.youfu.YoufuProcess;

/**
 * 优抚对象 in the demo: a 残疾军人 of 岳村乡 reviewed by the township and waiting for the 优抚安置科's approval
 * (youfu), and a 烈士遗属 of 任丘办 waiting for the township's review (reviewer.renqiu).
 */
@Component
public class DemoYoufu {

    static final String FIRST_CERTIFICATE = "豫军残字第100001号";

    private final DibaoWalker walker;
    private final FormService formService;
    private final TaskService taskService;
    private final RepositoryService repositoryService;
    private final HouseholdRepository households;
    private final JdbcClient jdbc;

    public DemoYoufu(DibaoWalker walker, FormService formService, TaskService taskService,
                     RepositoryService repositoryService, HouseholdRepository households, JdbcClient jdbc) {
        this.walker = walker;
        this.formService = formService;
        this.taskService = taskService;
        this.repositoryService = repositoryService;
        this.households = households;
        this.jdbc = jdbc;
    }

    public boolean present() {
        return jdbc.sql("select count(*) from youfu_recipient where certificate_number = ?").param(FIRST_CERTIFICATE)
                .query(Long.class).single() > 0;
    }

    public void seed() {
        String soldier = resident("yuecun", "yuecun-dongyue", "东岳村3组11号", "岳振邦", LocalDate.of(1958, 4, 12), 951);
        Map<String, Object> disabled = new HashMap<>();
        disabled.put(YoufuProcess.ID_NUMBER.name(), soldier);
        disabled.put(YoufuProcess.CATEGORY.name(), "DISABLED_SOLDIER");
        disabled.put(YoufuProcess.CERTIFICATE_NUMBER.name(), FIRST_CERTIFICATE);
        disabled.put(YoufuProcess.DISABILITY_GRADE.name(), 6L);
        disabled.put(YoufuProcess.DISABILITY_CAUSE.name(), "WAR");
        disabled.put(YoufuProcess.ASSESSED_DATE.name(), "1979-05-20");
        ProcessInstance first = start("clerk.yuecun", disabled);
        complete("reviewer.yuecun", first, Map.of(YoufuProcess.TOWNSHIP_DECISION.name(), YoufuProcess.APPROVE,
                YoufuProcess.TOWNSHIP_COMMENT.name(), "残疾军人证与档案相符"));

        String widow = resident("renqiu", "renqiu-jingdong", "京东小区3号楼501", "郭秀珍", LocalDate.of(1952, 9, 3), 952);
        Map<String, Object> survivor = new HashMap<>();
        survivor.put(YoufuProcess.ID_NUMBER.name(), widow);
        survivor.put(YoufuProcess.CATEGORY.name(), "MARTYR_SURVIVOR");
        survivor.put(YoufuProcess.CERTIFICATE_NUMBER.name(), "豫烈字第200417号");
        survivor.put(YoufuProcess.DECEASED_NAME.name(), "任建华");
        survivor.put(YoufuProcess.DEATH_DATE.name(), "1979-02-23");
        start("clerk.renqiu", survivor);
    }

    private ProcessInstance start(String clerk, Map<String, Object> variables) {
        String definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(YoufuProcess.KEY)
                .latestVersion().singleResult().getId();
        return walker.as(clerk, () -> formService.submitStartForm(definition, variables));
    }

    private void complete(String user, ProcessInstance instance, Map<String, Object> variables) {
        walker.as(user, () -> {
            Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
            taskService.complete(task.getId(), variables);
            return null;
        });
    }

    private String resident(String township, String community, String address, String name, LocalDate born, int sequence) {
        String first17 = (township.equals("renqiu") ? "410302" : "410322") + born.toString().replace("-", "") + sequence;
        ResidentIdNumber id = ResidentIdNumber.parse(first17 + ResidentIdNumber.checkCharacter(first17));
        households.insert(new Household(null, township, community, address, "中国农业银行",
                "62284800000" + sequence + "0000", null, BigDecimal.ZERO,
                new Household.UtilitySpending(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO),
                List.of(new Household.Member(null, name, id, Relation.HEAD, EmploymentStatus.RETIRED, DisabilityLevel.NONE,
                        List.of()))));
        return id.value();
    }
}
