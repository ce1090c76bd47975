package cn.minzheng.bureau.demo;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.donation.DonationCampaignProcess;
import cn.minzheng.bureau.relief.DisasterReliefProcess;

/**
 * A demo hail disaster in verification (岳村乡's roster awaiting sign-off, 孟轲乡 still registering,
 * a follow-up report due) and a winter campaign collecting donations, so the relief section and the
 * township staff find work in Tasklist; and a waterlogging whose initial report is late, so the head of
 * relief has a 督办逾期报告 to handle.
 */
@Component
public class DemoRelief {

    static final String DISASTER_NAME = "冰雹灾害（示例）";
    static final String LATE_REPORT_DISASTER_NAME = "城区内涝（示例）";

    private final DibaoWalker walker;
    private final FormService formService;
    private final TaskService taskService;
    private final RepositoryService repositoryService;
    private final ManagementService managementService;
    private final JdbcClient jdbc;

    public DemoRelief(DibaoWalker walker, FormService formService, TaskService taskService,
                      RepositoryService repositoryService, ManagementService managementService, JdbcClient jdbc) {
        this.managementService = managementService;
        this.walker = walker;
        this.formService = formService;
        this.taskService = taskService;
        this.repositoryService = repositoryService;
        this.jdbc = jdbc;
    }

    public boolean present() {
        return disasterPresent(DISASTER_NAME);
    }

    public boolean lateReportPresent() {
        return disasterPresent(LATE_REPORT_DISASTER_NAME);
    }

    private boolean disasterPresent(String name) {
        return jdbc.sql("select count(*) from relief_disaster where name = ?").param(name).query(Long.class).single() > 0;
    }

    /**
     * Waterlogging in 任丘办事处 three hours ago, no initial report yet (due within two hours): the report is
     * overdue, and the head of relief gets the 督办 at once instead of when the job executor next looks.
     */
    public void seedLateReport() {
        ProcessInstance disaster = start(DisasterReliefProcess.KEY, Variables.createVariables()
                .putValue("disasterKind", "WATERLOGGING").putValue("disasterName", LATE_REPORT_DISASTER_NAME)
                .putValue("occurredAt", LocalDateTime.now().minusHours(3).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")))
                .putValueTyped("affectedVillages", SpinValues.jsonValue("[\"renqiu-huanghebei\"]").create())
                .putValue("cropAreaMu", 0).putValue("housesDamaged", 12).putValue("housesCollapsed", 0)
                .putValue("peopleAffected", 860));
        Job overdue = managementService.createJobQuery().processInstanceId(disaster.getId())
                .activityId(DisasterReliefProcess.TIMER_INITIAL_REPORT_OVERDUE).singleResult();
        managementService.executeJob(overdue.getId());
    }

    public void seed() {
        ProcessInstance disaster = start(DisasterReliefProcess.KEY, Variables.createVariables()
                .putValue("disasterKind", "HAIL").putValue("disasterName", DISASTER_NAME)
                .putValue("occurredAt", LocalDateTime.now().minusMinutes(30).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")))
                .putValueTyped("affectedVillages", SpinValues.jsonValue("[\"yuecun-xiyue\",\"mengke-beimeng\"]").create())
                .putValue("cropAreaMu", 30000).putValue("housesDamaged", 26).putValue("housesCollapsed", 4)
                .putValue("peopleAffected", 3100));
        complete("approver", disaster, DisasterReliefProcess.TASK_INITIAL_REPORT,
                Map.of("reportContent", "今日午后西岳村、北孟村遭受冰雹，秋作物受灾约3万亩，正在逐户核查"));
        String households = """
                [{"headName":"李文华","idNumber":"41032219560312201X","villageCode":"yuecun-xiyue","address":"西岳村3组12号",
                  "persons":2,"category":"FIVE_GUARANTEE","houseDamage":"COLLAPSED","damagedRooms":2,"cropLossMu":3.5,
                  "winterReliefPersons":2,"needsFood":true,"needsQuilts":true,"needsHouseRepair":true,"needAmount":3000},
                 {"headName":"张桂兰","idNumber":"410322196805152043","villageCode":"yuecun-xiyue","address":"西岳村1组5号",
                  "persons":4,"category":"SEVERELY_AFFECTED","houseDamage":"SEVERE","damagedRooms":3,"cropLossMu":8,
                  "winterReliefPersons":0,"needsFood":true,"needAmount":1200}]""";
        complete("clerk.yuecun", disaster, DisasterReliefProcess.TASK_REGISTER_HOUSEHOLDS,
                Map.of(DisasterReliefProcess.VAR_HOUSEHOLDS, SpinValues.jsonValue(households).create()));

        ProcessInstance campaign = start(DonationCampaignProcess.KEY, Variables.createVariables()
                .putValue("campaignTitle", "扶贫济困送温暖").putValue("notice", "请各单位、干部职工踊跃捐款捐物，帮助困难群众温暖过冬")
                .putValue("windowStart", LocalDate.now().toString()).putValue("windowEnd", LocalDate.now().plusDays(30).toString())
                .putValue("distributionDate", LocalDate.now().plusDays(40).toString()));
        Map<String, Object> donation = new HashMap<>(Map.of("donorType", "UNIT", "donorName", "区财政局", "cash", 20000,
                DonationCampaignProcess.VAR_GOODS, SpinValues.jsonValue("[{\"goodsKind\":\"COTTON_COAT\",\"quantity\":300}]").create()));
        complete("approver", campaign, DonationCampaignProcess.TASK_REGISTER_DONATION, donation);
    }

    private ProcessInstance start(String key, Map<String, Object> variables) {
        String definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
                .singleResult().getId();
        return walker.as("approver", () -> formService.submitStartForm(definition, variables));
    }

    private void complete(String user, ProcessInstance instance, String taskKey, Map<String, Object> variables) {
        walker.as(user, () -> {
            List<Task> tasks = taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).list();
            taskService.complete(tasks.get(0).getId(), variables);
            return null;
        });
    }
}
