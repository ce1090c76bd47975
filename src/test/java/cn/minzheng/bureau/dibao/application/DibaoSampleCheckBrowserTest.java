package cn.minzheng.bureau.dibao.application;

import static cn.minzheng.bureau.dibao.TaskForms.assertChineseOnly;
import static cn.minzheng.bureau.dibao.TaskForms.whole;
import static cn.minzheng.bureau.dibao.application.DibaoApplicationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.minzheng.bureau.demo.DibaoWalker;
import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.dibao.DibaoCaseRepository;
import cn.minzheng.bureau.dibao.DibaoSettings;
import cn.minzheng.bureau.support.BrowserTest;
import cn.minzheng.bureau.support.CamundaForm;
import cn.minzheng.bureau.support.Tasklist;
import cn.minzheng.bureau.support.TestApplications;

/**
 * 区民政局抽查 in a real Tasklist: with 审核确认权限下放 on, a 岳村乡 case confirmed by the township (walked there
 * through the API, its forms are proven elsewhere) is drawn, and the district approver records a problem found.
 */
@BrowserTest
class DibaoSampleCheckBrowserTest {

    private static final String CLERK = "clerk.yuecun";
    private static final String REVIEWER = "reviewer.yuecun";
    private static final String APPROVER = "approver";

    @Autowired
    DibaoWalker walker;
    @Autowired
    DibaoSettings settings;
    @Autowired
    DibaoCaseRepository cases;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;

    @Test
    void theDistrictApproverRecordsTheSampleCheckOfATownshipConfirmedCase(Tasklist tasklist) {
        settings.setTownshipConfirms(true);
        settings.setSamplingShare(BigDecimal.ONE);
        DibaoCase dibaoCase;
        try {
            dibaoCase = walker.submit(CLERK, TestApplications.yuecunHousehold(2, "300"));
            walker.accept(CLERK, dibaoCase);
            walker.survey(CLERK, dibaoCase, java.util.Map.of());
            walker.reviewByTownship(REVIEWER, dibaoCase, APPROVE, "同意");
            walker.endNotice(dibaoCase);
        } finally {
            settings.setTownshipConfirms(false);
            settings.setSamplingShare(new BigDecimal("0.20"));
        }
        Task task = taskService.createTaskQuery().processInstanceId(dibaoCase.processInstanceId())
                .taskDefinitionKey(TASK_SAMPLE_CHECK).singleResult();
        assertThat(task).isNotNull();

        tasklist.loginAs(APPROVER);
        CamundaForm form = tasklist.openTask(task.getId());
        tasklist.waiting().until(d -> form.values().contains(dibaoCase.caseNumber()));
        assertThat(form.values()).contains("岳村乡", "同意");
        form.choose("抽查结论", "发现问题");
        form.type("抽查说明；发现问题时须写明问题", "户主在外务工收入未核实，请乡镇补充调查");
        whole(tasklist, "dibao-sample-check-form-approver");
        assertChineseOnly(form);
        form.submit();
        tasklist.waiting().until(d -> historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(dibaoCase.processInstanceId()).finished().count() == 1);

        assertThat(cases.decisions(dibaoCase.id())).extracting(d -> d.step() + ":" + d.decision() + ":" + d.decidedBy()
                + ":" + d.comment()).contains(TASK_SAMPLE_CHECK + ":PROBLEM:" + APPROVER + ":户主在外务工收入未核实，请乡镇补充调查");
    }
}
