package cn.minzheng.bureau.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import cn.minzheng.bureau.access.Groups;

/**
 * The adapters in engine/ read internals of Camunda 7.24: these tests pin what they rely on, so that an engine
 * upgrade (or a move to Operaton) that changes it fails here, not in a clerk's browser.
 */
@SpringBootTest
class EngineAdaptersTest {

    @Autowired
    ProcessEngine engine;

    @AfterEach
    void reset() {
        ClockUtil.reset();
        engine.getIdentityService().clearAuthentication();
    }

    /** The adapters were checked against Camunda 7.24 and, in the converted build, Operaton 1.0 (docs/engine-continuity.md). */
    @Test
    void writtenForCamunda724OrOperaton10() {
        assertThat(ProcessEngine.class.getPackage().getImplementationVersion()).matches("7\\.24\\..*|1\\.0\\..*");
    }

    @Test
    void theBureausAdministratorsAreTheEnginesAdministrators() {
        var configuration = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(AdminGroupPlugin.ADMIN_GROUP).isEqualTo(Groups.ADMIN);
        assertThat(configuration.getAdminGroups()).contains(Groups.ADMIN);
    }

    @Test
    void theClockIsTheEnginesMovableClock() {
        Date moved = Date.from(LocalDate.of(2031, 3, 9).atStartOfDay(ZoneId.systemDefault()).toInstant());
        ClockUtil.setCurrentTime(moved);
        assertThat(EngineClock.now()).isEqualTo(moved);
        assertThat(EngineClock.today()).isEqualTo(LocalDate.of(2031, 3, 9));
    }

    @Test
    void theActingUserIsReadAndRestored() {
        IdentityService identity = engine.getIdentityService();
        assertThat(EngineAuthentication.userId(identity)).isNull();
        assertThat(EngineAuthentication.groupIds(identity)).isEmpty();
        identity.setAuthentication("clerk.yuecun", List.of("clerk-yuecun"));
        assertThat(EngineAuthentication.userId(identity)).isEqualTo("clerk.yuecun");
        assertThat(EngineAuthentication.groupIds(identity)).containsExactly("clerk-yuecun");

        String inside = EngineAuthentication.asSystem(identity, () -> EngineAuthentication.userId(identity));
        assertThat(inside).isNull();
        String other = EngineAuthentication.as(identity, "finance", List.of("finance"),
                () -> EngineAuthentication.userId(identity));
        assertThat(other).isEqualTo("finance");
        assertThat(EngineAuthentication.userId(identity)).isEqualTo("clerk.yuecun");
    }
}
