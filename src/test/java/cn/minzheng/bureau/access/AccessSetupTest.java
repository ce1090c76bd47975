package cn.minzheng.bureau.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Who may start which process, as the processes declare it ({@link ProcessAccess}) and {@link AccessSetup} grants
 * it: a district group, every township's clerks or reviewers, every community's committee.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccessSetupTest {

    @Autowired
    AuthorizationService authorizationService;

    @Test
    void eachRoleMayStartTheProcessesOfItsWork() {
        assertThat(startable(Groups.clerk("yuecun"))).containsExactly("community-organisation-filing",
                "community-worker-recruitment", "dibao-appeal",
                "dibao-application", "dibao-recovery", "dibao-report", "dibao-review", "elderly-card", "funeral-death-registration",
                "funeral-eco-burial-reward", "gaoling-monthly-proposal", "household-move-out", "linshi-application", "tekun-application",
                "veteran-resettlement", "youfu-change", "youfu-conscript-registration", "youfu-recognition");
        assertThat(startable(Groups.reviewer("renqiu"))).containsExactly("dibao-appeal", "dibao-recovery", "dibao-report");
        assertThat(startable(Groups.committee("renqiu-qinghuayuan"))).containsExactly("civil-mediation");
        assertThat(startable(Groups.DISTRICT_APPROVER)).containsExactly("community-office-construction",
                "dibao-recovery", "dibao-survey-campaign", "disaster-relief", "donation-campaign", "gaoling-monthly-proposal",
                "gaoling-survival-check", "group-distribution", "tekun-annual-review");
        assertThat(startable(Groups.RELIEF_HEAD)).containsExactly("disaster-relief", "donation-campaign");
        assertThat(startable(Groups.FINANCE)).containsExactly("dibao-payroll", "funeral-fee-settlement");
        assertThat(startable(Groups.FUNERAL_HOME)).containsExactly("funeral-fee-waiver");
        assertThat(startable(Groups.COMMUNITY_SECTION)).containsExactly("community-reorganisation");
        assertThat(startable(Groups.STATISTICIAN)).containsExactly("statistics-monthly-return");
        assertThat(startable(Groups.YOUFU_SECTION)).containsExactly("group-distribution", "youfu-annual-review",
                "youfu-conscript-grant");
        for (String none : List.of(Groups.DIBAO_HEAD, Groups.SURVEY_TEAM_LEAD, Groups.PROCESS_MANAGER)) {
            assertThat(startable(none)).as(none).isEmpty();
        }
    }

    @Test
    void aGroupThatStartsAProcessMayCreateItsInstanceAndNoOtherMay() {
        for (String starter : List.of(Groups.clerk("yuecun"), Groups.reviewer("renqiu"), Groups.committee("renqiu-qinghuayuan"),
                Groups.DISTRICT_APPROVER, Groups.RELIEF_HEAD, Groups.FINANCE, Groups.COMMUNITY_SECTION)) {
            assertThat(createsInstances(starter)).as(starter).isTrue();
        }
        for (String other : List.of(Groups.DIBAO_HEAD, Groups.SURVEY_TEAM_LEAD, Groups.PROCESS_MANAGER)) {
            assertThat(createsInstances(other)).as(other).isFalse();
        }
    }

    @Test
    void aRoleIsOneDistrictGroupOrTheLikeGroupOfEveryTownshipOrCommunity() {
        assertThat(Role.district(Groups.FINANCE).includes(Groups.FINANCE)).isTrue();
        assertThat(Role.district(Groups.FINANCE).includes(Groups.DISTRICT_APPROVER)).isFalse();
        assertThat(Role.TOWNSHIP_CLERKS.includes(Groups.clerk("yuecun"))).isTrue();
        assertThat(Role.TOWNSHIP_CLERKS.includes(Groups.reviewer("yuecun"))).isFalse();
        assertThat(Role.TOWNSHIP_REVIEWERS.includes(Groups.reviewer("new-street"))).isTrue();
        assertThat(Role.COMMUNITY_COMMITTEES.includes(Groups.committee("yuecun-dongyue"))).isTrue();
        assertThat(Role.COMMUNITY_COMMITTEES.includes(Groups.clerk("yuecun"))).isFalse();
        assertThat(Role.district(Groups.FINANCE)).isEqualTo(Role.district(Groups.FINANCE));
    }

    private List<String> startable(String groupId) {
        return authorizationService.createAuthorizationQuery().groupIdIn(groupId).resourceType(Resources.PROCESS_DEFINITION)
                .hasPermission(ProcessDefinitionPermissions.CREATE_INSTANCE).list().stream()
                .map(Authorization::getResourceId).filter(id -> !Authorization.ANY.equals(id)).sorted().toList();
    }

    private boolean createsInstances(String groupId) {
        return authorizationService.createAuthorizationQuery().groupIdIn(groupId).resourceType(Resources.PROCESS_INSTANCE)
                .resourceId(Authorization.ANY).hasPermission(Permissions.CREATE).count() > 0;
    }
}
