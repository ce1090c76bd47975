package cn.minzheng.bureau.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * One headless Chromium for the whole test run, started by the first browser test and quit when the
 * run ends. A test receives a {@link Tasklist} (or the driver) as a parameter; after each test the
 * browser is logged out and its storage cleared, so the next test starts as a stranger would.
 * <p>
 * Where Chromium or its driver is missing the tests are skipped, except under {@code CI=true}, where
 * that fails them: a green run must have driven the browser.
 */
public class SharedBrowser implements BeforeAllCallback, AfterEachCallback, ParameterResolver, TestExecutionExceptionHandler {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedBrowser.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!Browser.available()) {
            String missing = "Chromium or chromedriver is not installed (Debian: chromium chromium-driver fonts-noto-cjk)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(missing + "; CI=true runs every browser test");
            }
            assumeTrue(false, missing);
        }
    }

    /** A failed test leaves a screenshot of what the browser showed: target/screenshots/FAILED-….png */
    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        Session session = session(context);
        if (session.driver != null) {
            try {
                Browser.screenshot(session.driver, "FAILED-" + context.getRequiredTestClass().getSimpleName() + "-"
                        + context.getRequiredTestMethod().getName());
            } catch (RuntimeException screenshotFailed) {
                thrown.addSuppressed(screenshotFailed);
            }
        }
        throw thrown;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Session session = session(context);
        if (session.driver != null) {
            session.driver.manage().deleteAllCookies();
            session.driver.executeScript("try { window.localStorage.clear(); window.sessionStorage.clear(); } catch (e) {}");
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Tasklist.class || type == ChromeDriver.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ChromeDriver driver = session(context).driver();
        if (parameter.getParameter().getType() == ChromeDriver.class) {
            return driver;
        }
        int port = Integer.parseInt(SpringExtension.getApplicationContext(context).getEnvironment()
                .getProperty("local.server.port"));
        return new Tasklist(driver, port);
    }

    private static Session session(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Session.class, k -> new Session(), Session.class);
    }

    /** The browser of the run; JUnit closes it when the root context closes, after the last test. */
    static final class Session implements ExtensionContext.Store.CloseableResource {

        private ChromeDriver driver;

        synchronized ChromeDriver driver() {
            if (driver == null) {
                driver = Browser.start(Browser.DOWNLOADS);
            }
            return driver;
        }

        @Override
        public synchronized void close() {
            if (driver != null) {
                driver.quit();
            }
        }
    }
}
