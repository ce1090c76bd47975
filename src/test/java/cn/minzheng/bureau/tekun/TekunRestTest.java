package cn.minzheng.bureau.tekun;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.household.HouseholdValidator;
import cn.minzheng.bureau.support.Http;

/**
 * 特困供养 over HTTP as the demo users work it: /api to apply, the engine REST API (what Tasklist calls) for the
 * tasks, ending in an active enrolment; bad input answered in Chinese with nothing written.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TekunRestTest {

    @LocalServerPort
    int port;
    @Autowired
    HouseholdRepository households;
    @Autowired
    HouseholdValidator validator;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TekunCaseRepository cases;
    @Autowired
    TekunAmounts amounts;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void anApplicationWalksThroughEveryLevelToAnActiveEnrolment() {
        // urban (任丘办): 910 + 2100 × 30 % = 910 + 630 = 1540
        String id = TekunPeople.register(households, validator, "renqiu", "renqiu-qinghuayuan", "冯老太", 82, "RETIRED", "NONE", null);
        var response = http.post("clerk.renqiu", "/api/tekun/applications", application(id));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        long caseId = response.json().get("id").asLong();
        String instance = response.json().get("processInstanceId").asText();
        assertThat(response.json().get("status").asText()).isEqualTo("APPLIED");
        assertThat(response.json().get("qualifyingCondition").asText()).isEqualTo("ELDERLY");
        assertThat(http.get("clerk.mengke", "/api/tekun/cases/" + caseId).status()).isEqualTo(404);
        assertThat(http.get("clerk.mengke", "/engine-rest/task?processInstanceId=" + instance).json()).isEmpty();

        String survey = taskId("clerk.renqiu", instance, TekunProcess.TASK_SURVEY);
        assertThat(http.get("clerk.renqiu", "/engine-rest/task/" + survey + "/deployed-form").json().get("id").asText())
                .isEqualTo("tekun-survey");
        var noLevel = http.submitTaskForm("clerk.renqiu", survey, Map.of("surveyFinding", "独居"));
        assertThat(noLevel.status()).isEqualTo(400);
        assertThat(noLevel.json().get("message").asText()).isEqualTo("请评估生活自理能力（全自理、半护理或全护理）");
        assertThat(http.submitTaskForm("clerk.renqiu", survey, Map.of("selfCareLevel", "PARTIAL_CARE", "surveyFinding", "独居，行动不便"))
                .status()).isEqualTo(204);

        String review = taskId("reviewer.renqiu", instance, TekunProcess.TASK_REVIEW_BY_TOWNSHIP);
        assertThat(http.get("reviewer.renqiu", "/engine-rest/task/" + review + "/variables/amountSummary").json()
                .get("value").asText()).isEqualTo("半护理；基本生活标准910.00元 + 照料护理标准630.00元 = 每月1540.00元");
        assertThat(http.submitTaskForm("reviewer.renqiu", review, Map.of("townshipDecision", "APPROVE")).status()).isEqualTo(204);

        JsonNode timers = http.get("procmgr", "/engine-rest/job?timers=true&activityId=" + TekunProcess.TIMER_NOTICE_OVER
                + "&processInstanceId=" + instance).json();
        assertThat(timers).hasSize(1);
        assertThat(http.post("procmgr", "/engine-rest/job/" + timers.get(0).get("id").asText() + "/execute", "{}").status())
                .isEqualTo(204);

        String decision = taskId("approver", instance, TekunProcess.TASK_DECIDE_BY_DISTRICT);
        assertThat(http.submitTaskForm("approver", decision, Map.of("districtDecision", "APPROVE", "districtComment", "同意认定")).status())
                .isEqualTo(204);
        JsonNode active = http.get("clerk.renqiu", "/api/tekun/cases/" + caseId).json();
        assertThat(active.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(active.get("monthlyAmount").decimalValue()).isEqualByComparingTo("1540.00");
        assertThat(active.get("startMonth").asText()).isEqualTo(YearMonth.now().plusMonths(1).toString());
        assertThat(jdbc.sql("select status from enrolment where program_code = 'TEKUN' and program_case_id = ?")
                .param(caseId).query(String.class).single()).isEqualTo("ACTIVE");

        var badEnd = http.post("clerk.renqiu", "/api/tekun/cases/" + caseId + "/end", Map.of("reason", ""));
        assertThat(badEnd.status()).isEqualTo(400);
        var ended = http.post("clerk.renqiu", "/api/tekun/cases/" + caseId + "/end",
                Map.of("reason", "LEFT_AREA", "note", "户籍迁往外区"));
        assertThat(ended.status()).as(ended.body()).isEqualTo(200);
        assertThat(ended.json().get("status").asText()).isEqualTo("ENDED");
        assertThat(ended.json().get("closingReason").asText()).isEqualTo("迁出本区：户籍迁往外区");
    }

    @Test
    void badApplicationsAreRefusedInChineseWithNothingWritten() {
        long before = jdbc.sql("select count(*) from tekun_case").query(Long.class).single();
        String young = TekunPeople.register(households, validator, "yuecun", "yuecun-yuecun", "卫五", 30, "UNEMPLOYED", "NONE", null);
        var tooYoung = http.post("clerk.yuecun", "/api/tekun/applications", application(young));
        assertThat(tooYoung.status()).isEqualTo(400);
        assertThat(tooYoung.json().get("code").asText()).isEqualTo("TEKUN_NOT_ELIGIBLE");
        assertThat(tooYoung.json().get("detail").asText()).contains("卫五30周岁").contains("不符合特困人员认定条件");

        String old = TekunPeople.register(households, validator, "yuecun", "yuecun-yuecun", "卫六", 66, "RETIRED", "NONE", null);
        Map<String, Object> noCare = application(old);
        noCare.remove("careMode");
        var missing = http.post("clerk.yuecun", "/api/tekun/applications", noCare);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("detail").asText()).contains("供养方式");

        assertThat(http.post("clerk.yuecun", "/api/tekun/applications", application(old)).status()).isEqualTo(201);
        var twice = http.post("clerk.yuecun", "/api/tekun/applications", application(old));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("code").asText()).isEqualTo("PROGRAM_CONFLICT");
        assertThat(twice.json().get("detail").asText()).contains("卫六").contains("已在特困人员救助供养中（申请办理中")
                .endsWith("同一人不能重复纳入特困人员救助供养");

        var otherTownship = http.post("clerk.mengke", "/api/tekun/applications", application(old));
        assertThat(otherTownship.status()).isEqualTo(403);
        assertThat(http.post(null, "/api/tekun/applications", "{}").status()).isEqualTo(401);
        assertThat(jdbc.sql("select count(*) from tekun_case").query(Long.class).single()).isEqualTo(before + 1);
    }

    /**
     * 特困人员年度复核 over HTTP: the district approver starts a year over /api, the township's form over the engine REST
     * API (what Tasklist submits) refuses bad answers in Chinese with nothing written, the approver approves the end;
     * a hand end for death needs its date.
     */
    @Test
    void theAnnualReviewRefusesBadAnswersInChineseAndEndsWhatTheDistrictApproves() {
        String id = TekunPeople.register(households, validator, "yuecun", "yuecun-yuecun", "卫七", 72, "RETIRED", "NONE", "2000");
        TekunCase c = activeCase(id, "卫七");
        int year = java.time.Year.now().getValue() + 1;
        assertThat(http.post("clerk.yuecun", "/api/tekun/annual-reviews", Map.of("year", year)).status()).isEqualTo(403);
        var badYear = http.post("approver", "/api/tekun/annual-reviews", Map.of("year", 1999));
        assertThat(badYear.status()).isEqualTo(400);
        assertThat(badYear.json().get("detail").asText()).isEqualTo("年度1999不在2000年至明年之间");
        assertThat(jdbc.sql("select count(*) from tekun_review where review_year = ?").param(year).query(Long.class).single()).isZero();
        var started = http.post("approver", "/api/tekun/annual-reviews", Map.of("year", year));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        assertThat(started.json().get("listed").asInt()).isPositive();

        JsonNode instances = http.get("procmgr", "/engine-rest/process-instance?businessKey=" + c.caseNumber() + "-FH" + year).json();
        assertThat(instances).hasSize(1);
        String instance = instances.get(0).get("id").asText();
        assertThat(http.get("clerk.mengke", "/engine-rest/task?processInstanceId=" + instance).json()).isEmpty();
        String task = taskId("clerk.yuecun", instance, TekunReviewProcess.TASK_REASSESS);
        assertThat(http.get("clerk.yuecun", "/engine-rest/task/" + task + "/deployed-form").json().get("id").asText())
                .isEqualTo("tekun-reassessment-township");

        var noOutcome = http.submitTaskForm("clerk.yuecun", task, Map.of("reviewFinding", "入户核实"));
        assertThat(noOutcome.status()).isEqualTo(400);
        assertThat(noOutcome.json().get("message").asText()).isEqualTo("请选择复核结论（继续供养或终止供养）");
        Map<String, Object> continuing = new HashMap<>(Map.of("stillNoWorkAbility", true, "stillNoIncome", true,
                "stillNoSupporter", true, "outcome", "CONTINUE", "careMode", "CENTRALISED", "careInstitution", "岳村乡敬老院",
                "selfCareLevel", "FULL_CARE", "reviewFinding", "仍在敬老院"));
        // the register shows a pension of 2000 a month, not below the rural 低保 standard
        var contradicted = http.submitTaskForm("clerk.yuecun", task, continuing);
        assertThat(contradicted.status()).isEqualTo(422);
        assertThat(contradicted.json().get("message").asText()).startsWith("户籍和收入信息显示：卫七月收入2000.00元，不低于当地低保标准")
                .endsWith("请核实后更正家庭信息，或选择终止供养");
        var death = http.submitTaskForm("clerk.yuecun", task, Map.of("outcome", "END", "endReason", "DEATH", "reviewFinding", "病故"));
        assertThat(death.status()).isEqualTo(400);
        assertThat(death.json().get("message").asText()).startsWith("供养对象死亡的，请办理死亡登记");
        assertThat(jdbc.sql("select count(*) from tekun_review where tekun_case_id = ? and outcome is null and reviewed_by is null")
                .param(c.id()).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select monthly_amount from tekun_case where id = ?").param(c.id()).query(java.math.BigDecimal.class)
                .single()).isEqualByComparingTo("1760.00");

        assertThat(http.submitTaskForm("clerk.yuecun", task, Map.of("outcome", "END", "endReason", "INCOME",
                "reviewFinding", "领取企业职工养老金每月2000元")).status()).isEqualTo(204);
        String approval = taskId("approver", instance, TekunReviewProcess.TASK_APPROVE_END);
        assertThat(http.get("approver", "/engine-rest/task/" + approval + "/deployed-form").json().get("id").asText())
                .isEqualTo("tekun-reassessment-district");
        var noReason = http.submitTaskForm("approver", approval, Map.of("districtDecision", "RETURN"));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("message").asText()).isEqualTo("退回理由不能为空");
        assertThat(http.submitTaskForm("approver", approval, Map.of("districtDecision", "APPROVE")).status()).isEqualTo(204);
        JsonNode ended = http.get("clerk.yuecun", "/api/tekun/cases/" + c.id()).json();
        assertThat(ended.get("status").asText()).isEqualTo("ENDED");
        assertThat(ended.get("closingReason").asText()).isEqualTo(year + "年度复核：有了生活来源（收入达到或超过当地低保标准）：领取企业职工养老金每月2000元（区民政局核准）");

        JsonNode mine = http.get("clerk.yuecun", "/api/tekun/annual-reviews?year=" + year).json();
        assertThat(mine.findValuesAsText("tekunCaseId")).contains(String.valueOf(c.id()));
        assertThat(http.get("clerk.mengke", "/api/tekun/annual-reviews?year=" + year).json().findValuesAsText("tekunCaseId"))
                .doesNotContain(String.valueOf(c.id()));

        // 终止供养 by hand for death needs the date of death
        String other = TekunPeople.register(households, validator, "yuecun", "yuecun-yuecun", "卫八", 90, "RETIRED", "NONE", null);
        TekunCase second = activeCase(other, "卫八");
        var noDate = http.post("clerk.yuecun", "/api/tekun/cases/" + second.id() + "/end", Map.of("reason", "DEATH"));
        assertThat(noDate.status()).isEqualTo(400);
        assertThat(noDate.json().get("detail").asText()).isEqualTo("死亡日期不能为空");
        assertThat(jdbc.sql("select status from tekun_case where id = ?").param(second.id()).query(String.class).single())
                .isEqualTo("ACTIVE");
    }

    private TekunCase activeCase(String idNumber, String name) {
        long household = jdbc.sql("select household_id from household_member where id_number = ?").param(idNumber)
                .query(Long.class).single();
        TekunCase c = cases.insert(new TekunCaseRepository.NewCase(household, "yuecun", idNumber, name, QualifyingCondition.ELDERLY,
                SupporterSituation.NONE, null, false, new TekunEligibility.CareArrangement(CareMode.CENTRALISED, "岳村乡敬老院", null, null)),
                null, "clerk.yuecun");
        TekunAmounts.Amounts a = amounts.amounts(cn.minzheng.bureau.region.AreaType.RURAL, SelfCareLevel.FULL_CARE);
        cases.saveAssessment(c.id(), SelfCareLevel.FULL_CARE, "卧床", a, "{}", "clerk.yuecun");
        return cases.activate(c.id(), "2026-01", "approver");
    }

    private static Map<String, Object> application(String idNumber) {
        Map<String, Object> form = new HashMap<>();
        form.put("idNumber", idNumber);
        form.put("supporterSituation", "UNABLE");
        form.put("supporterNote", "唯一的儿子为重度残疾人，无赡养能力");
        form.put("careMode", "CENTRALISED");
        form.put("careInstitution", "任丘社会福利中心");
        return form;
    }

    private String taskId(String user, String instance, String key) {
        JsonNode tasks = http.get(user, "/engine-rest/task?processInstanceId=" + instance + "&taskDefinitionKey=" + key).json();
        assertThat(tasks).as("%s sees %s", user, key).hasSize(1);
        return tasks.get(0).get("id").asText();
    }
}
