package cn.minzheng.bureau.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Whether a start is the demo, as the application's own settings (application*.yml) decide it from the environment
 * a start has, and what {@link DemoCredentialsGuard} then does with a database holding a demo user whose password
 * is still "demo": a plain start refuses, the demo switch (BUREAU_DEMO, which ./mvnw spring-boot:run sets) allows
 * it on H2, and only an explicit trial setting allows it on PostgreSQL.
 */
class DemoSwitchTest {

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder()
            .configurationResource("bare-engine.cfg.xml").build();

    ProcessEngine engine;

    @Configuration(proxyBeanMethods = false)
    static class SettingsOnly {
    }

    static Stream<Arguments> starts() {
        return Stream.of(
                Arguments.of("java -jar on H2", "h2", Map.of(), false, false),
                Arguments.of("./mvnw spring-boot:run (BUREAU_DEMO=true)", "h2", Map.of("BUREAU_DEMO", "true"), true, true),
                Arguments.of("java -jar --bureau.demo=true", "h2", Map.of("bureau.demo", "true"), true, true),
                Arguments.of("java -jar on H2, demo data asked for without the switch", "h2",
                        Map.of("BUREAU_DEMO_DATA", "true"), true, false),
                Arguments.of("PostgreSQL, run by ./mvnw spring-boot:run", "postgres", Map.of("BUREAU_DEMO", "true"), false, false),
                Arguments.of("PostgreSQL trial installation", "postgres",
                        Map.of("BUREAU_ALLOW_DEMO_CREDENTIALS", "true", "BUREAU_DEMO_DATA", "true"), true, true));
    }

    @BeforeEach
    void aDemoUserWithTheDemoPassword() {
        IdentityService identity = engine.getIdentityService();
        if (identity.createUserQuery().userId("finance").count() == 0) {
            User user = identity.newUser("finance");
            user.setPassword(DemoUsers.PASSWORD);
            identity.saveUser(user);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("starts")
    void aStartIsTheDemoOnlyWhenSwitchedOn(String start, String profile, Map<String, String> environment,
                                           boolean demoDataExpected, boolean allowed) {
        try (ConfigurableApplicationContext settings = settings(profile, environment)) {
            ConfigurableEnvironment env = settings.getEnvironment();
            boolean demoData = env.getProperty("bureau.demo-data.enabled", Boolean.class, false);
            assertThat(demoData).as("demo data").isEqualTo(demoDataExpected);
            DemoCredentialsGuard guard = new DemoCredentialsGuard(engine.getIdentityService(),
                    env.getRequiredProperty("bureau.security.refuse-demo-credentials", Boolean.class),
                    env.getRequiredProperty("bureau.security.allow-demo-credentials", Boolean.class), demoData);
            if (allowed) {
                assertThatCode(guard::check).doesNotThrowAnyException();
            } else {
                assertThatThrownBy(guard::check).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("Refusing to start");
            }
        }
    }

    /** The application's settings alone (no beans), as a start with this profile and environment reads them. */
    private static ConfigurableApplicationContext settings(String profile, Map<String, String> environment) {
        Map<String, Object> variables = new HashMap<>(environment);
        StandardEnvironment isolated = new StandardEnvironment() {
            @Override
            protected void customizePropertySources(MutablePropertySources sources) {
                // not this JVM's environment: the test run sets the demo variables for the whole suite
                sources.addLast(new SystemEnvironmentPropertySource(SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
            }
        };
        return new SpringApplicationBuilder(SettingsOnly.class).environment(isolated).profiles(profile)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false).run();
    }
}
