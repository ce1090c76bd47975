package cn.minzheng.bureau.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.minzheng.bureau.support.Http;

/**
 * Camunda's password policy is on: the administrator creating a user (engine REST API, as Admin does) cannot
 * give a weak password, a strong one is taken and logs in; the demo users alone keep "demo" (seeded past the
 * policy, and refused outside the demo by DemoCredentialsGuard, see DemoSwitchTest).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PasswordPolicyTest {

    private static final String USER = "policy.test";

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identityService;

    Http http;

    @BeforeEach
    void init() {
        http = new Http(port);
    }

    @AfterEach
    void removeUser() {
        identityService.deleteUser(USER);
    }

    @Test
    void aWeakPasswordIsRefusedAndAStrongOneTaken() {
        assertThat(identityService.getPasswordPolicy()).as("enable-password-policy").isNotNull();
        for (String weak : new String[] {"demo", "123456", "minzheng2026", "Minzheng2026"}) {
            Http.Response refused = http.post("admin", "/engine-rest/user/create", user(weak));
            // Camunda's REST API answers the policy's refusal as an engine error (500); Admin checks before sending
            assertThat(refused.status()).as(weak + ": " + refused.body()).isGreaterThanOrEqualTo(400);
            assertThat(refused.json().get("message").asText()).isEqualTo("Password does not match policy");
            assertThat(identityService.createUserQuery().userId(USER).count()).isZero();
        }
        Http.Response created = http.post("admin", "/engine-rest/user/create", user("Qiang-Mima#2026"));
        assertThat(created.status()).as(created.body()).isEqualTo(204);
        assertThat(identityService.checkPassword(USER, "Qiang-Mima#2026")).isTrue();
    }

    @Test
    void theDemoUsersKeepTheDemoPasswordInTheDemo() {
        assertThat(identityService.checkPassword("clerk.yuecun", DemoUsers.PASSWORD)).isTrue();
        assertThat(identityService.checkPasswordAgainstPolicy(DemoUsers.PASSWORD).isValid()).isFalse();
    }

    private static Map<String, Object> user(String password) {
        return Map.of("profile", Map.of("id", USER, "firstName", "测试", "lastName", "密码策略", "email", "policy@minzheng.example"),
                "credentials", Map.of("password", password));
    }
}
