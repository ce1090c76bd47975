package cn.minzheng.bureau.support;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A Camunda Form (form-js) as Tasklist renders it, filled the way a user does: fields found by their
 * Chinese label, typed into, options picked from the dropdown, rows added to a list. Within a list
 * (家庭成员 …) the same label repeats; {@code row} counts from 0.
 */
public final class CamundaForm {

    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private final WebElement form;
    private final String submitLabel;

    CamundaForm(ChromeDriver driver, WebDriverWait wait, WebElement form, String submitLabel) {
        this.driver = driver;
        this.wait = wait;
        this.form = form;
        this.submitLabel = submitLabel;
    }

    public WebElement element() {
        return form;
    }

    public String text() {
        return form.getText();
    }

    /** The values the form shows in its inputs (read-only fields included). */
    public List<String> values() {
        return form.findElements(By.cssSelector("input.fjs-input, textarea, .fjs-select-display")).stream()
                .map(e -> "DIV".equalsIgnoreCase(e.getTagName()) ? e.getText() : e.getAttribute("value"))
                .filter(v -> v != null && !v.isBlank()).toList();
    }

    public CamundaForm type(String label, Object value) {
        return type(label, 0, value);
    }

    /**
     * Types the value as a user does, then leaves the field, as a user moving on does: form-js takes a typed value
     * after a debounce of 300 ms or when the field loses focus. A keystroke can get lost while the form re-renders (CI
     * once saw 300 arrive as 30 in a number field): where the field then holds less than was typed, it is typed again,
     * as a user who looks would.
     */
    public CamundaForm type(String label, int row, Object value) {
        WebElement input = field(label, row);
        scrollTo(input);
        String text = String.valueOf(value);
        for (int attempt = 1; ; attempt++) {
            input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
            input.sendKeys(text);
            leave(input);
            String shown = input.getDomProperty("value");
            if (attempt == 3 || shown == null || shown.length() >= text.length()) {
                return this;
            }
            BrowserTimings.count("form.typedAgain");
        }
    }

    public CamundaForm select(String label, String option) {
        return select(label, 0, option);
    }

    /** Opens the dropdown of a select field and picks the option with this text. */
    public CamundaForm select(String label, int row, String option) {
        WebElement field = openDropdown(label, row);
        WebElement item = wait.until(d -> field.findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
                .filter(e -> e.getText().trim().equals(option)).findFirst().orElse(null));
        new org.openqa.selenium.interactions.Actions(driver).moveToElement(item).click().perform();
        wait.until(d -> field.findElement(By.cssSelector(".fjs-select-display")).getText().trim().equals(option));
        return this;
    }

    /** The options a select field offers: its list is opened and left open, as a user looking at it has it. */
    public List<String> options(String label, int row) {
        WebElement field = openDropdown(label, row);
        return field.findElements(By.cssSelector(".fjs-dropdownlist-item")).stream().map(e -> e.getText().trim()).toList();
    }

    private WebElement openDropdown(String label, int row) {
        WebElement input = field(label, row);
        WebElement field = input.findElement(By.xpath("./ancestor::div[contains(@class,'fjs-form-field')][1]"));
        WebElement group = field.findElement(By.cssSelector(".fjs-input-group"));
        scrollTo(group);
        // a click toggles the list: poll slowly enough that a list still rendering is not closed again
        new WebDriverWait(driver, java.time.Duration.ofSeconds(30)).pollingEvery(java.time.Duration.ofMillis(1500)).until(d -> {
            if (field.findElements(By.cssSelector(".fjs-dropdownlist")).isEmpty()) {
                group.click();
            }
            return !field.findElements(By.cssSelector(".fjs-dropdownlist")).isEmpty();
        });
        return field;
    }

    /** Picks the radio button with this text in the group of this label. */
    public CamundaForm choose(String label, String option) {
        WebElement group = fieldContainer(label, 0);
        WebElement choice = group.findElement(By.xpath(".//label[contains(@class,'fjs-form-field-label')][normalize-space()='"
                + option + "']//input | .//label[normalize-space()='" + option + "']"));
        scrollTo(choice);
        choice.click();
        return this;
    }

    /** Ticks (or unticks) a checkbox. */
    public CamundaForm check(String label, boolean checked) {
        WebElement box = field(label, 0);
        if (box.isSelected() != checked) {
            scrollTo(box);
            box.click();
        }
        return this;
    }

    /** Ticks the checklist option with this text. */
    public CamundaForm tick(String label, String option) {
        WebElement group = fieldContainer(label, 0);
        WebElement choice = group.findElement(By.xpath(".//label[normalize-space()='" + option + "']"));
        scrollTo(choice);
        choice.click();
        return this;
    }

    /** Adds a row to the list (dynamic list) with this label. */
    public CamundaForm addRow(String listLabel) {
        WebElement list = form.findElement(By.xpath(".//div[contains(@class,'fjs-form-field-dynamiclist')]"
                + "[./label[normalize-space(text())='" + listLabel + "']]"));
        WebElement add = list.findElement(By.cssSelector(".fjs-repeat-render-add"));
        scrollTo(add);
        add.click();
        return this;
    }

    /** The error texts the form shows next to its fields. */
    public List<String> errors() {
        return form.findElements(By.cssSelector(".fjs-form-field-error")).stream().map(WebElement::getText)
                .filter(t -> !t.isBlank()).toList();
    }

    public WebElement submitButton() {
        return driver.findElement(By.xpath("//button[normalize-space()='" + submitLabel + "']"));
    }

    /** Presses 启动 / 完成 once the form lets the user. */
    public void submit() {
        WebElement button = wait.until(ExpectedConditions.elementToBeClickable(submitButton()));
        scrollTo(button);
        for (int attempt = 0; ; attempt++) {
            try {
                button.click();
                return;
            } catch (StaleElementReferenceException redrawn) {
                // Tasklist drew the form again between finding the button and pressing it (CI: after a download
                // link of the form was clicked): find it again, as the user's next click would
                if (attempt == 2) {
                    throw redrawn;
                }
                button = wait.until(ExpectedConditions.elementToBeClickable(submitButton()));
            } catch (ElementClickInterceptedException covered) {
                // a notification of the step before ("流程已发起。") sits over the button: close it, as a user does
                if (attempt == 2) {
                    throw covered;
                }
                for (WebElement close : driver.findElements(By.cssSelector(".notifications .close"))) {
                    try {
                        if (close.isDisplayed()) {
                            close.click();
                        }
                    } catch (StaleElementReferenceException gone) {
                        // the notification closed by itself meanwhile (CI: OrganisationChangeBrowserTest)
                    }
                }
            }
        }
    }

    /** Types a date into a form-js date picker as a user does (the picker reads it when the field loses focus). */
    public CamundaForm date(String label, LocalDate date) {
        WebElement input = field(label, 0);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(date.format(DateTimeFormatter.ofPattern("MM/dd/yyyy")), Keys.TAB);
        return this;
    }

    /** The input of the field with this label (the row-th one where the label repeats). */
    public WebElement field(String label, int row) {
        List<WebElement> labels = wait.until(d -> {
            List<WebElement> found = form.findElements(By.xpath(".//label[normalize-space(text())='" + label + "']"));
            return found.size() > row ? found : null;
        });
        String id = labels.get(row).getAttribute("for");
        return form.findElement(By.id(id));
    }

    private WebElement fieldContainer(String label, int row) {
        List<WebElement> labels = form.findElements(By.xpath(".//label[normalize-space(text())='" + label + "']"));
        return labels.get(row).findElement(By.xpath("./ancestor::div[contains(@class,'fjs-form-field')][1]"));
    }

    /**
     * Takes the focus from the field, so form-js takes its value now (its blur flushes the debounce) and renders it
     * before the next field is typed into; the script returns once that render has run.
     */
    private void leave(WebElement input) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].blur();", input);
    }

    private void scrollTo(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    }
}
