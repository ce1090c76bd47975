package cn.minzheng.bureau.dibao.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.support.BrowserTest;
import cn.minzheng.bureau.support.CamundaForm;
import cn.minzheng.bureau.support.Tasklist;
import cn.minzheng.bureau.support.TestApplications;

/**
 * The 低保 application from the clerk's first step, in a real browser: 发起流程 → 城乡低保申请审批, the
 * start form filled as a township clerk fills it, 启动, and the case is registered in the clerk's
 * township.
 */
@BrowserTest
class DibaoApplicationBrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aTownshipClerkRegistersAnApplicationWithTheStartForm(Tasklist tasklist) {
        String headId = TestApplications.idNumber(false);
        tasklist.loginAs("clerk.yuecun");
        CamundaForm form = tasklist.startProcess("城乡低保申请审批");
        fillApplication(form, headId);
        tasklist.screenshot("dibao-start-form-filled");
        assertThat(form.errors()).isEmpty();
        form.submit();

        tasklist.waiting().until(d -> caseOf(headId) != null);
        Map<String, Object> registered = caseOf(headId);
        assertThat(registered).containsEntry("township_code", "yuecun").containsEntry("status", "APPLIED");
        tasklist.screenshot("dibao-start-form-submitted");
    }

    static void fillApplication(CamundaForm form, String headId) {
        form.select("乡镇（街道）", "岳村乡")
                .select("村（社区）", "东岳村")
                .type("家庭住址", "东岳村12号")
                .select("保障类别", "一般困难家庭")
                .type("开户银行", "中国农业银行")
                .type("银行账号", "6228480012345678901")
                .type("水费（元/月）", 15)
                .type("电费（元/月）", 40)
                .type("姓名", 0, "赵春花")
                .type("公民身份号码", 0, headId)
                .select("与户主关系", 0, "户主")
                .select("就业状况", 0, "灵活就业")
                .select("残疾等级", 0, "无")
                .type("工资性收入", 0, 300);
    }

    private Map<String, Object> caseOf(String headId) {
        return jdbc.sql("""
                select c.township_code, c.status from dibao_case c join household_member m on m.household_id = c.household_id
                where m.id_number = ?""").param(headId).query().listOfRows().stream().findFirst().orElse(null);
    }
}
