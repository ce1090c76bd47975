package cn.minzheng.bureau.community.recruitment;

import static cn.minzheng.bureau.community.recruitment.RecruitmentProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static cn.minzheng.bureau.support.RuleViolations.violation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.minzheng.bureau.demo.DibaoWalker;
import cn.minzheng.bureau.household.ResidentIdNumber;
import cn.minzheng.bureau.support.ProcessTest;
import cn.minzheng.bureau.support.UserTasks;

/**
 * Every path of community-worker-recruitment.bpmn: registration returned by the eligibility review and
 * completed, scores sent back by the street office and corrected, ranking with its tie-break, appointment
 * and a director per community; and a person who is never appointed twice.
 */
@ProcessTest
class RecruitmentProcessTest {

    private static final String CLERK = "clerk.renqiu";
    private static final String REVIEWER = "reviewer.renqiu";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger SEQUENCE = new AtomicInteger(ThreadLocalRandom.current().nextInt(900));

    @Autowired
    UserTasks userTasks;
    @Autowired
    ProcessEngine engine;
    @Autowired
    DibaoWalker walker;
    @Autowired
    RecruitmentRepository recruitment;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void init() {
        BpmnAwareTests.init(engine);
    }

    @Test
    void aRoundRanksByScoreAppointsTheBestPerCommunityAndNamesTheirDirectors() {
        ProcessInstance instance = start(CLERK, "renqiu", Map.of("清华苑社区", 2, "京东", 1));
        long roundId = roundId(instance);
        assertThat(recruitment.posts(roundId)).containsEntry("renqiu-qinghuayuan", 2).containsEntry("renqiu-jingdong", 1);
        assertThat(instance).isWaitingAt(TASK_REGISTER_APPLICATIONS).task().hasCandidateGroup("clerk-renqiu");

        String a = id(30), b = id(28), c = id(40), d = id(50), e = id(25), f = id(35);
        register(instance, List.of(applicant("安然", a, "清华苑社区", "BACHELOR"), applicant("白雪", b, "清华苑社区", "HIGH_SCHOOL"),
                applicant("陈晨", c, "清华苑社区", "JUNIOR_COLLEGE"), applicant("邓超", d, "京东社区", "BACHELOR"),
                applicant("鄂伦", e, "京东社区", "JUNIOR_MIDDLE")));
        assertThat(recruitment.applications(roundId)).extracting(x -> x.applicantName() + ":" + x.eligible())
                .containsExactly("安然:true", "白雪:true", "陈晨:true", "邓超:false", "鄂伦:false");
        assertThat(recruitment.applications(roundId).get(3).ineligibleReason()).isEqualTo("年龄50岁，不在18至45岁之间");
        assertThat(recruitment.applications(roundId).get(4).ineligibleReason()).isEqualTo("学历初中及以下，低于高中或中专");

        userTasks.complete(REVIEWER, instance, TASK_REVIEW_ELIGIBILITY, Map.of(VAR_ELIGIBILITY_DECISION, RETURN,
                VAR_ELIGIBILITY_COMMENT, "京东社区尚无合格报名人员，请继续登记"));
        assertThat(instance).isWaitingAt(TASK_REGISTER_APPLICATIONS);
        register(instance, List.of(applicant("方圆", f, "京东社区", "BACHELOR")));
        userTasks.complete(REVIEWER, instance, TASK_REVIEW_ELIGIBILITY, Map.of(VAR_ELIGIBILITY_DECISION, CONFIRM));

        // 安然 and 白雪 tie at 84.00; 白雪 has the higher written score and ranks first
        score(instance, Map.of("安然", new Object[] {80, 90}, "白雪", new Object[] {90, 75}, "陈晨", new Object[] {70, 70},
                "方圆", new Object[] {60, 61}));
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), "rankingSummary")).isEqualTo("""
                清华苑社区 第1名 白雪 总分84.00 拟聘用
                清华苑社区 第2名 安然 总分84.00 拟聘用
                清华苑社区 第3名 陈晨 总分70.00
                京东社区 第1名 方圆 总分60.40 拟聘用""");
        userTasks.complete(REVIEWER, instance, TASK_APPROVE_APPOINTMENTS, Map.of(VAR_APPOINTMENT_DECISION, REJECT,
                VAR_APPOINTMENT_COMMENT, "陈晨面试成绩录入有误"));
        assertThat(instance).isWaitingAt(TASK_SCORE);
        assertThat(scoringTasks(instance)).as("one scoring task per eligible applicant, prefilled with the scores given")
                .hasSize(4).allSatisfy(task -> assertThat(engine.getTaskService().getVariable(task.getId(), VAR_WRITTEN_SCORE)).isNotNull());
        score(instance, Map.of("安然", new Object[] {80, 90}, "白雪", new Object[] {90, 75}, "陈晨", new Object[] {80, 100},
                "方圆", new Object[] {60, 61}));
        assertThat(recruitment.applications(roundId)).filteredOn(RecruitmentRepository.Application::proposed)
                .extracting(RecruitmentRepository.Application::applicantName).containsExactlyInAnyOrder("白雪", "陈晨", "方圆");
        Task approval = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(TASK_APPROVE_APPOINTMENTS).singleResult();
        assertThatThrownBy(() -> engine.getTaskService().setAssignee(approval.getId(), CLERK)).as("who scored does not approve")
                .satisfies(violation("已录入本轮的笔试面试成绩"));
        userTasks.complete(REVIEWER, instance, TASK_APPROVE_APPOINTMENTS, Map.of(VAR_APPOINTMENT_DECISION, APPROVE));

        assertThat(recruitment.roundWorkers(roundId)).extracting(RecruitmentRepository.Worker::workerName)
                .containsExactlyInAnyOrder("白雪", "陈晨", "方圆");
        List<Task> directors = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(TASK_APPOINT_DIRECTOR).list();
        assertThat(directors).hasSize(2);
        for (Task task : directors) {
            String community = (String) engine.getTaskService().getVariable(task.getId(), VAR_COMMUNITY_CODE);
            String options = engine.getTaskService().getVariable(task.getId(), "directorOptions").toString();
            RecruitmentRepository.Worker chosen = recruitment.workers(community).get(0);
            assertThat(options).contains(chosen.workerName());
            walker.as(REVIEWER, () -> {
                engine.getTaskService().complete(task.getId(), Map.of(VAR_DIRECTOR, String.valueOf(chosen.id())));
                return null;
            });
            assertThat(recruitment.currentDirector(community).orElseThrow().workerId()).isEqualTo(chosen.id());
        }
        assertThat(instance).isEnded().hasPassed("EndEvent_WorkersAppointed");
        assertThat(recruitment.round(roundId).orElseThrow().status()).isEqualTo("COMPLETED");
        assertThat(jdbc.sql("select action from audit_event where entity_type = 'COMMUNITY_RECRUITMENT' and entity_id = ? order by id")
                .param(roundId).query(String.class).list())
                .contains("ROUND_OPENED", "ELIGIBILITY_RETURNED", "ELIGIBILITY_CONFIRMED", "RANKED", "APPOINTMENT_REJECT",
                        "APPOINTMENT_APPROVE", "WORKERS_APPOINTED", "DIRECTOR_APPOINTED");
    }

    @Test
    void aPersonIsNeverAppointedTwice() {
        String person = id(33);
        ProcessInstance first = start(CLERK, "renqiu", Map.of("永乐社区", 1));
        ProcessInstance second = start(CLERK, "renqiu", Map.of("黄河北社区", 1));
        assertThatThrownBy(() -> register(first, List.of(applicant("韩梅", person, "永乐社区", "BACHELOR"),
                applicant("韩梅", person, "永乐社区", "BACHELOR")))).satisfies(violation("同一人在本轮只能报名一次"));
        register(first, List.of(applicant("韩梅", person, "永乐社区", "BACHELOR")));
        register(second, List.of(applicant("韩梅", person, "黄河北社区", "BACHELOR")));
        for (ProcessInstance round : List.of(first, second)) {
            userTasks.complete(REVIEWER, round, TASK_REVIEW_ELIGIBILITY, Map.of(VAR_ELIGIBILITY_DECISION, CONFIRM));
            score(round, Map.of("韩梅", new Object[] {88, 88}));
        }
        userTasks.complete(REVIEWER, first, TASK_APPROVE_APPOINTMENTS, Map.of(VAR_APPOINTMENT_DECISION, APPROVE));
        assertThatThrownBy(() -> userTasks.complete(REVIEWER, second, TASK_APPROVE_APPOINTMENTS, Map.of(VAR_APPOINTMENT_DECISION, APPROVE)))
                .satisfies(violation("韩梅已是在岗社区工作者，不能重复聘用"));
        assertThat(jdbc.sql("select count(*) from community_worker where id_number = ?").param(person).query(Long.class).single())
                .isEqualTo(1L);
        assertThat(second).isWaitingAt(TASK_APPROVE_APPOINTMENTS);

        ProcessInstance third = start(CLERK, "renqiu", Map.of("永乐社区", 1));
        register(third, List.of(applicant("韩梅", person, "永乐社区", "BACHELOR")));
        assertThat(recruitment.applications(roundId(third)).get(0).ineligibleReason()).isEqualTo("已是在岗社区工作者，不能重复聘用");
    }

    @Test
    void theReviewerMayExcludeWithAReasonButNotAdmitWhomTheRulesRefuse() {
        ProcessInstance instance = start(CLERK, "renqiu", Map.of("清华苑社区", 1));
        register(instance, List.of(applicant("甲", id(30), "清华苑社区", "BACHELOR"), applicant("乙", id(17), "清华苑社区", "BACHELOR"),
                applicant("丙", id(25), "清华苑社区", "HIGH_SCHOOL")));
        long roundId = roundId(instance);
        List<RecruitmentRepository.Application> applications = recruitment.applications(roundId);
        String a = String.valueOf(applications.get(0).id()), b = String.valueOf(applications.get(1).id()),
                c = String.valueOf(applications.get(2).id());
        Task review = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(TASK_REVIEW_ELIGIBILITY).singleResult();
        assertThat(engine.getTaskService().getVariable(review.getId(), "eligibilitySummary").toString())
                .contains("甲（清华苑社区） 30岁 本科 — 合格").contains("乙（清华苑社区） 17岁").contains("不合格：年龄17岁");
        assertThat(engine.getTaskService().getVariable(review.getId(), "excludeOptions").toString())
                .as("only whom the rules admitted can be excluded").contains("甲", a, "丙", c).doesNotContain("乙");

        assertThatThrownBy(() -> exclude(instance, List.of(b), "年龄不符")).satisfies(violation("乙已因不符合报名条件（年龄17岁"));
        assertThatThrownBy(() -> exclude(instance, List.of(a), " ")).satisfies(violation("请填写取消资格的理由"));
        assertThatThrownBy(() -> exclude(instance, List.of("999999999"), "不明")).satisfies(violation("不是本轮的报名人员"));
        assertThatThrownBy(() -> exclude(instance, List.of(a, c), "学历证书无法核实"))
                .satisfies(violation("没有资格审查合格的报名人员"));
        assertThat(recruitment.applications(roundId).get(0).eligible()).as("nothing half written").isTrue();

        exclude(instance, List.of(a), "学历证书无法核实");
        assertThat(recruitment.applications(roundId)).extracting(x -> x.applicantName() + ":" + x.eligible() + ":" + x.ineligibleReason())
                .containsExactly("甲:false:学历证书无法核实", "乙:false:年龄17岁，不在18至45岁之间", "丙:true:null");
        assertThat(scoringTasks(instance)).extracting(Task::getName).containsExactly("录入成绩：丙（清华苑社区）");
    }

    @Test
    void badRoundsApplicationsAndScoresAreRefusedInChinese() {
        assertThatThrownBy(() -> start("clerk.zhongyuan", "renqiu", Map.of("清华苑社区", 1))).satisfies(violation("只能发布本乡镇"));
        assertThatThrownBy(() -> start(CLERK, "renqiu", Map.of("中庆社区", 1))).satisfies(violation("不是任丘办事处的社区"));
        assertThatThrownBy(() -> start(CLERK, "renqiu", Map.of("清华苑社区", 0))).satisfies(violation("不能小于1"));
        ProcessInstance instance = start(CLERK, "renqiu", Map.of("清华苑社区", 1));
        assertThatThrownBy(() -> register(instance, List.of(applicant("丙", "410322199001011234", "清华苑社区", "BACHELOR"))))
                .satisfies(violation("校验位"));
        assertThatThrownBy(() -> register(instance, List.of(applicant("丙", id(30), "京东社区", "BACHELOR"))))
                .satisfies(violation("京东社区本轮没有招聘岗位"));
        assertThatThrownBy(() -> register(instance, List.of(applicant("丙", id(30), "清华苑社区", "DOCTOR"))))
                .satisfies(violation("请选择学历"));
        assertThat(recruitment.applications(roundId(instance))).isEmpty();
        register(instance, List.of(applicant("丙", id(30), "清华苑社区", "BACHELOR")));
        userTasks.complete(REVIEWER, instance, TASK_REVIEW_ELIGIBILITY, Map.of(VAR_ELIGIBILITY_DECISION, CONFIRM));
        assertThatThrownBy(() -> score(instance, Map.of("丙", new Object[] {101, 80}))).satisfies(violation("应在0至100分之间"));
        assertThatThrownBy(() -> score(instance, Map.of("丙", new Object[] {80.125, 80}))).satisfies(violation("最多保留两位小数"));
        assertThatThrownBy(() -> userTasks.complete(CLERK, instance, TASK_SCORE, Map.of())).satisfies(violation("请录入丙的笔试成绩"));
        assertThatThrownBy(() -> score(instance, Map.of("丙", new Object[] {80, null}))).satisfies(violation("请录入丙的面试成绩"));
        assertThatThrownBy(() -> userTasks.complete(REVIEWER, instance, TASK_SCORE, Map.of())).as("the reviewer does not score")
                .isInstanceOf(AssertionError.class);
    }

    private ProcessInstance start(String user, String township, Map<String, Integer> posts) {
        String definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(KEY)
                .latestVersion().singleResult().getId();
        List<Map<String, Object>> rows = new ArrayList<>();
        posts.forEach((community, count) -> rows.add(Map.of("community", community, "posts", count)));
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_TOWNSHIP_CODE, township);
        variables.put(VAR_TITLE, "2026年社区工作者竞争上岗");
        variables.put(VAR_POSTS, SpinValues.jsonValue(json(rows)).create());
        return walker.as(user, () -> engine.getFormService().submitStartForm(definition, variables));
    }

    private void register(ProcessInstance instance, List<Map<String, Object>> applicants) {
        userTasks.complete(CLERK, instance, TASK_REGISTER_APPLICATIONS, Map.of(VAR_APPLICATIONS, SpinValues.jsonValue(json(applicants)).create()));
    }

    /** Completes the scoring task of each named applicant (one task per eligible applicant), as the clerk would in Tasklist. */
    private void score(ProcessInstance instance, Map<String, Object[]> byName) {
        for (Task task : scoringTasks(instance)) {
            Object[] s = byName.get(engine.getTaskService().getVariable(task.getId(), "applicantName"));
            if (s != null) {
                Map<String, Object> scores = new HashMap<>();
                scores.put(VAR_WRITTEN_SCORE, s[0]);
                scores.put(VAR_INTERVIEW_SCORE, s[1]);
                walker.as(CLERK, () -> {
                    engine.getTaskService().complete(task.getId(), scores);
                    return null;
                });
            }
        }
    }

    private void exclude(ProcessInstance instance, List<String> applicationIds, String reason) {
        userTasks.complete(REVIEWER, instance, TASK_REVIEW_ELIGIBILITY, Map.of(VAR_ELIGIBILITY_DECISION, CONFIRM,
                VAR_EXCLUDED, SpinValues.jsonValue(json(applicationIds)).create(), VAR_EXCLUDE_REASON, reason));
    }

    private List<Task> scoringTasks(ProcessInstance instance) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(TASK_SCORE)
                .orderByTaskName().asc().list();
    }

    private long roundId(ProcessInstance instance) {
        return ((Number) engine.getRuntimeService().getVariable(instance.getId(), VAR_ROUND_ID)).longValue();
    }

    private static Map<String, Object> applicant(String name, String idNumber, String community, String education) {
        return Map.of("applicantName", name, "idNumber", idNumber, "community", community, "education", education);
    }

    /** A valid resident ID number of someone who turned {@code age} within the last year. */
    static String id(int age) {
        LocalDate birth = LocalDate.now().minusYears(age).minusDays(10);
        int sequence = SEQUENCE.incrementAndGet() % 1000;
        // a random area code as well: appointed workers stay in a PostgreSQL test database from run to run
        String area = "41" + String.format("%04d", ThreadLocalRandom.current().nextInt(10000));
        String first17 = area + birth.toString().replace("-", "") + String.format("%03d", sequence);
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
