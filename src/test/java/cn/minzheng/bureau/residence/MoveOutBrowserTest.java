package cn.minzheng.bureau.residence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.engine.EngineClock;
import cn.minzheng.bureau.gaoling.GaolingAllowance;
import cn.minzheng.bureau.gaoling.GaolingRepository;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.program.Enrolment;
import cn.minzheng.bureau.program.EnrolmentRepository;
import cn.minzheng.bureau.program.EnrolmentStatus;
import cn.minzheng.bureau.program.Program;
import cn.minzheng.bureau.support.BrowserTest;
import cn.minzheng.bureau.support.CamundaForm;
import cn.minzheng.bureau.support.Tasklist;

/**
 * 户籍迁出登记 in a real Tasklist as its real user: the 任丘办 clerk records that a recipient of 高龄津贴 moved out of
 * the district; the allowance ends at the end of the month of the move.
 */
@BrowserTest
class MoveOutBrowserTest {

    @Autowired
    HouseholdRepository households;
    @Autowired
    GaolingRepository gaoling;
    @Autowired
    GaolingAllowance allowance;
    @Autowired
    EnrolmentRepository enrolments;
    @Autowired
    MoveOutRepository moveOuts;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theClerkRecordsAMoveOutAndTheAllowanceEnds(Tasklist tasklist) {
        String id = MovingPeople.resident(households, "任远迁", LocalDate.of(1941, 2, 2));
        GaolingRepository.Recipient recipient = MovingPeople.enrolInGaoling(gaoling, allowance, households, id,
                YearMonth.from(EngineClock.today()).minusMonths(3));
        Enrolment enrolment = enrolments.forProgramCase(Program.GAOLING, recipient.id()).orElseThrow();
        LocalDate movedOn = EngineClock.today().minusDays(1);

        tasklist.loginAs(MovingPeople.CLERK);
        CamundaForm start = tasklist.startProcess("户籍迁出登记");
        start.type("迁出人身份证号码", id)
                .date("迁出日期", movedOn)
                .type("迁往地（省市县）", "江苏省南京市鼓楼区")
                .type("户口迁移证明编号", "豫迁字第0020261号");
        tasklist.submit(start, "household-move-out-start", () -> recordOf(id).isPresent());
        tasklist.screenshot("household-move-out-start");

        MoveOut recorded = recordOf(id).orElseThrow();
        assertThat(recorded.registeredBy()).isEqualTo(MovingPeople.CLERK);
        assertThat(recorded.destination()).isEqualTo("江苏省南京市鼓楼区");
        assertThat(recorded.transferReference()).isEqualTo("豫迁字第0020261号");
        assertThat(recorded.effects()).contains("高龄津贴：自" + YearMonth.from(movedOn) + "月末终止");
        Enrolment ended = enrolments.find(enrolment.id()).orElseThrow();
        assertThat(ended.status()).isEqualTo(EnrolmentStatus.ENDED);
        assertThat(ended.endMonth()).isEqualTo(YearMonth.from(movedOn).toString());
    }

    private Optional<MoveOut> recordOf(String idNumber) {
        List<Long> ids = jdbc.sql("select id from household_move_out where id_number = ?").param(idNumber).query(Long.class).list();
        return ids.stream().findFirst().flatMap(moveOuts::find);
    }
}
