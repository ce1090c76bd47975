package cn.minzheng.bureau.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.support.BrowserTest;
import cn.minzheng.bureau.support.CamundaForm;
import cn.minzheng.bureau.support.Tasklist;

/**
 * Both forms of 慰问（物资）发放 filled and submitted in Tasklist by the users whose work they are: 优抚安置科 (youfu) starts an
 * 八一慰问 of the 优抚对象 of 岳村乡, and the township's clerk ticks everyone on the frozen list as signed for.
 */
@BrowserTest
class DistributionBrowserTest {

    @Autowired
    HouseholdRepository households;
    @Autowired
    DistributionRepository distributions;
    @Autowired
    DistributionService service;
    @Autowired
    TaskService taskService;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theDistrictStartsADistributionAndTheTownshipSignsOffItsList(Tasklist tasklist) {
        String veteran = DistributionPeople.household(households, "yuecun", "yuecun-yuecun", "八一慰问甲").get(0);
        DistributionPeople.enrol(jdbc, "YOUFU", veteran, true, "ACTIVE");
        String name = "八一走访慰问" + ThreadLocalRandom.current().nextInt(100_000);

        tasklist.loginAs("youfu");
        CamundaForm start = tasklist.startProcess("慰问（物资）发放");
        start.type("发放名称", name).select("发放事由", "八一慰问").tick("发放对象（按享受中的救助项目）", "优抚对象（定期抚恤补助）")
                .tick("发放乡镇（街道）（不选为全区）", "岳村乡").type("每人慰问金（元）", "800")
                .type("物资名称（如：药品包、米面油）", "慰问品").type("每人物资数量", 1).type("物资单位（如：份、袋、台）", "份");
        tasklist.submit(start, "group-distribution-start", () -> distributionNamed(name) != null);
        long id = distributionNamed(name);
        assertThat(distributions.find(id).cashPerRecipient()).isEqualByComparingTo("800.00");
        List<String> listed = distributions.recipients(id).stream().map(DistributionRepository.Recipient::idNumber).toList();
        assertThat(listed).contains(veteran);

        Task signOff = taskService.createTaskQuery().processInstanceBusinessKey(distributions.find(id).distributionNumber())
                .singleResult();
        tasklist.loginAs("clerk.yuecun");
        CamundaForm form = tasklist.openTask(signOff.getId());
        assertThat(String.join("\n", form.values())).contains("岳村乡", listed.size() + "人，每人慰问金800.00元、慰问品1份");
        for (Map<String, String> option : service.recipientOptions(id, "yuecun")) {
            form.tick("已签字领取", option.get("label"));
        }
        tasklist.submit(form, "group-distribution-signoff", () -> !distributions.signOffs(id).isEmpty());
        assertThat(distributions.signOffs(id)).singleElement().satisfies(s -> assertThat(s.recipients()).isEqualTo(listed.size()));
        assertThat(distributions.find(id).status()).isEqualTo("COMPLETED");
    }

    private Long distributionNamed(String name) {
        return jdbc.sql("select id from group_distribution where name = ?").param(name).query(Long.class).optional().orElse(null);
    }
}
