package cn.minzheng.bureau.linshi;

import static cn.minzheng.bureau.linshi.LinshiProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.household.Household;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.linshi.LinshiRepository.LinshiCase;
import cn.minzheng.bureau.payroll.PayrollComputation;
import cn.minzheng.bureau.payroll.PayrollRepository;
import cn.minzheng.bureau.program.Program;
import cn.minzheng.bureau.support.BrowserTest;
import cn.minzheng.bureau.support.CamundaForm;
import cn.minzheng.bureau.support.FreshPeriods;
import cn.minzheng.bureau.support.Tasklist;

/**
 * Every form of 临时救助 filled and submitted in Tasklist by the user whose work it is: the township clerk
 * registers a 急难型 application with 先行救助 and completes its paperwork, the township's reviewer proposes an
 * amount above the cap as 一事一议, the district approver and a second district approver approve; the grant is
 * then paid once by the LINSHI payroll, and a second payroll pays it no more.
 */
@BrowserTest
class LinshiBrowserTest {

    @Autowired
    HouseholdRepository households;
    @Autowired
    LinshiRepository cases;
    @Autowired
    PayrollRepository payrolls;
    @Autowired
    PayrollComputation computation;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    JdbcClient jdbc;

    /**
     * 急难 for a household not on record: the clerk ticks 申请人家庭尚未登记 and registers the household on the start
     * form (village, address, bank account, head and a member with ID numbers); the household is on record with the
     * case, which waits for the township's review. Rural 520 × 2 (急难型, 一般困难) = 1040.00.
     */
    @Test
    void aClerkRegistersAHouseholdNotOnRecordFromTheStartForm(Tasklist tasklist) {
        String head = LinshiHouseholds.freshIdNumber().value();
        String child = LinshiHouseholds.freshIdNumber().value();

        tasklist.loginAs("clerk.yuecun");
        CamundaForm start = tasklist.startProcess("临时救助申请审批");
        start.type("申请人身份证号码", head)
                .check("申请人家庭尚未登记（在此登记新家庭）", true)
                .select("乡镇（街道）", "岳村乡")
                .select("村（社区）", "岳村")
                .type("家庭住址", "岳村九组12号")
                .type("开户银行", "中国农业银行")
                .type("银行账号", "6228480099887766554")
                .addRow("家庭成员（含户主，申请人须在其中）")
                .type("姓名", 0, "岳新户")
                .type("公民身份号码", 0, head)
                .select("与户主关系", 0, "户主")
                .select("就业状况", 0, "务农")
                .select("残疾等级", 0, "无")
                .addRow("家庭成员（含户主，申请人须在其中）")
                .type("姓名", 1, "岳新儿")
                .type("公民身份号码", 1, child)
                .select("与户主关系", 1, "子女")
                .select("就业状况", 1, "在校学生")
                .select("残疾等级", 1, "无")
                .choose("救助类型", "急难型（突发事件、意外事故等导致基本生活暂时困难）")
                .choose("困难程度", "一般困难")
                .type("申请事由", "房屋倒塌，借住亲戚家，家中从未登记家庭信息。");
        tasklist.screenshot("linshi-start-new-household");
        tasklist.submit(start, "linshi-application-start", () -> jdbc.sql(
                "select count(*) from household_member where id_number = ?").param(head).query(Long.class).single() > 0);

        long householdId = jdbc.sql("select household_id from household_member where id_number = ?").param(head)
                .query(Long.class).single();
        Household registered = households.find(householdId).orElseThrow();
        assertThat(registered.address()).isEqualTo("岳村九组12号");
        assertThat(registered.communityCode()).isEqualTo(LinshiHouseholds.YUECUN_VILLAGE);
        assertThat(registered.members()).extracting(Household.Member::name).containsExactly("岳新户", "岳新儿");
        LinshiCase c = caseOf(registered);
        assertThat(c.standardAmount()).isEqualByComparingTo("1040.00");
        assertThat(isWaitingAt(c, TASK_TOWNSHIP_REVIEW)).isTrue();
    }

    @Test
    void aClerkStartsAnApplicationThatEachLevelApprovesAndThePayrollPaysOnce(Tasklist tasklist) {
        Household household = LinshiHouseholds.register(households, LinshiHouseholds.YUECUN,
                LinshiHouseholds.YUECUN_VILLAGE, 3);
        String idNumber = household.head().idNumber().value();

        tasklist.loginAs("clerk.yuecun");
        CamundaForm start = tasklist.startProcess("临时救助申请审批");
        start.type("申请人身份证号码", idNumber)
                .choose("救助类型", "急难型（突发事件、意外事故等导致基本生活暂时困难）")
                .choose("困难程度", "特别困难")
                .type("申请事由", "夜间房屋失火，家中衣物、口粮和家电全部烧毁，户主烧伤住院。")
                .type("先行救助金额（已当场发放）", "500");
        tasklist.submit(start, "linshi-application-start", () -> caseOf(household) != null);
        LinshiCase c = caseOf(household);
        // rural standard 520 × 6 (急难型, 特别困难) = 3120
        assertThat(c.standardAmount()).isEqualByComparingTo("3120.00");
        assertThat(c.advanceAmount()).isEqualByComparingTo("500.00");

        CamundaForm paperwork = tasklist.openTask(task(c, TASK_PAPERWORK).getId());
        assertThat(paperwork.values()).contains(household.head().name());
        assertThat(String.join("\n", paperwork.values())).contains("已先行救助：500.00元");
        paperwork.type("补办手续情况（已补齐的材料）", "已补齐申请书、村委会证明、火灾事故认定书和户口簿复印件。");
        tasklist.submit(paperwork, "linshi-paperwork", () -> isWaitingAt(c, TASK_TOWNSHIP_REVIEW));

        tasklist.loginAs("reviewer.yuecun");
        CamundaForm review = tasklist.openTask(task(c, TASK_TOWNSHIP_REVIEW).getId());
        assertThat(String.join("\n", review.values())).contains("补办手续：已补齐申请书");
        review.choose("审核结果", "同意")
                .type("拟救助金额", "12000")
                .type("一事一议理由（超过一般程序上限时填写）", "户主烧伤需植皮手术，房屋需修缮，经乡镇（街道）集体研究。")
                .type("审核意见", "情况属实，同意救助，按一事一议报区民政局。");
        tasklist.submit(review, "linshi-township-review", () -> isWaitingAt(c, TASK_DISTRICT_APPROVAL));

        tasklist.loginAs("approver");
        CamundaForm district = tasklist.openTask(task(c, TASK_DISTRICT_APPROVAL).getId());
        assertThat(String.join("\n", district.values())).contains("拟救助12000.00元", "一事一议");
        district.choose("审批结果", "批准").type("审批意见", "同意，提交第二审批人。");
        tasklist.submit(district, "linshi-district-approval", () -> isWaitingAt(c, TASK_SECOND_APPROVAL));

        tasklist.loginAs("dibaohead");
        CamundaForm second = tasklist.openTask(task(c, TASK_SECOND_APPROVAL).getId());
        second.choose("审批意见", "同意").type("审批意见说明", "同意一事一议，救助12000元。");
        tasklist.submit(second, "linshi-second-approval", () -> cases.find(c.id()).orElseThrow().status() == LinshiStatus.GRANTED);

        LinshiCase granted = cases.find(c.id()).orElseThrow();
        assertThat(granted.grantedAmount()).isEqualByComparingTo("12000.00");
        assertThat(granted.paidAmount()).isEqualByComparingTo("11500.00");
        assertThat(granted.secondApprovedBy()).isEqualTo("dibaohead");

        YearMonth month = FreshPeriods.month(3);
        computation.compute(payrolls.insert(Program.LINSHI, month));
        computation.compute(payrolls.insert(Program.LINSHI, month.plusMonths(1)));
        List<java.math.BigDecimal> paid = jdbc.sql("select amount from payment where one_off_enrolment_id = ?")
                .param(granted.enrolmentId()).query(java.math.BigDecimal.class).list();
        assertThat(paid).singleElement().satisfies(amount -> assertThat(amount).isEqualByComparingTo("11500.00"));
        assertThat(jdbc.sql("select count(*) from payment where enrolment_id = ?").param(granted.enrolmentId())
                .query(Long.class).single()).isEqualTo(1);
    }

    private LinshiCase caseOf(Household household) {
        return jdbc.sql("select id from linshi_case where household_id = ?").param(household.id()).query(Long.class)
                .optional().flatMap(cases::find).orElse(null);
    }

    private boolean isWaitingAt(LinshiCase c, String taskKey) {
        return taskService.createTaskQuery().processInstanceId(c.processInstanceId()).taskDefinitionKey(taskKey).count() == 1;
    }

    private Task task(LinshiCase c, String key) {
        List<Task> found = taskService.createTaskQuery().processInstanceId(c.processInstanceId()).taskDefinitionKey(key).list();
        assertThat(found).as("open tasks %s", key).hasSize(1);
        return found.get(0);
    }
}
