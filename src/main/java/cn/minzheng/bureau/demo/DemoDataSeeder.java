package cn.minzheng.bureau.demo;

import static cn.minzheng.bureau.dibao.application.DibaoApplicationProcess.APPROVE;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.demo.DemoHouseholds.DemoApplication;
import cn.minzheng.bureau.engine.DemoAccounts;
import cn.minzheng.bureau.demo.DemoHouseholds.Stage;
import cn.minzheng.bureau.dibao.DibaoCase;

/**
 * With bureau.demo-data.enabled: demo users on first start, and households at every stage while
 * they are not there yet (bureau.demo-data.applications, default true); with bureau.demo-data.year also a year of
 * history before them ({@link DemoYear}), once.
 */
@Component
@ConditionalOnProperty(name = "bureau.demo-data.enabled", havingValue = "true")
public class DemoDataSeeder {

    private static final Logger log = LoggerFactory.getLogger(DemoDataSeeder.class);

    private final IdentityService identityService;
    private final DibaoWalker walker;
    private final JdbcClient jdbc;
    private final boolean applications;
    private final DemoRelief demoRelief;
    private final DemoMoney demoMoney;
    private final DemoReorganisation demoReorganisation;
    private final DemoCommunity demoCommunity;
    private final DemoOrganisations demoOrganisations;
    private final DemoGaoling demoGaoling;
    private final DemoYoufu demoYoufu;
    private final DemoStatistics demoStatistics;
    private final DemoAgencyRecords agencyRecords;
    private final DemoYear demoYear;

    public DemoDataSeeder(IdentityService identityService, DibaoWalker walker, JdbcClient jdbc, DemoRelief demoRelief,
                          DemoMoney demoMoney, DemoReorganisation demoReorganisation, DemoCommunity demoCommunity,
                          DemoOrganisations demoOrganisations, DemoGaoling demoGaoling, DemoYoufu demoYoufu,
                          DemoStatistics demoStatistics, DemoAgencyRecords agencyRecords, DemoYear demoYear,
                          @Value("${bureau.demo-data.applications:true}") boolean applications) {
        this.demoGaoling = demoGaoling;
        this.demoYoufu = demoYoufu;
        this.demoStatistics = demoStatistics;
        this.agencyRecords = agencyRecords;
        this.demoYear = demoYear;
        this.demoRelief = demoRelief;
        this.demoMoney = demoMoney;
        this.demoReorganisation = demoReorganisation;
        this.demoCommunity = demoCommunity;
        this.demoOrganisations = demoOrganisations;
        this.identityService = identityService;
        this.walker = walker;
        this.jdbc = jdbc;
        this.applications = applications;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(3)
    public void seed() {
        createMissingUsers(); // per user, so roles added later reach an existing installation
        if (demoYear.wanted() && !demoYear.present()) {
            demoYear.build(); // first: the demo's own households and next month's payroll come on top of the year
        }
        if (applications && !demoHouseholdsPresent()) {
            DemoHouseholds.all().forEach(this::walk);
            log.info("demo data: {} applications", DemoHouseholds.all().size());
        }
        if (applications && !demoRelief.present()) {
            demoRelief.seed();
            log.info("demo data: a disaster in verification and a donation campaign");
        }
        if (applications && !demoRelief.lateReportPresent()) {
            demoRelief.seedLateReport();
            log.info("demo data: a disaster whose initial report is overdue");
        }
        if (applications && !demoMoney.present()) {
            demoMoney.seed();
            log.info("demo data: next month's payroll and a survey campaign");
        }
        if (applications && !demoReorganisation.present()) {
            demoReorganisation.seed();
            log.info("demo data: a community reorganisation plan in review");
        }
        if (applications && !demoCommunity.present()) {
            demoCommunity.seed();
            log.info("demo data: community offices, disputes in mediation and a recruitment round");
        }
        if (applications && !demoOrganisations.present()) {
            demoOrganisations.seed();
            log.info("demo data: social organisations registered and in review");
        }
        if (applications && !demoGaoling.present()) {
            demoGaoling.seed();
            log.info("demo data: residents turning 80, 90 and 100 this month and the month's 高龄津贴 proposal");
        }
        if (applications && !demoYoufu.present()) {
            demoYoufu.seed();
            log.info("demo data: a 残疾军人 waiting for the 优抚安置科's approval and a 烈士遗属 for the township's review");
        }
        if (applications && !demoStatistics.present()) {
            demoStatistics.seed();
            log.info("demo data: last month's statistical return (民政统计月报) waiting for the statistician's check");
        }
    }

    private boolean demoHouseholdsPresent() {
        String firstDemoPerson = DemoHouseholds.all().get(0).form().household().members().get(0).idNumber();
        return jdbc.sql("select count(*) from household_member where id_number = ?").param(firstDemoPerson)
                .query(Long.class).single() > 0;
    }

    private void createMissingUsers() {
        if (identityService.isReadOnly()) {
            log.warn("demo data: the users come from the directory (read-only identity provider); no demo user created");
            return;
        }
        for (DemoUsers.DemoUser demo : DemoUsers.all()) {
            User existing = identityService.createUserQuery().userId(demo.id()).singleResult();
            if (existing != null) {
                renameFormerStyle(existing, demo);
                continue;
            }
            User user = identityService.newUser(demo.id());
            user.setFirstName(demo.name());
            user.setLastName(demo.post());
            user.setEmail(demo.id() + "@minzheng.example");
            user.setPassword(DemoUsers.PASSWORD);
            DemoAccounts.saveIgnoringPasswordPolicy(identityService, user); // "demo" is no password the policy allows
            demo.groups().forEach(group -> identityService.createMembership(demo.id(), group));
        }
        log.info("demo data: {} users", DemoUsers.all().size());
    }

    /**
     * Demo users stored by earlier versions had the post in the first name and the surname as last name
     * (Tasklist showed "建国（岳村乡审核人） 李"); they get the name / post convention of {@link DemoUsers}.
     */
    private void renameFormerStyle(User user, DemoUsers.DemoUser demo) {
        if (user.getFirstName() != null && user.getFirstName().endsWith("）")) {
            user.setFirstName(demo.name());
            user.setLastName(demo.post());
            identityService.saveUser(user);
        }
    }

    private void walk(DemoApplication application) {
        String township = application.form().household().townshipCode();
        String clerk = "clerk." + township;
        String reviewer = "reviewer." + township;
        DibaoCase dibaoCase = walker.submit(clerk, application.form());
        agencyRecords.recordFor(application.form());
        Stage stage = application.stage();
        if (stage == Stage.AT_ACCEPTANCE) {
            return;
        }
        walker.accept(clerk, dibaoCase);
        if (stage == Stage.AT_SURVEY) {
            return;
        }
        walker.survey(clerk, dibaoCase, Map.of());
        if (stage == Stage.AT_TOWNSHIP_REVIEW) {
            return;
        }
        walker.reviewByTownship(reviewer, dibaoCase, APPROVE, "经审核，家庭经济状况属实，同意");
        if (stage == Stage.IN_NOTICE) {
            return;
        }
        walker.endNotice(dibaoCase);
        if (stage == Stage.AT_DISTRICT_APPROVAL) {
            return;
        }
        walker.approveByDistrict("approver", dibaoCase, APPROVE, "同意纳入低保");
    }
}
