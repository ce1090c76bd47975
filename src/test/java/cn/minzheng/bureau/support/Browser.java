package cn.minzheng.bureau.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The system's headless Chromium, driven through the system's chromedriver (Debian packages chromium,
 * chromium-driver, and fonts-noto-cjk so Chinese renders). Both paths are given explicitly, so
 * Selenium never looks for or downloads a browser or driver of its own. CHROMIUM_BIN and CHROMEDRIVER
 * override the Debian paths.
 */
public final class Browser {

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** Where the shared browser saves downloads. */
    public static final Path DOWNLOADS = Path.of("target", "browser-downloads");

    private Browser() {
    }

    public static String chromium() {
        return System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium");
    }

    public static String chromedriver() {
        return System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver");
    }

    /** True where both the browser and its driver are installed. */
    public static boolean available() {
        return new File(chromium()).canExecute() && new File(chromedriver()).canExecute();
    }

    /** A headless Chromium whose user prefers Chinese (as the bureau's clerks' browsers do). */
    public static ChromeDriver start() {
        return start(null);
    }

    /** The same, saving downloads into the given folder without asking. */
    public static ChromeDriver start(Path downloads) {
        System.setProperty("webdriver.chrome.driver", chromedriver());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-extensions", "--window-size=1400,1000", "--lang=zh-CN");
        options.setExperimentalOption("prefs", downloads == null
                ? Map.of("intl.accept_languages", "zh-CN,zh")
                : Map.of("intl.accept_languages", "zh-CN,zh", "download.default_directory", downloads.toAbsolutePath().toString(),
                        "download.prompt_for_download", false));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.WARNING);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(chromedriver())).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return driver;
    }

    /**
     * A wait that looks again every 100 ms. Selenium's default of 500 ms cost a quarter of a second on average at
     * every step that did not show at once: a login, a task opened, a form submitted, a process that moved on.
     */
    public static WebDriverWait waitUpTo(WebDriver driver, Duration timeout) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(100)) {
            @Override
            public <V> V until(Function<? super WebDriver, V> isTrue) {
                return super.until(d -> {
                    try {
                        return isTrue.apply(d);
                    } catch (WebDriverException e) {
                        if (isDetachedNode(e)) {
                            return null; // looked again at the next poll, as a stale element is
                        }
                        throw e;
                    }
                });
            }
        };
    }

    /**
     * Chromium's answer (version 156) for an element that the page replaced between its finding and its reading: an
     * "unknown error", not the stale element that waits ignore. CI saw it where a page reloads itself while a test
     * waits on it (the roster import's status).
     */
    static boolean isDetachedNode(WebDriverException e) {
        return !(e instanceof StaleElementReferenceException) && e.getMessage() != null
                && e.getMessage().contains("does not belong to the document");
    }

    /** The browser console's warnings and errors since the last call (the failed requests, the scripts' errors). */
    public static List<String> consoleErrors(ChromeDriver driver) {
        try {
            return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .map(entry -> entry.getLevel() + " " + entry.getMessage()).toList();
        } catch (RuntimeException notAvailable) {
            return List.of("(console not available: " + notAvailable.getMessage() + ")");
        }
    }

    public static Path screenshot(ChromeDriver driver, String name) {
        return BrowserTimings.time("screenshot", () -> save(driver, name));
    }

    private static Path save(ChromeDriver driver, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), target,
                    StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
