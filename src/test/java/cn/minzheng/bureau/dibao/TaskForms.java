package cn.minzheng.bureau.dibao;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

import cn.minzheng.bureau.support.CamundaForm;
import cn.minzheng.bureau.support.Tasklist;

/**
 * What a user sees of a 低保 task form in Tasklist: a screenshot of the whole form (Tasklist scrolls a long form
 * inside its pane, so the window is made tall enough while the picture is taken), and a check that nothing in it is
 * English or a raw code (a user name, an enum value) rather than words a clerk reads.
 */
public final class TaskForms {

    private static final int MAX_HEIGHT = 4000;
    /** Latin words other than case numbers (DB2026-000123): user names, codes, English. */
    private static final Pattern LATIN = Pattern.compile("(?<![A-Za-z0-9])(?!DB\\d{4}-\\d{6})[A-Za-z][A-Za-z0-9_.\\-]*");

    private TaskForms() {
    }

    public static Path whole(Tasklist tasklist, String name) {
        var window = tasklist.driver().manage().window();
        Dimension size = window.getSize();
        Object formHeight = tasklist.driver().executeScript(
                "var f = document.querySelector('.task-details .fjs-form, .modal .fjs-form'); return f ? f.scrollHeight : 0;");
        int height = Math.min(MAX_HEIGHT, Math.max(size.getHeight(), ((Number) formHeight).intValue() + 450));
        window.setSize(new Dimension(size.getWidth(), height));
        try {
            return tasklist.screenshot(name);
        } finally {
            window.setSize(size);
        }
    }

    /** The labels, texts and values of the form hold no Latin words but case numbers. */
    public static void assertChineseOnly(CamundaForm form) {
        List<String> shown = new ArrayList<>(form.element()
                .findElements(By.cssSelector("input.fjs-input:not([type=checkbox]):not([type=radio]), textarea, .fjs-select-display"))
                .stream().map(e -> "DIV".equalsIgnoreCase(e.getTagName()) ? e.getText() : e.getAttribute("value"))
                .filter(v -> v != null && !v.isBlank()).toList());
        shown.add(form.text());
        List<String> latin = new ArrayList<>();
        for (String text : shown) {
            Matcher m = LATIN.matcher(text);
            while (m.find()) {
                latin.add(m.group());
            }
        }
        assertThat(latin).as("Latin words shown in the form").isEmpty();
    }
}
