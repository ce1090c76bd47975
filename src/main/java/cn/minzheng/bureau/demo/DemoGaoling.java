package cn.minzheng.bureau.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.gaoling.GaolingProposalProcess;
import cn.minzheng.bureau.household.DisabilityLevel;
import cn.minzheng.bureau.household.EmploymentStatus;
import cn.minzheng.bureau.household.Household;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.household.Relation;
import cn.minzheng.bureau.household.ResidentIdNumber;

/**
 * 高龄津贴 demo: residents of 任丘办 and 岳村乡 who turn 80, 90 and 100 this month (and one who turns 80 next
 * month, not proposed yet), then this month's proposal, so the townships' clerks find it in Tasklist.
 */
@Component
public class DemoGaoling {

    private final HouseholdRepository households;
    private final RuntimeService runtimeService;
    private final JdbcClient jdbc;

    public DemoGaoling(HouseholdRepository households, RuntimeService runtimeService, JdbcClient jdbc) {
        this.households = households;
        this.runtimeService = runtimeService;
        this.jdbc = jdbc;
    }

    public boolean present() {
        return jdbc.sql("select count(*) from gaoling_proposal").query(Long.class).single() > 0;
    }

    public void seed() {
        YearMonth month = YearMonth.now();
        LocalDate first = month.atDay(1);
        resident("renqiu", "renqiu-yongle", "永乐小区2号楼101", "方德福", first.plusDays(9).minusYears(80), 901);
        resident("renqiu", "renqiu-jingdong", "京东小区8号楼202", "程桂英", first.plusDays(2).minusYears(90), 902);
        resident("yuecun", "yuecun-dongyue", "东岳村5组3号", "岳寿山", first.plusDays(14).minusYears(100), 903);
        resident("yuecun", "yuecun-yuecun", "岳村30号", "田秀芝", month.plusMonths(1).atDay(5).minusYears(80), 904);
        runtimeService.startProcessInstanceByMessage(GaolingProposalProcess.MESSAGE_START, "gaoling-" + month,
                Map.of(GaolingProposalProcess.VAR_PROPOSAL_MONTH, month.toString()));
    }

    private void resident(String township, String community, String address, String name, LocalDate born, int sequence) {
        String first17 = (township.equals("renqiu") ? "410302" : "410322") + born.toString().replace("-", "") + sequence;
        ResidentIdNumber id = ResidentIdNumber.parse(first17 + ResidentIdNumber.checkCharacter(first17));
        households.insert(new Household(null, township, community, address, "中国农业银行",
                "62284800000" + sequence + "0000", null, BigDecimal.ZERO,
                new Household.UtilitySpending(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO),
                List.of(new Household.Member(null, name, id, Relation.HEAD, EmploymentStatus.RETIRED, DisabilityLevel.NONE,
                        List.of()))));
    }
}
