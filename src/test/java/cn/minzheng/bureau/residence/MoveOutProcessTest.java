package cn.minzheng.bureau.residence;

import static cn.minzheng.bureau.residence.MoveOutProcess.*;
import static cn.minzheng.bureau.residence.MovingPeople.CLERK;
import static cn.minzheng.bureau.support.RuleViolations.violation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.demo.DibaoWalker;
import cn.minzheng.bureau.engine.EngineClock;
import cn.minzheng.bureau.gaoling.GaolingAllowance;
import cn.minzheng.bureau.gaoling.GaolingRepository;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.payroll.PayrollComputation;
import cn.minzheng.bureau.payroll.PayrollRepository;
import cn.minzheng.bureau.payroll.PayrollStaleness;
import cn.minzheng.bureau.program.Enrolment;
import cn.minzheng.bureau.program.EnrolmentRepository;
import cn.minzheng.bureau.program.EnrolmentStatus;
import cn.minzheng.bureau.program.Program;
import cn.minzheng.bureau.support.ProcessTest;

/**
 * household-move-out.bpmn: a clerk records a resident's move out of the district; the person's 高龄津贴 ends at the
 * end of the month of the move with its dated history, a payroll computed before for a later month is stale and, once
 * computed again, leaves the person out, as does the next one; the monthly proposal no longer lists them. Bad input
 * is refused in Chinese and nothing is written (the start rolls back).
 */
@ProcessTest
class MoveOutProcessTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    DibaoWalker walker;
    @Autowired
    HouseholdRepository households;
    @Autowired
    GaolingRepository gaoling;
    @Autowired
    GaolingAllowance allowance;
    @Autowired
    EnrolmentRepository enrolments;
    @Autowired
    PayrollRepository payrolls;
    @Autowired
    PayrollComputation computation;
    @Autowired
    PayrollStaleness staleness;
    @Autowired
    MoveOutRepository moveOuts;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void init() {
        BpmnAwareTests.init(engine);
    }

    @Test
    void aMoveOutEndsTheAllowanceFromTheMonthAfterAndTheComputedPayrollIsStale() {
        int year = yearWithoutGaolingPayrolls();
        YearMonth start = YearMonth.of(year, 3);
        String id = MovingPeople.resident(households, "任迁出", LocalDate.of(year - 85, 6, 1));
        GaolingRepository.Recipient recipient = MovingPeople.enrolInGaoling(gaoling, allowance, households, id, start);
        Enrolment enrolment = enrolments.forProgramCase(Program.GAOLING, recipient.id()).orElseThrow();

        long may = payrolls.insert(Program.GAOLING, YearMonth.of(year, 5));
        computation.compute(may);
        long june = payrolls.insert(Program.GAOLING, YearMonth.of(year, 6));
        computation.compute(june);
        assertThat(paidMonths(enrolment)).containsExactly(year + "-05", year + "-06");
        assertThat(staleness.of(payrolls.get(june)).stale()).isFalse();

        LocalDate movedOn = LocalDate.of(year, 5, 20);
        ProcessInstance instance = start(CLERK, form(id, movedOn));
        assertThat(instance).isEnded().hasPassed(TASK_RECORD, END_RECORDED).variables()
                .containsEntry("registeredBy", CLERK).containsEntry("townshipCode", "renqiu");
        MoveOut recorded = moveOuts.ofProcess(instance.getId()).orElseThrow();
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instance.getId())
                .singleResult().getBusinessKey()).isEqualTo(recorded.recordNumber());
        assertThat(recorded.effects()).contains("任迁出标记为已迁出本区（" + movedOn + "）", "高龄津贴：自" + year + "-05月末终止");
        assertThat(recorded.destination()).isEqualTo("河南省郑州市金水区");

        // the enrolment ends with the month of the move, with its dated history
        Enrolment ended = enrolments.find(enrolment.id()).orElseThrow();
        assertThat(ended.status()).isEqualTo(EnrolmentStatus.ENDED);
        assertThat(ended.endMonth()).isEqualTo(year + "-05");
        assertThat(enrolments.history(enrolment.id())).last().satisfies(h -> {
            assertThat(h.status()).isEqualTo(EnrolmentStatus.ENDED);
            assertThat(h.changedBy()).isEqualTo(CLERK);
            assertThat(h.reason()).contains("户籍迁出本区", "迁往河南省郑州市金水区");
        });
        assertThat(jdbc.sql("select moved_out_on from household_member where id_number = ?").param(id)
                .query(LocalDate.class).single()).isEqualTo(movedOn);

        // June was computed before: stale, and computed again it leaves the person out; so does July
        PayrollStaleness.Staleness stale = staleness.of(payrolls.get(june));
        assertThat(stale.stale()).isTrue();
        assertThat(stale.dropped()).isEqualTo(1);
        computation.discard(june);
        computation.compute(june);
        assertThat(staleness.of(payrolls.get(june)).stale()).isFalse();
        long july = payrolls.insert(Program.GAOLING, YearMonth.of(year, 7));
        computation.compute(july);
        assertThat(paidMonths(enrolment)).containsExactly(year + "-05");

        // the monthly proposal no longer lists the person; a second move out is refused
        assertThat(gaoling.residentsBornBy(LocalDate.of(year - 85, 6, 1))).extracting(GaolingRepository.Resident::idNumber)
                .doesNotContain(id);
        long before = count();
        assertThatThrownBy(() -> start(CLERK, form(id, movedOn))).satisfies(violation("已于" + movedOn + "登记迁出本区"));
        assertThat(count()).isEqualTo(before);
    }

    /**
     * A year long past whose May to July hold no 高龄 payroll yet: GaolingPayrollTest takes years of the same span, and
     * a month's payroll exists once.
     */
    private int yearWithoutGaolingPayrolls() {
        List<Integer> years = new java.util.ArrayList<>(java.util.stream.IntStream.rangeClosed(2001, 2020).boxed().toList());
        java.util.Collections.shuffle(years);
        for (int year : years) {
            List<String> months = List.of(year + "-05", year + "-06", year + "-07");
            long taken = jdbc.sql("select count(*) from payroll where program_code = 'GAOLING' and payroll_month in (:months)")
                    .param("months", months).query(Long.class).single();
            if (taken == 0) {
                return year;
            }
        }
        throw new IllegalStateException("no year from 2001 to 2020 without 高龄 payrolls in May to July");
    }

    @Test
    void aResidentInNoProgramIsMarkedMovedOutOnly() {
        String id = MovingPeople.resident(households, "任无项", LocalDate.of(1990, 2, 3));
        ProcessInstance instance = start(CLERK, form(id, EngineClock.today()));
        assertThat(instance).isEnded();
        assertThat(moveOuts.ofProcess(instance.getId()).orElseThrow().effects())
                .contains("任无项标记为已迁出本区", "救助项目：无正在享受的救助项目");
    }

    @Test
    void badRecordsAreRefusedInChineseAndNothingIsWritten() {
        LocalDate today = EngineClock.today();
        LocalDate born = LocalDate.of(1950, 3, 4);
        String id = MovingPeople.resident(households, "任差错", born);
        long before = count();
        assertThatThrownBy(() -> start(CLERK, form(id, today.plusDays(1)))).satisfies(violation("迁出日期" + today.plusDays(1) + "晚于今天"));
        assertThatThrownBy(() -> start(CLERK, form(id, born.minusDays(1)))).satisfies(violation("早于出生日期" + born));
        assertThatThrownBy(() -> start(CLERK, with(form(id, today), "personIdNumber", "41030519500304123")))
                .satisfies(violation("无效"));
        assertThatThrownBy(() -> start(CLERK, with(form(id, today), "personIdNumber", " "))).satisfies(violation("身份证号码不能为空"));
        assertThatThrownBy(() -> start(CLERK, with(form(id, today), "personIdNumber", unregistered(born))))
                .satisfies(violation("不是登记在册的家庭成员"));
        assertThatThrownBy(() -> start("clerk.yuecun", form(id, today))).satisfies(violation("只能登记本乡镇（街道）居民"));
        assertThatThrownBy(() -> start(CLERK, with(form(id, today), "movedOn", "2026-02-30"))).satisfies(violation("格式不正确"));
        assertThatThrownBy(() -> start(CLERK, with(form(id, today), "destination", " "))).satisfies(violation("迁往地"));
        assertThat(count()).isEqualTo(before);
        assertThat(jdbc.sql("select moved_out_on from household_member where id_number = ?").param(id)
                .query(LocalDate.class).list()).containsOnlyNulls();
    }

    static Map<String, Object> form(String idNumber, LocalDate movedOn) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("personIdNumber", idNumber);
        variables.put("movedOn", movedOn.toString());
        variables.put("destination", "河南省郑州市金水区");
        variables.put("transferReference", "豫迁字第0012345号");
        return variables;
    }

    private static Map<String, Object> with(Map<String, Object> form, String name, Object value) {
        Map<String, Object> changed = new HashMap<>(form);
        changed.put(name, value);
        return changed;
    }

    private String unregistered(LocalDate born) {
        String first17 = "410305" + born.toString().replace("-", "") + "999";
        return first17 + cn.minzheng.bureau.household.ResidentIdNumber.checkCharacter(first17);
    }

    private ProcessInstance start(String clerk, Map<String, Object> variables) {
        String definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(KEY)
                .latestVersion().singleResult().getId();
        return walker.as(clerk, () -> engine.getFormService().submitStartForm(definition, variables));
    }

    private List<String> paidMonths(Enrolment enrolment) {
        return jdbc.sql("select benefit_month from payment where enrolment_id = ? order by benefit_month")
                .param(enrolment.id()).query(String.class).list();
    }

    private long count() {
        return jdbc.sql("select count(*) from household_move_out").query(Long.class).single();
    }
}
