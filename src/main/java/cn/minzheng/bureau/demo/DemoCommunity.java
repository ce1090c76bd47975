package cn.minzheng.bureau.demo;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.community.construction.OfficeConstructionProcess;
import cn.minzheng.bureau.community.construction.Stage;
import cn.minzheng.bureau.community.mediation.CivilMediationProcess;
import cn.minzheng.bureau.community.recruitment.RecruitmentProcess;

/**
 * Community work in the demo: three of the five new community offices at different stages (one handed
 * over, one building, one late with its planning approval, so the district has a 督导 task), two disputes
 * in mediation and a recruitment round at the eligibility review.
 */
@Component
public class DemoCommunity {

    static final String FIRST_OFFICE = "清华苑社区办公用房新建工程（示例）";

    private final DibaoWalker walker;
    private final FormService formService;
    private final TaskService taskService;
    private final RepositoryService repositoryService;
    private final JdbcClient jdbc;

    public DemoCommunity(DibaoWalker walker, FormService formService, TaskService taskService,
                         RepositoryService repositoryService, JdbcClient jdbc) {
        this.walker = walker;
        this.formService = formService;
        this.taskService = taskService;
        this.repositoryService = repositoryService;
        this.jdbc = jdbc;
    }

    public boolean present() {
        return jdbc.sql("select count(*) from community_office_project where project_name = ?").param(FIRST_OFFICE)
                .query(Long.class).single() > 0;
    }

    public void seed() {
        LocalDate today = LocalDate.now();
        seedOffices(today);
        seedDisputes(today);
        seedRecruitment(today);
    }

    /** One office handed over, one being built, one whose planning approval is a week late. */
    private void seedOffices(LocalDate today) {
        ProcessInstance handedOver = office("renqiu", "清华苑社区", FIRST_OFFICE, 520, today.minusDays(300), today.minusDays(250),
                today.minusDays(60), today.minusDays(30));
        stage("committee.qinghuayuan", handedOver, OfficeConstructionProcess.TASK_PLANNING_APPROVAL, today.minusDays(305), Map.of());
        stage("committee.qinghuayuan", handedOver, OfficeConstructionProcess.TASK_CONSTRUCTION_START, today.minusDays(250), Map.of());
        stage("committee.qinghuayuan", handedOver, OfficeConstructionProcess.TASK_COMPLETION, today.minusDays(62),
                Map.of(OfficeConstructionProcess.VAR_BUILT_AREA, 528.6));
        stage("committee.qinghuayuan", handedOver, OfficeConstructionProcess.TASK_HANDOVER, today.minusDays(31),
                Map.of(OfficeConstructionProcess.VAR_HANDED_OVER_AREA, 528.6));

        ProcessInstance building = office("zhongyuan", "南江社区", "南江社区办公用房新建工程（示例）", 460, today.minusDays(120),
                today.minusDays(90), today.plusDays(60), today.plusDays(90));
        stage("committee.nanjiang", building, OfficeConstructionProcess.TASK_PLANNING_APPROVAL, today.minusDays(118), Map.of());
        stage("clerk.zhongyuan", building, OfficeConstructionProcess.TASK_CONSTRUCTION_START, today.minusDays(85), Map.of());

        // planning approval a week late: the job executor opens the district's supervision task
        office("renqiu", "京东社区", "京东社区办公用房新建工程（示例）", 480, today.minusDays(7), today.plusDays(30),
                today.plusDays(240), today.plusDays(270));
    }

    /** A dispute between two sessions, one settled by an agreement, and one just registered. */
    private void seedDisputes(LocalDate today) {
        ProcessInstance dispute = start(CivilMediationProcess.KEY, "committee.qinghuayuan", Map.of(
                CivilMediationProcess.VAR_SUBJECT, "楼上住户装修漏水，楼下墙面受损，双方对赔偿数额有争议",
                CivilMediationProcess.VAR_PARTIES, SpinValues.jsonValue("""
                        [{"partyName":"王建民","role":"APPLICANT","contact":"3号楼201"},
                         {"partyName":"刘小红","role":"RESPONDENT","contact":"3号楼301"}]""").create()));
        complete("committee.qinghuayuan", dispute, CivilMediationProcess.TASK_SESSION, Map.of(
                CivilMediationProcess.VAR_HELD_ON, today.minusDays(2).toString(),
                CivilMediationProcess.VAR_SESSION_SUMMARY, "现场查看漏水情况，双方同意等待维修报价后再次调解",
                CivilMediationProcess.VAR_SESSION_RESULT, CivilMediationProcess.CONTINUE));
        ProcessInstance settled = start(CivilMediationProcess.KEY, "committee.qinghuayuan", Map.of(
                CivilMediationProcess.VAR_SUBJECT, "楼道堆放杂物影响通行，邻里多次争吵",
                CivilMediationProcess.VAR_PARTIES, SpinValues.jsonValue("""
                        [{"partyName":"周桂兰","role":"APPLICANT","contact":"5号楼102"},
                         {"partyName":"吴志刚","role":"RESPONDENT","contact":"5号楼101"}]""").create()));
        complete("committee.qinghuayuan", settled, CivilMediationProcess.TASK_SESSION, Map.of(
                CivilMediationProcess.VAR_HELD_ON, today.minusDays(5).toString(),
                CivilMediationProcess.VAR_SESSION_SUMMARY, "居委会组织双方当面协商，双方同意清理楼道",
                CivilMediationProcess.VAR_SESSION_RESULT, CivilMediationProcess.AGREEMENT,
                CivilMediationProcess.VAR_AGREEMENT, "吴志刚于本周日前清理楼道杂物，今后不在公共通道堆放物品；周桂兰不再就此事争吵。"));
        start(CivilMediationProcess.KEY, "committee.dongyue", Map.of(
                CivilMediationProcess.VAR_SUBJECT, "宅基地界址争议",
                CivilMediationProcess.VAR_PARTIES, SpinValues.jsonValue("""
                        [{"partyName":"马福来","role":"APPLICANT"},{"partyName":"马福全","role":"RESPONDENT"}]""").create()));
    }

    /** A recruitment round with its applications registered. */
    private void seedRecruitment(LocalDate today) {
        ProcessInstance round = start(RecruitmentProcess.KEY, "clerk.renqiu", Map.of(
                RecruitmentProcess.VAR_TOWNSHIP_CODE, "renqiu", RecruitmentProcess.VAR_TITLE, "任丘办事处社区工作者竞争上岗（示例）",
                RecruitmentProcess.VAR_POSTS, SpinValues.jsonValue("""
                        [{"community":"清华苑社区","posts":2},{"community":"京东社区","posts":1}]""").create()));
        complete("clerk.renqiu", round, RecruitmentProcess.TASK_REGISTER_APPLICATIONS, Map.of(RecruitmentProcess.VAR_APPLICATIONS,
                SpinValues.jsonValue("""
                        [{"applicantName":"赵雅琴","idNumber":"%s","community":"清华苑社区","education":"BACHELOR"},
                         {"applicantName":"钱志刚","idNumber":"%s","community":"清华苑社区","education":"JUNIOR_COLLEGE"},
                         {"applicantName":"孙丽","idNumber":"%s","community":"京东社区","education":"HIGH_SCHOOL"},
                         {"applicantName":"李大山","idNumber":"%s","community":"京东社区","education":"BACHELOR"}]"""
                        .formatted(id(today.minusYears(29)), id(today.minusYears(35)), id(today.minusYears(26)),
                                id(today.minusYears(52)))).create()));
    }

    private static String id(LocalDate birth) {
        String first17 = "410311" + birth.withDayOfMonth(1).toString().replace("-", "") + "052";
        return first17 + cn.minzheng.bureau.household.ResidentIdNumber.checkCharacter(first17);
    }

    private ProcessInstance office(String township, String community, String name, int area, LocalDate planning, LocalDate start,
                                   LocalDate completion, LocalDate handover) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(OfficeConstructionProcess.VAR_TOWNSHIP_CODE, township);
        variables.put(OfficeConstructionProcess.VAR_COMMUNITY, community);
        variables.put(OfficeConstructionProcess.VAR_PROJECT_NAME, name);
        variables.put(OfficeConstructionProcess.VAR_PLANNED_AREA, area);
        variables.put(OfficeConstructionProcess.plannedDateVariable(Stage.PLANNING_APPROVAL), planning.toString());
        variables.put(OfficeConstructionProcess.plannedDateVariable(Stage.CONSTRUCTION_START), start.toString());
        variables.put(OfficeConstructionProcess.plannedDateVariable(Stage.COMPLETION), completion.toString());
        variables.put(OfficeConstructionProcess.plannedDateVariable(Stage.HANDOVER), handover.toString());
        return start(OfficeConstructionProcess.KEY, "approver", variables);
    }

    private void stage(String user, ProcessInstance instance, String taskKey, LocalDate actual, Map<String, Object> more) {
        Map<String, Object> variables = new HashMap<>(more);
        variables.put(OfficeConstructionProcess.VAR_ACTUAL_DATE, actual.toString());
        complete(user, instance, taskKey, variables);
    }

    private ProcessInstance start(String key, String user, Map<String, Object> variables) {
        String definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
                .singleResult().getId();
        return walker.as(user, () -> formService.submitStartForm(definition, variables));
    }

    /**
     * Completes the task as the user. The offices' planned dates lie in the past, so their supervision timers
     * fire while the stages are being completed: a completion that meets the job executor on the same instance
     * is tried again, as a user would.
     */
    private void complete(String user, ProcessInstance instance, String taskKey, Map<String, Object> variables) {
        for (int attempt = 1; ; attempt++) {
            try {
                walker.as(user, () -> {
                    List<Task> tasks = taskService.createTaskQuery().processInstanceId(instance.getId())
                            .taskDefinitionKey(taskKey).list();
                    taskService.complete(tasks.get(0).getId(), variables);
                    return null;
                });
                return;
            } catch (OptimisticLockingException concurrentJob) {
                if (attempt == 3) {
                    throw concurrentJob;
                }
            }
        }
    }
}
