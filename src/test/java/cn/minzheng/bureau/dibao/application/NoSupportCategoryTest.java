package cn.minzheng.bureau.dibao.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.dibao.CaseCategory;
import cn.minzheng.bureau.dibao.CaseStatus;
import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.dibao.DibaoCaseRepository;
import cn.minzheng.bureau.dibao.StandardService;
import cn.minzheng.bureau.household.Household;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.household.HouseholdValidator;
import cn.minzheng.bureau.region.AreaType;
import cn.minzheng.bureau.support.TestApplications;

/**
 * 三无人员 moved to 特困供养: a new 低保 application in the category is refused in Chinese, pointing to 特困供养,
 * with nothing written; a case registered before in the category keeps it and still gets its standard.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NoSupportCategoryTest {

    @Autowired
    DibaoApplicationService applications;
    @Autowired
    DibaoCaseRepository cases;
    @Autowired
    HouseholdRepository households;
    @Autowired
    HouseholdValidator validator;
    @Autowired
    StandardService standards;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aNewApplicationAsNoSupportIsRefusedAndPointsToTekun() {
        long householdsBefore = count("household");
        long casesBefore = count("dibao_case");
        var form = TestApplications.household("yuecun", "yuecun-yuecun", "NO_SUPPORT", 1, "0");
        assertThatThrownBy(() -> applications.submit(form, "clerk.yuecun"))
                .isInstanceOfSatisfying(RuleViolation.class, v -> {
                    assertThat(v.getErrorCode()).isEqualTo("CATEGORY_MOVED_TO_TEKUN");
                    assertThat(v.getHttpStatus()).isEqualTo(400);
                    assertThat(v.getMessage()).contains("三无人员").contains("请改为发起“特困人员救助供养认定”");
                });
        assertThat(count("household")).isEqualTo(householdsBefore);
        assertThat(count("dibao_case")).isEqualTo(casesBefore);
    }

    @Test
    void aCaseRegisteredBeforeInTheCategoryStillComputes() {
        Household household = validator.validate(TestApplications.yuecunHousehold(1, "0").household());
        DibaoCase legacy = cases.insert(households.insert(household), household, CaseCategory.NO_SUPPORT, false, null,
                null, "clerk.yuecun", null);
        assertThat(cases.find(legacy.id()).orElseThrow().category()).isEqualTo(CaseCategory.NO_SUPPORT);
        StandardService.Standard standard = standards.standardFor(AreaType.RURAL, legacy.category());
        assertThat(standard.monthlyStandard()).isEqualByComparingTo("680.00");
        assertThat(standard.categoryAddition()).isEqualByComparingTo("120.00");
        cases.changeStatus(legacy.id(), CaseStatus.REJECTED, "clerk.yuecun", "测试结束");
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
