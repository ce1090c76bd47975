package cn.minzheng.bureau.demo;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DemoCredentialsGuardTest {

    @ParameterizedTest(name = "refuse={0} allow={1} demoData={2} demoPasswordWorks={3} -> starts: {4}")
    @CsvSource({
            // H2 trial installation: never refuses
            "false, false, true,  true,  true",
            // production profile
            "true,  false, false, false, true",
            "true,  false, true,  false, false",
            "true,  false, false, true,  false",
            // production profile explicitly told it is a trial
            "true,  true,  true,  true,  true",
    })
    void refusesDemoCredentialsOnProduction(boolean refuse, boolean allow, boolean demoData, boolean demoPasswordWorks,
                                            boolean starts) {
        IdentityService identity = mock(IdentityService.class);
        when(identity.checkPassword(anyString(), anyString())).thenReturn(false);
        when(identity.checkPassword(eq("approver"), eq("demo"))).thenReturn(demoPasswordWorks);
        DemoCredentialsGuard guard = new DemoCredentialsGuard(identity, refuse, allow, demoData);
        if (starts) {
            assertThatCode(guard::check).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(guard::check).isInstanceOf(IllegalStateException.class).hasMessageContaining("Refusing to start");
        }
    }
}
