package cn.minzheng.bureau.dibao.report;

import static cn.minzheng.bureau.dibao.TaskForms.assertChineseOnly;
import static cn.minzheng.bureau.dibao.TaskForms.whole;
import static cn.minzheng.bureau.dibao.report.ReportProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.minzheng.bureau.demo.DibaoWalker;
import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.dibao.DibaoCaseRepository;
import cn.minzheng.bureau.support.BrowserTest;
import cn.minzheng.bureau.support.CamundaForm;
import cn.minzheng.bureau.support.Tasklist;
import cn.minzheng.bureau.support.TestApplications;

/**
 * 低保举报核查 in a real Tasklist, each form as its real user: the 岳村乡 reviewer assigns a named report to the
 * clerk by name, the clerk investigates and finds hidden income, the district approver lowers the benefit to the
 * recalculated amount, and the case is paid less.
 */
@BrowserTest
class DibaoReportBrowserTest {

    private static final String CLERK = "clerk.yuecun";
    private static final String REVIEWER = "reviewer.yuecun";
    private static final String APPROVER = "approver";

    @Autowired
    DibaoWalker walker;
    @Autowired
    ReportService reports;
    @Autowired
    ReportRepository reportRepository;
    @Autowired
    DibaoCaseRepository cases;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;

    @Test
    void aReportIsAssignedInvestigatedAndDecidedAndTheBenefitIsLowered(Tasklist tasklist) {
        DibaoCase dibaoCase = activeCase(); // (520 - 300 / 2) x 2 = 740
        Report report = walker.as(CLERK, () -> reports.register(new ReportService.Registration(dibaoCase.id(), CHANNEL_ANY_TIME,
                false, "张三", "13800000000", "HIDDEN_INCOME", "户主在镇上打零工，每月有收入，未申报"), CLERK));
        String instance = report.processInstanceId();

        tasklist.loginAs(REVIEWER);
        CamundaForm assign = tasklist.openTask(task(instance, TASK_ASSIGN).getId());
        tasklist.waiting().until(d -> assign.values().contains(dibaoCase.caseNumber()));
        assertThat(assign.values()).contains("日常举报", "隐瞒收入", "740.00", "户主在镇上打零工，每月有收入，未申报");
        assertThat(String.join("\n", assign.values())).contains("实名举报").doesNotContain("张三", "13800000000");
        // the township's clerks and reviewers by name, nobody of another township
        assertThat(assign.options("调查人员", 0)).contains("王丽（岳村乡经办人）", "李建国（岳村乡审核人）")
                .allMatch(option -> option.contains("岳村乡"));
        assign.select("调查人员", "王丽（岳村乡经办人）");
        whole(tasklist, "dibao-report-assign-form");
        assertChineseOnly(assign);
        assign.submit();
        tasklist.waiting().until(d -> task(instance, TASK_INVESTIGATE) != null);
        assertThat(task(instance, TASK_INVESTIGATE).getAssignee()).isEqualTo(CLERK);

        String fromMonth = YearMonth.now().minusMonths(2).toString();
        tasklist.loginAs(CLERK);
        CamundaForm investigate = tasklist.openTask(task(instance, TASK_INVESTIGATE).getId());
        tasklist.waiting().until(d -> investigate.values().contains(dibaoCase.caseNumber()));
        investigate.type("一看家底：住房、车辆、存款等", "自住房一处，无车辆")
                .type("二问收入", "户主在镇上打零工，每月约400元，未申报")
                .type("三查就业情况", "户主灵活就业")
                .type("四核水电气暖开支（元/月，核实数）", 80)
                .type("五了解隐性收入（元/月，无则填0）", 400)
                .type("隐性收入说明", "打零工收入")
                .check("已入户走访核查", true)
                .type("调查结论", "举报属实")
                .check("举报属实", true)
                .type("隐瞒事实开始的月份（年-月，如2026-03）", fromMonth)
                .type("调查结论（写明查实或不实的依据）", "经走访雇主核实，户主自" + fromMonth + "起每月打零工收入约400元");
        whole(tasklist, "dibao-report-investigate-form");
        assertChineseOnly(investigate);
        investigate.submit();
        tasklist.waiting().until(d -> task(instance, TASK_DECIDE) != null);

        tasklist.loginAs(APPROVER);
        CamundaForm decide = tasklist.openTask(task(instance, TASK_DECIDE).getId());
        tasklist.waiting().until(d -> decide.values().contains(dibaoCase.caseNumber()));
        // 400 hidden: per capita (300 + 400) / 2 = 350, (520 - 350) x 2 = 340
        assertThat(decide.values()).contains("340.00", fromMonth);
        assertThat(String.join("\n", decide.values())).contains("打零工收入", "查实，建议自" + fromMonth + "起按每月340.00元核定")
                .doesNotContain("张三");
        decide.choose("处理决定", "查实，按重新核算金额降低待遇并追回多发金额")
                .type("决定理由（书面告知）", "隐瞒打零工收入，按重新核算金额发放");
        whole(tasklist, "dibao-report-decide-form");
        assertChineseOnly(decide);
        decide.submit();
        tasklist.waiting().until(d -> runtimeService.createProcessInstanceQuery().processInstanceId(instance).count() == 0);

        Report decided = reportRepository.get(report.id());
        assertThat(decided.status()).isEqualTo("FOUNDED");
        assertThat(decided.outcome()).isEqualTo(LOWER);
        assertThat(decided.recoveryId()).isNotNull();
        assertThat(cases.find(dibaoCase.id()).orElseThrow().monthlyAmount()).isEqualByComparingTo("340.00");
    }

    private DibaoCase activeCase() {
        return walker.approved(CLERK, REVIEWER, APPROVER, TestApplications.yuecunHousehold(2, "300"));
    }

    private Task task(String instance, String key) {
        return taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).singleResult();
    }
}
