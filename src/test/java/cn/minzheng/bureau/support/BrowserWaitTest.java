package cn.minzheng.bureau.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;

/** The harness's waits look again where Chromium says an element left the document, and only there. */
class BrowserWaitTest {

    private static final String DETACHED = "unknown error: unhandled inspector error: "
            + "{\"code\":-32000,\"message\":\"Node with given id does not belong to the document\"}";

    @Test
    void anElementThePageReplacedIsLookedForAgain() {
        AtomicInteger looks = new AtomicInteger();
        Boolean shown = Browser.waitUpTo(mock(WebDriver.class), Duration.ofSeconds(5)).until(d -> {
            if (looks.incrementAndGet() < 3) {
                throw new WebDriverException(DETACHED);
            }
            return true;
        });
        assertThat(shown).isTrue();
        assertThat(looks).hasValue(3);
    }

    @Test
    void anyOtherErrorOfTheBrowserEndsTheWait() {
        AtomicInteger looks = new AtomicInteger();
        assertThatThrownBy(() -> Browser.waitUpTo(mock(WebDriver.class), Duration.ofSeconds(5)).until(d -> {
            looks.incrementAndGet();
            throw new WebDriverException("chrome not reachable");
        })).isInstanceOf(WebDriverException.class).hasMessageContaining("chrome not reachable");
        assertThat(looks).hasValue(1);
    }
}
