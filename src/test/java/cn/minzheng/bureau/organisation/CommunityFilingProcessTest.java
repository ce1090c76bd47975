package cn.minzheng.bureau.organisation;

import static cn.minzheng.bureau.organisation.CommunityFilingProcess.*;
import static cn.minzheng.bureau.support.RuleViolations.violation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.engine.EngineClock;
import cn.minzheng.bureau.organisation.OrganisationRepository.Organisation;
import cn.minzheng.bureau.support.ProcessTest;
import cn.minzheng.bureau.support.UserTasks;

/**
 * Every path of community-organisation-filing.bpmn: filed by the street office with its next number and listed on the
 * public register as 社区社会组织; refused with its reason (the name free again); the reviewer is never the clerk who
 * filed; and bad input refused in Chinese with nothing written.
 */
@ProcessTest
class CommunityFilingProcessTest {

    static final String CLERK = "clerk.yuecun";
    static final String REVIEWER = "reviewer.yuecun";

    @Autowired
    UserTasks userTasks;
    @Autowired
    ProcessEngine engine;
    @Autowired
    OrganisationRepository register;
    @Autowired
    OrganisationQueries queries;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void init() {
        BpmnAwareTests.init(engine);
    }

    static Map<String, Object> filing(String name) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(NAME.name(), name);
        variables.put(LEADER.name(), "岳秀兰");
        variables.put(ACTIVITY_PLACE.name(), "岳村乡幸福社区活动室");
        variables.put(ACTIVITIES.name(), "每周组织广场舞和文艺演出，参加社区节庆活动");
        return variables;
    }

    @Test
    void theStreetOfficeFilesACommunityOrganisationWhichIsThenOnThePublicRegister() {
        String name = OrganisationRegistrationProcessTest.uniqueName("舞蹈队").replace("中原区", "岳村乡幸福社区");
        ProcessInstance instance = userTasks.start(CLERK, KEY, filing(" " + name + " "));
        assertThat(instance).isWaitingAt(TASK_REVIEW).task().hasCandidateGroup("reviewer-yuecun");
        assertThat(engine.getRuntimeService().getVariables(instance.getId())).containsEntry("organisationName", name)
                .containsEntry("townshipName", "岳村乡").containsEntry("filedBy", CLERK);
        long id = organisationId(instance);
        Organisation applied = register.find(id).orElseThrow();
        assertThat(applied.status()).isEqualTo(OrganisationStatus.APPLIED);
        assertThat(applied.kind()).isEqualTo(OrganisationKind.COMMUNITY_ORGANISATION);
        assertThat(applied.registeredFunds()).isNull();
        assertThat(register.holder(name, EngineClock.today())).isPresent();
        assertThat(queries.publicRegister(name)).isEmpty();

        int year = EngineClock.today().getYear();
        Integer last = jdbc.sql("select last_number from community_organisation_filing_seq where township_code = 'yuecun' "
                + "and filing_year = ?").param(year).query(Integer.class).optional().orElse(0);
        userTasks.complete(REVIEWER, instance, TASK_REVIEW, Map.of(REVIEW_DECISION.name(), APPROVE));

        String number = "岳村乡社备字（" + year + "）第" + String.format("%04d", last + 1) + "号";
        assertThat(instance).isEnded().hasPassed("Task_RecordFiling", "EndEvent_Filed").variables()
                .containsEntry("filingNo", number).containsEntry("reviewedBy", REVIEWER);
        Organisation filed = register.find(id).orElseThrow();
        assertThat(filed.status()).isEqualTo(OrganisationStatus.FILED);
        assertThat(filed.certificateNo()).isEqualTo(number);
        assertThat(filed.supervisorUnit()).isEqualTo("岳村乡");
        assertThat(filed.registeredOn()).isEqualTo(EngineClock.today());
        assertThat(filed.appliedBy()).isEqualTo(CLERK);
        assertThat(filed.approvedBy()).isEqualTo(REVIEWER);
        assertThat(register.history(id)).extracting(OrganisationRepository.StatusChange::status)
                .containsExactly(OrganisationStatus.APPLIED, OrganisationStatus.FILED);
        assertThat(queries.publicRegister(name)).singleElement().satisfies(entry -> {
            assertThat(entry.kindLabel()).isEqualTo("社区社会组织");
            assertThat(entry.statusLabel()).isEqualTo("已备案");
            assertThat(entry.certificateNo()).isEqualTo(number);
            assertThat(entry.legalRepresentative()).isEqualTo("岳秀兰");
            assertThat(entry.creditCode()).isNull();
        });

        // the name is now held: neither the street office nor the bureau can give it again
        assertThatThrownBy(() -> userTasks.start(CLERK, KEY, filing(name))).satisfies(violation("已被登记、备案或预先核准保留"));
    }

    @Test
    void aRefusalNeedsItsReasonAndFreesTheName() {
        String name = OrganisationRegistrationProcessTest.uniqueName("志愿服务队").replace("中原区", "岳村乡");
        ProcessInstance instance = userTasks.start(CLERK, KEY, filing(name));
        assertThatThrownBy(() -> userTasks.complete(REVIEWER, instance, TASK_REVIEW, Map.of(REVIEW_DECISION.name(), REFUSE)))
                .satisfies(violation("不予备案须写明理由"));
        assertThat(instance).isWaitingAt(TASK_REVIEW);
        userTasks.complete(REVIEWER, instance, TASK_REVIEW,
                Map.of(REVIEW_DECISION.name(), REFUSE, REVIEW_COMMENT.name(), "活动场所未落实"));

        assertThat(instance).isEnded().hasPassed("Task_RefuseFiling", "EndEvent_Refused");
        long id = organisationId(instance);
        assertThat(register.find(id).orElseThrow().status()).isEqualTo(OrganisationStatus.REFUSED);
        assertThat(register.history(id)).last().satisfies(h -> assertThat(h.note()).isEqualTo("活动场所未落实"));
        assertThat(register.holder(name, EngineClock.today())).isEmpty();
        assertThat(queries.publicRegister(name)).isEmpty();
    }

    @Test
    void theClerkWhoFiledMayNotReview() {
        IdentityService identity = engine.getIdentityService();
        User dual = identity.newUser("dual.filing");
        dual.setFirstName("双岗");
        dual.setPassword("Community-Filing-2026!");
        identity.saveUser(dual);
        identity.createMembership("dual.filing", "clerk-yuecun");
        identity.createMembership("dual.filing", "reviewer-yuecun");
        try {
            ProcessInstance instance = userTasks.start("dual.filing",
                    KEY, filing(OrganisationRegistrationProcessTest.uniqueName("合唱团").replace("中原区", "岳村乡")));
            assertThatThrownBy(() -> userTasks.complete("dual.filing", instance, TASK_REVIEW,
                    Map.of(REVIEW_DECISION.name(), APPROVE))).satisfies(violation("四眼原则"));
            assertThat(instance).isWaitingAt(TASK_REVIEW);
            userTasks.complete(REVIEWER, instance, TASK_REVIEW, Map.of(REVIEW_DECISION.name(), APPROVE));
            assertThat(instance).isEnded();
        } finally {
            identity.deleteUser("dual.filing");
        }
    }

    @Test
    void badFilingsAreRefusedInChineseAndNothingIsWritten() {
        String taken = OrganisationRegistrationProcessTest.uniqueName("服务队").replace("中原区", "岳村乡");
        ProcessInstance first = userTasks.start(CLERK, KEY, filing(taken));
        long organisations = count("social_organisation");
        long names = count("social_organisation_name");
        long audit = count("audit_event");

        String fresh = OrganisationRegistrationProcessTest.uniqueName("文艺队").replace("中原区", "岳村乡");
        assertThatThrownBy(() -> userTasks.start(CLERK, KEY, filing(taken))).satisfies(violation("已被登记、备案或预先核准保留"));
        assertThatThrownBy(() -> userTasks.start(CLERK, KEY, filing("岳村乡中华文化文艺队")))
                .satisfies(violation("不得使用“中华”字样"));
        assertThatThrownBy(() -> userTasks.start(CLERK, KEY, filing("岳村乡幸福社区广场舞")))
                .satisfies(violation("社区社会组织的名称应以"));
        Map<String, Object> noLeader = filing(fresh);
        noLeader.put(LEADER.name(), " ");
        assertThatThrownBy(() -> userTasks.start(CLERK, KEY, noLeader)).satisfies(violation("负责人"));
        Map<String, Object> noPlace = filing(fresh);
        noPlace.remove(ACTIVITY_PLACE.name());
        assertThatThrownBy(() -> userTasks.start(CLERK, KEY, noPlace)).satisfies(violation("活动场所"));
        // a district clerk is not a street office: he may not start it at all
        assertThatThrownBy(() -> userTasks.start("orgclerk", KEY, filing(fresh))).isInstanceOf(AuthorizationException.class);

        IdentityService identity = engine.getIdentityService();
        User two = identity.newUser("two.offices");
        two.setFirstName("两地");
        two.setPassword("Community-Filing-2026!");
        identity.saveUser(two);
        identity.createMembership("two.offices", "clerk-yuecun");
        identity.createMembership("two.offices", "clerk-mengke");
        try {
            assertThatThrownBy(() -> userTasks.start("two.offices", KEY, filing(fresh))).satisfies(violation("无法确定备案机关"));
        } finally {
            identity.deleteUser("two.offices");
        }

        assertThat(count("social_organisation")).isEqualTo(organisations);
        assertThat(count("social_organisation_name")).isEqualTo(names);
        assertThat(count("audit_event")).isEqualTo(audit);
        userTasks.complete(REVIEWER, first, TASK_REVIEW, Map.of(REVIEW_DECISION.name(), APPROVE));
    }

    private long organisationId(ProcessInstance instance) {
        return jdbc.sql("select id from social_organisation where process_instance_id = ?").param(instance.getId())
                .query(Long.class).single();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
