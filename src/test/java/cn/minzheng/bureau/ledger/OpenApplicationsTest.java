package cn.minzheng.bureau.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import cn.minzheng.bureau.engine.ProcessVariable;
import cn.minzheng.bureau.engine.VariableDeclarations;
import cn.minzheng.bureau.household.HouseholdForm;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.household.HouseholdValidator;
import cn.minzheng.bureau.household.HouseholdForm.MemberForm;
import cn.minzheng.bureau.household.ResidentIdNumber;
import cn.minzheng.bureau.program.Program;
import cn.minzheng.bureau.program.ProgramRegistry;
import cn.minzheng.bureau.support.Http;
import cn.minzheng.bureau.support.WebappSession;
import cn.minzheng.bureau.tekun.TekunProcess;

/**
 * The dashboard's open applications of the programs beside 低保, by the step each application waits in and confined
 * to the user's township: a 特困供养 application of 岳村乡 at its survey and one of 孟轲乡 at the township review each
 * count under their program and step, for their own township only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApplicationsTest {

    private static final String TEKUN = "特困人员救助供养";
    private static final String SURVEY = "入户调查和生活自理能力评估";
    private static final String TOWNSHIP_REVIEW = "乡镇（街道）审核";

    @LocalServerPort
    int port;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    OpenApplications openApplications;
    @Autowired
    ProgramRegistry programs;
    @Autowired
    List<VariableDeclarations> declarations;
    @Autowired
    HouseholdRepository households;
    @Autowired
    HouseholdValidator validator;

    @Test
    void aTekunApplicationCountsUnderItsProgramAndStepInItsOwnTownshipOnly() {
        Map<String, Long> yuecunBefore = counts("yuecun");
        Map<String, Long> mengkeBefore = counts("mengke");
        Map<String, Long> districtBefore = counts(null);
        Http http = new Http(port);

        String atSurvey = apply(http, "yuecun", "yuecun-yuecun");
        String atReview = apply(http, "mengke", "mengke-mengke");
        JsonNode survey = http.get("clerk.mengke", "/engine-rest/task?processInstanceId=" + atReview
                + "&taskDefinitionKey=" + TekunProcess.TASK_SURVEY).json();
        assertThat(http.submitTaskForm("clerk.mengke", survey.get(0).get("id").asText(),
                Map.of("selfCareLevel", "FULL_SELF_CARE", "surveyFinding", "独居")).status()).isEqualTo(204);
        assertThat(atSurvey).isNotEqualTo(atReview);

        Map<String, Long> yuecun = counts("yuecun");
        Map<String, Long> mengke = counts("mengke");
        Map<String, Long> district = counts(null);
        assertThat(delta(yuecun, yuecunBefore, TEKUN + "/" + SURVEY)).isEqualTo(1);
        assertThat(delta(yuecun, yuecunBefore, TEKUN + "/" + TOWNSHIP_REVIEW)).isZero();
        assertThat(delta(mengke, mengkeBefore, TEKUN + "/" + SURVEY)).isZero();
        assertThat(delta(mengke, mengkeBefore, TEKUN + "/" + TOWNSHIP_REVIEW)).isEqualTo(1);
        assertThat(delta(district, districtBefore, TEKUN + "/" + SURVEY)).isEqualTo(1);
        assertThat(delta(district, districtBefore, TEKUN + "/" + TOWNSHIP_REVIEW)).isEqualTo(1);
        assertThat(openApplications.byProgram("yuecun")).noneMatch(s -> s.programName().equals("最低生活保障"));

        // the page: a township's clerk sees the table of their township, the programs of the registry in it
        WebappSession clerk = new WebappSession(port);
        clerk.login("clerk.yuecun", "demo");
        String page = clerk.get("/ledger/dashboard").body();
        assertThat(page).contains("program-open-applications").contains("<td>" + SURVEY + "</td><td class=\"num\">"
                + yuecun.get(TEKUN + "/" + SURVEY) + "</td>");
        programs.all().stream().filter(p -> !p.code().equals(Program.DIBAO))
                .forEach(p -> assertThat(page).contains("<td>" + p.name() + "</td>"));
    }

    /** Confining by township needs every program's application process to keep the township it belongs to. */
    @Test
    void everyProgramsApplicationProcessDeclaresItsTownship() {
        // the programs of processes/ (a test may register a program of its own without a process, e.g. ProgramPayrollTest)
        List<Program> withProcess = programs.all().stream().filter(p -> repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(p.applicationProcessKey()).count() > 0).toList();
        assertThat(withProcess).extracting(Program::code).contains("DIBAO", "TEKUN", "LINSHI", "GAOLING");
        for (Program program : withProcess) {
            assertThat(declarations).as(program.applicationProcessKey())
                    .anySatisfy(d -> {
                        assertThat(d.processKey()).isEqualTo(program.applicationProcessKey());
                        assertThat(d.variables()).extracting(ProcessVariable::name).contains("townshipCode");
                    });
        }
    }

    private Map<String, Long> counts(String township) {
        Map<String, Long> counts = new HashMap<>();
        openApplications.byProgram(township).stream().filter(s -> s.stage() != null)
                .forEach(s -> counts.put(s.programName() + "/" + s.stage(), s.applications()));
        return counts;
    }

    private static long delta(Map<String, Long> after, Map<String, Long> before, String key) {
        return after.getOrDefault(key, 0L) - before.getOrDefault(key, 0L);
    }

    /** A person of 82 without income or supporter, alone in a household of the community, applies; the instance. */
    private String apply(Http http, String township, String community) {
        String first17 = "41" + String.format("%04d", ThreadLocalRandom.current().nextInt(100, 10000))
                + LocalDate.now().minusYears(82).minusDays(10).toString().replace("-", "")
                + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
        String id = first17 + ResidentIdNumber.checkCharacter(first17);
        households.insert(validator.validate(new HouseholdForm(township, community, "测试地址9号", "中国农业银行",
                "6228480000000000009", "无", "0", "5", "10", "0", "0",
                List.of(new MemberForm("看板老人", id, "HEAD", "RETIRED", "NONE", List.of())))));
        Map<String, Object> form = new HashMap<>();
        form.put("idNumber", id);
        form.put("supporterSituation", "UNABLE");
        form.put("supporterNote", "无法定赡养人");
        form.put("careMode", "CENTRALISED");
        form.put("careInstitution", "区社会福利中心");
        Http.Response response = http.post("clerk." + township, "/api/tekun/applications", form);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("processInstanceId").asText();
    }
}
