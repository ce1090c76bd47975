package cn.minzheng.bureau.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A test that works the application in a real headless Chromium as its users do. Every browser test
 * shares one browser ({@link SharedBrowser}) and, having the same configuration, one application
 * context. Tagged {@code browser}: they run in the PostgreSQL pass of the suite (and with
 * {@code -Dbrowser} on H2). Under {@code CI=true} a missing browser fails them instead of skipping.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(SharedBrowser.class)
public @interface BrowserTest {
}
