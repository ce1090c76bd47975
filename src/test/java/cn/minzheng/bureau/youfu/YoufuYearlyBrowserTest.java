package cn.minzheng.bureau.youfu;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.common.JsonRows;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.household.HouseholdValidator;
import cn.minzheng.bureau.support.BrowserTest;
import cn.minzheng.bureau.support.CamundaForm;
import cn.minzheng.bureau.support.FreshPeriods;
import cn.minzheng.bureau.support.Tasklist;

/**
 * The forms of 优抚's yearly work filled in Tasklist by the township clerk whose work they are (the yearly processes
 * start as their timers start them): the 义务兵登记 start form; the 年审, one recipient 未能确认 with the reason and
 * suspended; the year's 义务兵家庭优待金, the registered conscript's family granted.
 */
@BrowserTest
class YoufuYearlyBrowserTest {

    private static final String CLERK = "clerk.yuecun";

    @Autowired
    ProcessEngine engine;
    @Autowired
    HouseholdRepository households;
    @Autowired
    HouseholdValidator validator;
    @Autowired
    YoufuRepository recipients;
    @Autowired
    YoufuConscriptRepository conscripts;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theClerkAnswersTheAnnualReviewAndTheConscriptGrantInTasklist(Tasklist tasklist) {
        YoufuRecipient away = YoufuFamilies.activeRecipient(recipients, jdbc, households, validator, "卫远行",
                YearMonth.now().toString());
        YoufuFamilies.Family f = YoufuFamilies.conscriptFamily(households, validator, "yuecun", "yuecun-yuecun",
                "蒋秀梅", "蒋涛", 20);
        LocalDate enlisted = LocalDate.now().minusMonths(1);

        tasklist.loginAs(CLERK);
        CamundaForm registration = tasklist.startProcess("义务兵登记");
        registration.type("义务兵身份证号码", f.conscriptIdNumber())
                .type("领取优待金的家属身份证号码", f.motherIdNumber())
                .date("入伍日期", enlisted);
        tasklist.screenshot("youfu-conscript-registration-start");
        tasklist.submit(registration, "youfu-conscript-registration-start",
                () -> conscripts.findByPerson(f.conscriptIdNumber()).isPresent());
        YoufuConscript conscript = conscripts.findByPerson(f.conscriptIdNumber()).orElseThrow();
        assertThat(conscript.payeeName()).isEqualTo("蒋秀梅");
        assertThat(conscript.enlistmentDate()).isEqualTo(enlisted);
        LocalDate e = conscript.enlistmentDate();
        int grantYear = e.isAfter(YoufuConscriptService.dueDay(e.getYear())) ? e.getYear() + 1 : e.getYear();

        ProcessInstance review = engine.getRuntimeService().startProcessInstanceByMessage(YoufuAnnualProcess.MESSAGE_START,
                Map.of(YoufuAnnualProcess.VAR_CHECK_YEAR, FreshPeriods.year()));
        Task reviewTask = task(review);
        List<Map<String, Object>> reviewRows = rows(reviewTask, YoufuAnnualProcess.VAR_RECIPIENTS);

        CamundaForm form = tasklist.openTask(reviewTask.getId());
        tasklist.waiting().until(d -> form.values().contains(away.personIdNumber()));
        assertThat(form.values()).contains("岳村乡", "残疾军人（因战五级）", "4553.33");
        tasklist.screenshot("youfu-annual-confirm");
        for (int i = 0; i < reviewRows.size(); i++) {
            if (away.personIdNumber().equals(reviewRows.get(i).get("idNumber"))) {
                form.select("年审结论", i, "未能确认");
                form.type("未能确认的原因（如已去世、已迁出、联系不上）", i, "入户两次未见本人");
            } else {
                form.select("年审结论", i, "健在且符合享受条件");
            }
        }
        tasklist.submit(form, "youfu-annual-confirm", () -> task(review) == null);
        answerOtherTownships(review);
        assertThat(recipients.find(away.id()).orElseThrow().status()).isEqualTo(YoufuStatus.SUSPENDED);

        ProcessInstance grant = engine.getRuntimeService().startProcessInstanceByMessage(YoufuConscriptProcess.MESSAGE_START,
                Map.of(YoufuConscriptProcess.VAR_GRANT_YEAR, grantYear));
        Task grantTask = task(grant);
        List<Map<String, Object>> grantRows = rows(grantTask, YoufuConscriptProcess.VAR_CONSCRIPTS);
        CamundaForm grantForm = tasklist.openTask(grantTask.getId());
        tasklist.waiting().until(d -> grantForm.values().contains("蒋涛"));
        assertThat(grantForm.values()).contains("蒋秀梅", "11400.00", String.valueOf(grantYear));
        tasklist.screenshot("youfu-conscript-confirm");
        for (int i = 0; i < grantRows.size(); i++) {
            grantForm.select("核对结论", i, "在役，发放优待金");
        }
        tasklist.submit(grantForm, "youfu-conscript-confirm",
                () -> conscripts.grantsOf(conscript.id()).get(0).status() == YoufuConscriptRepository.GrantStatus.GRANTED);
        assertThat(jdbc.sql("select amount from enrolment where program_code = 'YOUFU_YOUDAI' and program_case_id = ?")
                .param(conscripts.grantsOf(conscript.id()).get(0).id()).query(java.math.BigDecimal.class).single())
                .isEqualByComparingTo("11400.00");
    }

    /** The clerk's township's task of the instance (null when none is open). */
    private Task task(ProcessInstance instance) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).list().stream()
                .filter(t -> "yuecun".equals(townshipOf(t)))
                .findFirst().orElse(null);
    }

    /** Null for a task completed since it was listed: the clerk's submit in the browser races this poll (CI saw it). */
    private Object townshipOf(Task task) {
        try {
            return engine.getTaskService().getVariable(task.getId(), "townshipCode");
        } catch (NullValueException completedMeanwhile) {
            return null;
        }
    }

    private List<Map<String, Object>> rows(Task task, String variable) {
        return JsonRows.of(engine.getTaskService().getVariable(task.getId(), variable), "rows");
    }

    /** Other townships' recipients listed by the same 年审 (other tests' data): confirmed, so the process ends. */
    private void answerOtherTownships(ProcessInstance review) {
        for (Task t : engine.getTaskService().createTaskQuery().processInstanceId(review.getId()).list()) {
            List<Map<String, Object>> rows = rows(t, YoufuAnnualProcess.VAR_RECIPIENTS).stream()
                    .map(r -> {
                        Map<String, Object> m = new java.util.LinkedHashMap<>(r);
                        m.put("decision", "CONFIRMED");
                        return m;
                    }).toList();
            engine.getTaskService().setAssignee(t.getId(), "clerk." + engine.getTaskService().getVariable(t.getId(), "townshipCode"));
            engine.getTaskService().complete(t.getId(), Map.of(YoufuAnnualProcess.VAR_RECIPIENTS,
                    org.camunda.spin.plugin.variable.SpinValues.jsonValue(toJson(rows)).create()));
        }
    }

    private static String toJson(Object value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
