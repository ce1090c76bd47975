package cn.minzheng.bureau.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.dibao.CaseCategory;
import cn.minzheng.bureau.dibao.CaseStatus;
import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.dibao.DibaoCaseRepository;
import cn.minzheng.bureau.dibao.application.DibaoApplicationForm;
import cn.minzheng.bureau.dibao.application.DibaoApplicationService;
import cn.minzheng.bureau.household.Household;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.household.HouseholdValidator;
import cn.minzheng.bureau.support.TestApplications;

/**
 * The cross-program rules on the data: a person in 特困供养 is not counted in a 低保 household (the 低保
 * application is refused, nothing written), a member of an open 低保 case is not enrolled in 特困供养, and
 * 高龄津贴 / 临时救助 combine with anything.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CrossProgramRulesTest {

    @Autowired
    CrossProgramRules rules;
    @Autowired
    EnrolmentRepository enrolments;
    @Autowired
    DibaoApplicationService dibaoApplications;
    @Autowired
    DibaoCaseRepository dibaoCases;
    @Autowired
    HouseholdRepository households;
    @Autowired
    HouseholdValidator validator;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aDibaoApplicationCountingAPersonInTekunIsRefusedAndNothingIsWritten() {
        DibaoApplicationForm form = TestApplications.yuecunHousehold(2, "100");
        Household household = validator.validate(form.household());
        long householdId = households.insert(household);
        String member = household.members().get(1).idNumber().value();
        String month = YearMonth.now().toString();
        Enrolment tekun = personEnrolment(Program.TEKUN, householdId, member, EnrolmentStatus.ACTIVE, month);

        long householdsBefore = count("household");
        long casesBefore = count("dibao_case");
        long enrolmentsBefore = count("enrolment");
        assertThatThrownBy(() -> dibaoApplications.submit(form, "clerk.yuecun"))
                .isInstanceOfSatisfying(RuleViolation.class, v -> {
                    assertThat(v.getErrorCode()).isEqualTo("PROGRAM_CONFLICT");
                    assertThat(v.getHttpStatus()).isEqualTo(409);
                    assertThat(v.getMessage()).isEqualTo(household.members().get(1).name() + "（身份证号" + member
                            + "）已在特困人员救助供养中（享受中，自" + month + "起，登记编号" + tekun.id() + "）：特困供养人员不能同时纳入低保，也不计入低保家庭");
                });
        assertThat(count("household")).isEqualTo(householdsBefore);
        assertThat(count("dibao_case")).isEqualTo(casesBefore);
        assertThat(count("enrolment")).isEqualTo(enrolmentsBefore);

        end(tekun);
        DibaoCase registered = dibaoApplications.register(form, "clerk.yuecun");
        assertThat(registered.status()).isEqualTo(CaseStatus.APPLIED);
        dibaoCases.changeStatus(registered.id(), CaseStatus.REJECTED, "clerk.yuecun", "测试结束");
    }

    @Test
    void aMemberOfAnOpenDibaoCaseCannotBeEnrolledInTekunButInGaolingAndLinshi() {
        Household household = validator.validate(TestApplications.yuecunHousehold(3, "100").household());
        long householdId = households.insert(household);
        DibaoCase dibao = dibaoCases.insert(householdId, household, CaseCategory.ORDINARY, false, null, null,
                "clerk.yuecun", null);
        Household.Member member = household.members().get(2);
        long dibaoEnrolment = enrolments.forProgramCase(Program.DIBAO, dibao.id()).orElseThrow().id();
        List<CrossProgramRules.Person> person = List.of(new CrossProgramRules.Person(member.idNumber().value(), member.name()));

        assertThatThrownBy(() -> rules.check(Program.TEKUN, person))
                .isInstanceOfSatisfying(RuleViolation.class, v -> {
                    assertThat(v.getErrorCode()).isEqualTo("PROGRAM_CONFLICT");
                    assertThat(v.getMessage()).isEqualTo(member.name() + "（身份证号" + member.idNumber().value()
                            + "）已在最低生活保障中（申请办理中，自" + YearMonth.now() + "起，登记编号" + dibaoEnrolment + "）：低保家庭成员须先退出低保，才能纳入特困人员救助供养");
                });
        rules.check("GAOLING", person);
        rules.check("LINSHI", person);

        // a closed case no longer holds its members
        dibaoCases.changeStatus(dibao.id(), CaseStatus.REJECTED, "clerk.yuecun", "测试结束");
        assertThat(rules.conflicts(Program.TEKUN, person, null)).isEmpty();
    }

    @Test
    void tekunTwiceIsRefusedButAReviewOfTheEnrolmentDoesNotConflictWithItself() {
        Household household = validator.validate(TestApplications.yuecunHousehold(1, "0").household());
        long householdId = households.insert(household);
        String id = household.members().get(0).idNumber().value();
        Enrolment tekun = personEnrolment(Program.TEKUN, householdId, id, EnrolmentStatus.APPLIED, null);
        List<CrossProgramRules.Person> person = List.of(new CrossProgramRules.Person(id, null));

        assertThatThrownBy(() -> rules.check(Program.TEKUN, person))
                .hasMessage("身份证号" + id + "已在特困人员救助供养中（申请办理中，自" + YearMonth.now()
                        + "起，登记编号" + tekun.id() + "）：同一人不能重复纳入特困人员救助供养");
        rules.check(Program.TEKUN, person, tekun.id());
        end(tekun);
        rules.check(Program.TEKUN, person);
    }

    private Enrolment personEnrolment(String program, long householdId, String idNumber, EnrolmentStatus status,
                                      String startMonth) {
        long caseId = ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L);
        return enrolments.mirror(new ProgramCase(program, caseId, householdId, idNumber, "yuecun", status,
                new BigDecimal("1000.00"), startMonth, null), "test", null);
    }

    private void end(Enrolment enrolment) {
        enrolments.mirror(new ProgramCase(enrolment.programCode(), enrolment.programCaseId(), enrolment.householdId(),
                enrolment.personIdNumber(), enrolment.townshipCode(), EnrolmentStatus.ENDED, enrolment.amount(),
                enrolment.startMonth(), null), "test", "测试结束");
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
