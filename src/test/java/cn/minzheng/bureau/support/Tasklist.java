package cn.minzheng.bureau.support;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camunda Tasklist as a user meets it: the login page, 发起流程 with its start forms, a task opened,
 * claimed and its Camunda Form filled and submitted. The other webapps and the project's own pages are
 * reached through {@link #open(String)} with the same login.
 */
public final class Tasklist {

    private static final String WEBAPPS = "/camunda/app/";
    private static final String TASKLIST = WEBAPPS + "tasklist/default/";
    /** A small style sheet of the webapps: a page of their origin where no script runs. */
    private static final String QUIET_PAGE = WEBAPPS + "tasklist/styles/user-styles.css";
    /** A webapp shows its page where its route's view has replaced the spinner of its index page. */
    private static final By WEBAPP_PAGE_SHOWN = By.cssSelector("[ng-view]:not(:has(.app-splash))");
    private static final Logger log = LoggerFactory.getLogger(Tasklist.class);
    private static final String DEMO_PASSWORD = "demo";
    private static final By USER_NAME = By.cssSelector("input[ng-model=username]");
    /** Camunda refuses a user's login for loginDelayBase (3 s, its default) after a failed one. */
    private static final Duration LOGIN_DELAY_AFTER_A_FAILURE = Duration.ofSeconds(4);
    /**
     * Keeps the login page's answer in window.bureauLoginAnswer: its status, what the page sent (the user name and the
     * password's length, never the password) and the start of its body.
     */
    private static final String WATCH_LOGIN_ANSWER = """
            window.bureauLoginAnswer = null;
            if (!window.bureauLoginWatched) {
              window.bureauLoginWatched = true;
              const open = XMLHttpRequest.prototype.open;
              const send = XMLHttpRequest.prototype.send;
              XMLHttpRequest.prototype.open = function (method, url) {
                if (/\\/auth\\/user\\/[^/]+\\/login\\//.test(String(url))) {
                  this.bureauLogin = true;
                  this.addEventListener('loadend', () => {
                    window.bureauLoginAnswer = this.status + ' (' + this.bureauLoginSent + ') '
                        + String(this.responseText || '').slice(0, 160);
                  });
                }
                return open.apply(this, arguments);
              };
              XMLHttpRequest.prototype.send = function (body) {
                if (this.bureauLogin) {
                  const form = new URLSearchParams(typeof body === 'string' ? body : '');
                  this.bureauLoginSent = 'user ' + JSON.stringify(form.get('username'))
                      + ', password of ' + String(form.get('password') || '').length + ' characters';
                }
                return send.apply(this, arguments);
              };
            }
            """;
    private static final By TASK_FORM_FIELD = By.cssSelector(".task-details .fjs-form .fjs-form-field");
    private static final By CLAIM = By.xpath("//button[normalize-space()='认领']");
    private static final By NO_TASK_SELECTED = By.cssSelector(".no-task");
    /** How long Tasklist may show no task where the address names one before the test takes it as dropped. */
    private static final Duration DROPPED_AFTER = Duration.ofSeconds(8);
    /** How long the process list of 发起流程 may stay after a click before the test takes the click as lost. */
    private static final Duration CLICK_AGAIN_AFTER = Duration.ofSeconds(5);

    private final ChromeDriver driver;
    private final int port;
    private final WebDriverWait wait;
    private String user;

    public Tasklist(ChromeDriver driver, int port) {
        this.driver = driver;
        this.port = port;
        this.wait = Browser.waitUpTo(driver, Duration.ofSeconds(60));
        this.wait.ignoring(StaleElementReferenceException.class);
    }

    public ChromeDriver driver() {
        return driver;
    }

    public WebDriverWait waiting() {
        return wait;
    }

    public String url(String path) {
        return "http://localhost:" + port + path;
    }

    /**
     * Logs in (logging out whoever was logged in before) and shows Tasklist's list. The browser sends the request that
     * the webapps' login page sends, so the session is the browser's as after the page; that saves each login the
     * page's own load and typing, about a second. The login page itself is worked by {@link #loginThroughThePage} and
     * {@code DibaoTasklistBrowserTest}; where the request does not log in, the page is used.
     */
    public Tasklist loginAs(String userId) {
        return BrowserTimings.time("login", () -> {
            if (user != null) {
                logout();
            }
            Object answer = sendLoginRequest(userId);
            if (Long.valueOf(200).equals(answer) && tasklistShowsItsList()) {
                user = userId;
                return this;
            }
            BrowserTimings.count("login request (answered " + answer + ") did not log in, logged in through the page");
            return loginThroughThePage(userId);
        });
    }

    /**
     * The login page's request (its CSRF token first, as the page fetches it), sent from a small style sheet of the
     * webapps, where none of their scripts runs beside it (see {@link #logout()}); the HTTP status it was answered with.
     */
    private Object sendLoginRequest(String userId) {
        if (!driver.getCurrentUrl().equals(url(QUIET_PAGE))) {
            driver.get(url(QUIET_PAGE));
        }
        return driver.executeAsyncScript("""
                const [user, password, done] = arguments;
                (async () => {
                  await fetch('%s', {credentials: 'same-origin'});
                  const cookie = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN='));
                  const login = await fetch('/camunda/api/admin/auth/user/default/login/tasklist', {
                    method: 'POST', credentials: 'same-origin',
                    headers: {'Content-Type': 'application/x-www-form-urlencoded',
                              'X-XSRF-TOKEN': cookie ? cookie.substring('XSRF-TOKEN='.length) : ''},
                    body: 'username=' + encodeURIComponent(user) + '&password=' + encodeURIComponent(password)});
                  done(login.status);
                })().catch(e => done(String(e)));
                """.formatted(TASKLIST), userId, DEMO_PASSWORD);
    }

    /** Tasklist loaded: its list where the session is logged in, its login page where not. */
    private boolean tasklistShowsItsList() {
        openTasklistPage();
        return driver.findElements(USER_NAME).isEmpty();
    }

    /** Logs in by typing into the webapps' login page, as a user does (logging out whoever was logged in before). */
    public Tasklist loginThroughThePage(String userId) {
        if (user != null) {
            logout();
        }
        for (int tries = 1; ; tries++) {
            openTasklistPage();
            if (driver.findElements(USER_NAME).isEmpty()) {
                break; // the login of the last try went through before its page showed it
            }
            typeInto(USER_NAME, userId);
            typeInto(By.cssSelector("input[ng-model=password]"), DEMO_PASSWORD);
            driver.executeScript(WATCH_LOGIN_ANSWER);
            driver.findElement(By.cssSelector("button[type=submit]")).click();
            Optional<String> refused;
            try {
                // CI saw the task list not appear within a minute after the login under load; a user reloads
                refused = Browser.waitUpTo(driver, Duration.ofSeconds(tries == 1 ? 60 : 90)).until(this::loginOutcome);
            } catch (TimeoutException notLoggedInYet) {
                BrowserTimings.count("login did not complete, logged in again");
                if (tries >= 2) {
                    screenshot("tasklist-login-did-not-complete");
                    throw notLoggedInYet;
                }
                continue;
            }
            if (refused.isEmpty()) {
                break;
            }
            if (tries >= 3) {
                screenshot("tasklist-login-refused");
                throw new AssertionError("the login of " + userId + " was refused three times: " + refused.get());
            }
            // CI saw the page's login refused now and then (登录失败), cause unknown: counted by the answer's status,
            // the test logs in again after the engine's delay after a failed login, as a user would
            BrowserTimings.count("login refused (HTTP " + refused.get().split(" ", 2)[0] + "), logged in again");
            log.warn("the page's login of {} was refused: {}", userId, refused.get());
            sleepThroughTheLoginDelay();
        }
        user = userId;
        return this;
    }

    /**
     * Logs in on the login page Tasklist has just shown, where it stands (the user's login ended): Tasklist then
     * returns to the page the user was on.
     */
    public Tasklist logInAgainWhereTheLoginPageShows(String userId) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(USER_NAME));
        typeInto(USER_NAME, userId);
        typeInto(By.cssSelector("input[ng-model=password]"), DEMO_PASSWORD);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(d -> d.findElements(USER_NAME).isEmpty());
        user = userId;
        return this;
    }

    /**
     * The page's login once decided: empty where the task list shows, the server's answer where it refused the login;
     * null while neither.
     */
    private Optional<String> loginOutcome(WebDriver page) {
        if (!page.findElements(By.cssSelector(".tasks-list, [cam-tasks]")).isEmpty() && page.findElements(USER_NAME).isEmpty()) {
            return Optional.empty();
        }
        Object answer = ((JavascriptExecutor) page).executeScript("return window.bureauLoginAnswer;");
        return answer != null && !String.valueOf(answer).startsWith("200") ? Optional.of(String.valueOf(answer)) : null;
    }

    private static void sleepThroughTheLoginDelay() {
        try {
            Thread.sleep(LOGIN_DELAY_AFTER_A_FAILURE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Tasklist loaded: its login page or its list. */
    private void openTasklistPage() {
        loadWebapp(TASKLIST, By.cssSelector("input[ng-model=username], .tasks-list"));
    }

    /**
     * A webapp's load can hang on its spinner; a user reloads, and so does the test, up to twice. CI saw Tasklist and
     * Cockpit hang about once a run: the log of one such hang showed every script of the page blocked by its
     * Content-Security-Policy, a race in Camunda that web/WebappPageNonceFilter now closes.
     */
    private void loadWebapp(String path, By loaded) {
        driver.get(url(path));
        for (int reloads = 0; ; reloads++) {
            try {
                Browser.waitUpTo(driver, Duration.ofSeconds(45)).until(d -> !d.findElements(loaded).isEmpty());
                return;
            } catch (TimeoutException stillLoading) {
                if (reloads == 2) {
                    screenshot("webapp-did-not-load");
                    throw stillLoading;
                }
                BrowserTimings.count("webapp hung on its spinner, reloaded");
                log.warn("{} hung on its spinner: {}", path, whatTheLoadDid());
                driver.navigate().refresh();
            }
        }
    }

    /**
     * What a webapp's load that hung had done, for the log: the document's state, its slowest requests and the
     * console's warnings and errors.
     */
    private String whatTheLoadDid() {
        try {
            Object load = driver.executeScript("""
                    const entries = performance.getEntriesByType('resource');
                    const slowest = entries.slice().sort((a, b) => b.duration - a.duration).slice(0, 5)
                        .map(e => e.name.replace(location.origin, '') + ' ' + Math.round(e.duration) + ' ms');
                    return document.readyState + ', ' + entries.length + ' requests done, slowest: ' + slowest.join('; ');
                    """);
            return load + "; console: " + Browser.consoleErrors(driver);
        } catch (RuntimeException notAnswered) {
            return "(the page did not answer: " + notAnswered.getMessage() + ")";
        }
    }

    /**
     * Types into a field of the login page until it holds exactly the text (CI under load once found "admindemo" in
     * the user name field: the page was still being laid out while the test typed).
     */
    private void typeInto(By field, String text) {
        wait.until(d -> {
            WebElement input = d.findElement(field);
            if (!text.equals(input.getDomProperty("value"))) {
                input.clear();
                input.sendKeys(text);
            }
            return text.equals(d.findElement(field).getDomProperty("value"));
        });
    }

    private void logInAgain() {
        if (user != null) {
            loginAs(user);
        }
    }

    /**
     * Leaves the webapp first, then forgets the session. A webapp left open keeps polling: a request of it sent after
     * the cookies are gone opens a new session, and its answer can replace the cookie of the login that follows
     * (CI saw such a login answered 200 and then not logged in, about once a run).
     */
    public void logout() {
        driver.get(url(QUIET_PAGE));
        driver.manage().deleteAllCookies();
        ((JavascriptExecutor) driver).executeScript("window.localStorage.clear(); window.sessionStorage.clear();");
        user = null;
    }

    /**
     * A page of the application with the same login, e.g. {@code /ledger}, or of a webapp (Tasklist, Cockpit…), once
     * the webapp has shown its page (its spinner gone).
     */
    public Tasklist open(String path) {
        if (path.startsWith(WEBAPPS)) {
            loadWebapp(path, WEBAPP_PAGE_SHOWN);
        } else {
            driver.get(url(path));
        }
        return this;
    }

    /** 发起流程 → the process by its Chinese name: its start form, open in the dialog. */
    public CamundaForm startProcess(String processName) {
        return BrowserTimings.time("start form opened", () -> openStartForm(processName));
    }

    private CamundaForm openStartForm(String processName) {
        for (int reloads = 0; ; reloads++) {
            // the page anew, reloaded where it hangs on its spinner (CI saw it hang for a minute under load); the
            // last try with a new login, as a user would after two failures
            if (reloads == 2) {
                logInAgain();
            }
            openTasklistPage();
            wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[contains(., '发起流程')]"))).click();
            try {
                pickProcess(processName);
                break;
            } catch (TimeoutException notShown) {
                // on a busy machine the start form has once not appeared in the dialog within a minute; a user
                // opens the dialog again, and so does the test, up to twice (the screenshot shows what was there)
                screenshot("start-form-did-not-load-" + reloads);
                BrowserTimings.count("start form did not show, dialog opened again");
                if (reloads == 2) {
                    throw new AssertionError("the start form of " + processName + " did not show; " + whatThePageShows(), notShown);
                }
            }
        }
        return new CamundaForm(driver, wait, driver.findElement(By.cssSelector(".modal .fjs-form")), "启动");
    }

    /**
     * Clicks the process in the dialog until its start form shows. The dialog fades in and its long list is still
     * laid out: a click then lands on the row, not the link, and nothing happens (the list stays, the link under
     * the pointer highlighted). A user clicks again; so does the test, when the list is still there 5 s after a click.
     */
    private void pickProcess(String processName) {
        By process = By.xpath("//div[contains(@class,'modal')]//a[normalize-space()='" + processName + "']");
        By formField = By.cssSelector(".modal .fjs-form .fjs-form-field");
        long[] clickedAt = {0};
        Browser.waitUpTo(driver, Duration.ofSeconds(60)).ignoring(ElementClickInterceptedException.class)
                .ignoring(StaleElementReferenceException.class).until(d -> {
                    if (!d.findElements(formField).isEmpty()) {
                        return true;
                    }
                    if (clickedAt[0] == 0 || System.nanoTime() - clickedAt[0] > CLICK_AGAIN_AFTER.toNanos()) {
                        WebElement link = ExpectedConditions.elementToBeClickable(process).apply(d);
                        if (link != null) {
                            link.click();
                            if (clickedAt[0] != 0) {
                                BrowserTimings.count("start form did not show, process clicked again");
                            }
                            clickedAt[0] = System.nanoTime();
                        }
                    }
                    return false;
                });
    }

    /** A task by its id, claimed where it is not yet this user's, with its form shown. */
    public CamundaForm openTask(String taskId) {
        return BrowserTimings.time("task opened", () -> openTaskForm(taskId));
    }

    private CamundaForm openTaskForm(String taskId) {
        driver.get(url(TASKLIST + "#/?task=" + taskId));
        for (int reloads = 0; ; reloads++) {
            try {
                waitForTaskOrItsLoss();
                claimIfOffered();
                Browser.waitUpTo(driver, Duration.ofSeconds(30)).until(d -> !d.findElements(TASK_FORM_FIELD).isEmpty());
                break;
            } catch (TimeoutException notShown) {
                // Tasklist, already open on its list, sometimes keeps the list and drops the task of the address
                // (请在列表中选择一个任务); a user reloads the page, then logs in again, and so does the test
                if (reloads == 2) {
                    screenshot("task-did-not-open-" + taskId);
                    throw new AssertionError("task " + taskId + " did not open; " + whatThePageShows(), notShown);
                }
                if (reloads == 1) {
                    screenshot("task-did-not-open-twice-" + taskId);
                    BrowserTimings.count("task did not open after a reload, logged in again");
                    logInAgain();
                    driver.get(url(TASKLIST + "#/?task=" + taskId));
                } else {
                    BrowserTimings.count("task did not open, reloaded");
                    driver.navigate().refresh();
                }
            }
        }
        WebElement form = driver.findElement(By.cssSelector(".task-details .fjs-form"));
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='完成']")));
        return new CamundaForm(driver, wait, form, "完成");
    }

    /**
     * Waits until the task's form or its 认领 shows. Where Tasklist has instead shown 请在列表中选择一个任务 for 8 s (it
     * dropped the task of the address), the wait ends as a timeout at once, so the page is reloaded without waiting
     * out the 30 s.
     */
    private void waitForTaskOrItsLoss() {
        long[] droppedSince = {0};
        String outcome = Browser.waitUpTo(driver, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class).until(d -> {
            if (!d.findElements(TASK_FORM_FIELD).isEmpty() || !d.findElements(CLAIM).isEmpty()) {
                return "shown";
            }
            if (d.findElements(NO_TASK_SELECTED).stream().anyMatch(WebElement::isDisplayed)) {
                if (droppedSince[0] == 0) {
                    droppedSince[0] = System.nanoTime();
                }
                return System.nanoTime() - droppedSince[0] > DROPPED_AFTER.toNanos() ? "dropped" : null;
            }
            droppedSince[0] = 0;
            return null;
        });
        if (outcome.equals("dropped")) {
            throw new TimeoutException("Tasklist shows no task where the address names one");
        }
    }

    /**
     * Presses 认领 where the task is offered and waits until Tasklist shows it as claimed; a press that a busy
     * page swallowed (the button still there after a while) is repeated, as a user would.
     */
    private void claimIfOffered() {
        for (int presses = 0; presses < 3; presses++) {
            List<WebElement> claim = driver.findElements(CLAIM);
            if (claim.isEmpty() || !claim.get(0).isDisplayed()) {
                return;
            }
            claim.get(0).click();
            try {
                Browser.waitUpTo(driver, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
                        .until(d -> d.findElements(CLAIM).stream().noneMatch(WebElement::isDisplayed));
                return;
            } catch (TimeoutException stillOffered) {
                // pressed again below
            }
        }
        throw new AssertionError("认领 had no effect on task page " + driver.getCurrentUrl());
    }

    /** The task list as shown: the text of each task card. */
    public List<String> taskCards() {
        wait.until(d -> !d.findElements(By.cssSelector(".tasks-list")).isEmpty());
        return driver.findElements(By.cssSelector(".tasks-list li.task")).stream().map(WebElement::getText).toList();
    }

    /**
     * For a failure message: the address, the notifications, the text of the page and the browser's console errors,
     * so a failed CI run says what the user saw (its screenshots are not kept).
     */
    public String whatThePageShows() {
        String text;
        try {
            text = bodyText().replaceAll("\\s+", " ");
        } catch (RuntimeException unreadable) {
            text = "(unreadable: " + unreadable.getMessage() + ")";
        }
        return "address " + driver.getCurrentUrl() + "; the page shows: "
                + (text.length() > 1500 ? text.substring(0, 1500) + "…" : text) + "; console: " + Browser.consoleErrors(driver);
    }

    public String bodyText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public Path screenshot(String name) {
        return Browser.screenshot(driver, name);
    }

    public WebDriver.Navigation navigate() {
        return driver.navigate();
    }

    /**
     * Keeps the whole filled form as a screenshot ({@code name-filled}), presses 启动 / 完成 and waits until the
     * process moved on; when it does not, the page is kept as {@code name-not-submitted} and the failure quotes
     * what the page told the user.
     */
    public void submit(CamundaForm form, String name, BooleanSupplier movedOn) {
        BrowserTimings.time("form submitted and the process moved on", () -> submitAndWait(form, name, movedOn));
    }

    private void submitAndWait(CamundaForm form, String name, BooleanSupplier movedOn) {
        Dimension window = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(window.getWidth(), 2400));
        screenshot(name + "-filled");
        driver.manage().window().setSize(window);
        List<String> errors = form.errors();
        if (!errors.isEmpty()) {
            throw new AssertionError("errors shown in " + name + ": " + errors);
        }
        form.submit();
        try {
            wait.until(d -> movedOn.getAsBoolean());
        } catch (TimeoutException e) {
            screenshot(name + "-not-submitted");
            throw new AssertionError(name + " was not submitted; the page says: " + driver
                    .findElements(By.cssSelector(".notifications, .alert, .fjs-form-field-error")).stream()
                    .map(WebElement::getText).filter(t -> !t.isBlank()).toList(), e);
        }
    }
}
