package cn.minzheng.bureau.ledger;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.minzheng.bureau.access.Groups;
import cn.minzheng.bureau.calendar.CalendarImport;

import cn.minzheng.bureau.calendar.CalendarRepository;
import cn.minzheng.bureau.calendar.WorkingCalendar;
import cn.minzheng.bureau.calendar.WorkingDays;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.web.LedgerPage;
import cn.minzheng.bureau.web.LedgerUser;

/** 工作日历: a year's holidays and make-up working days as the engine counts them (administrators import a year from a file here or change it through the API). */
@Controller
@LedgerPage
public class CalendarPageController {

    private final CalendarRepository repository;
    private final WorkingDays workingDays;
    private final CalendarImport calendarImport;

    public CalendarPageController(CalendarRepository repository, WorkingDays workingDays, CalendarImport calendarImport) {
        this.repository = repository;
        this.workingDays = workingDays;
        this.calendarImport = calendarImport;
    }

    /** 导入: a year's holidays from a file, by the administrator or the process manager. */
    @PostMapping("/ledger/calendar/import")
    public String importYear(@RequestAttribute(LedgerLogin.USER_ATTRIBUTE) LedgerUser user,
                             @RequestParam("file") MultipartFile file, RedirectAttributes redirect) throws IOException {
        if (!mayChange(user)) {
            throw new RuleViolation("CALENDAR_ADMIN_ONLY", "只有系统管理员或流程管理员可以修改工作日历", 403);
        }
        if (file.isEmpty()) {
            throw new RuleViolation("EMPTY_FILE", "请选择要导入的 .xlsx 或 .csv 文件", 400);
        }
        CalendarImport.Imported imported = calendarImport.importFile(file.getOriginalFilename(), file.getBytes(), user.id());
        redirect.addFlashAttribute("imported", imported.year() + "年的安排已导入，共" + imported.days().size() + "天");
        return "redirect:/ledger/calendar?year=" + imported.year();
    }

    private static boolean mayChange(LedgerUser user) {
        return user.groups().contains(Groups.ADMIN) || user.groups().contains(Groups.PROCESS_MANAGER);
    }

    public record Row(LocalDate date, String weekday, String kind, String holidayName) {
    }

    @GetMapping("/ledger/calendar")
    public String year(@RequestAttribute(LedgerLogin.USER_ATTRIBUTE) LedgerUser user,
                       @RequestParam(required = false) Integer year, Model model) {
        int shown = year != null ? year : LocalDate.now(WorkingCalendar.ZONE).getYear();
        if (shown < 2000 || shown > 2100) {
            throw new RuleViolation("INVALID_PARAMETER", "年份“" + shown + "”无效");
        }
        List<Row> rows = repository.year(shown).stream().map(d -> new Row(d.date(),
                "周" + "一二三四五六日".charAt(d.date().getDayOfWeek().getValue() - 1), d.kind().label(), d.holidayName()))
                .toList();
        model.addAttribute("user", user);
        model.addAttribute("year", shown);
        model.addAttribute("years", repository.years());
        model.addAttribute("rows", rows);
        model.addAttribute("known", workingDays.calendar().knowsYear(shown));
        model.addAttribute("mayChange", mayChange(user));
        return "ledger/calendar";
    }
}
