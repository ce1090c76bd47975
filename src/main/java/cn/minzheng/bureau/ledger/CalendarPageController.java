package cn.minzheng.bureau.ledger;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;

import cn.minzheng.bureau.calendar.CalendarRepository;
import cn.minzheng.bureau.calendar.WorkingCalendar;
import cn.minzheng.bureau.calendar.WorkingDays;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.web.LedgerPage;
import cn.minzheng.bureau.web.LedgerUser;

/** 工作日历: a year's holidays and make-up working days as the engine counts them (read-only; changed through the API). */
@Controller
@LedgerPage
public class CalendarPageController {

    private final CalendarRepository repository;
    private final WorkingDays workingDays;

    public CalendarPageController(CalendarRepository repository, WorkingDays workingDays) {
        this.repository = repository;
        this.workingDays = workingDays;
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
        return "ledger/calendar";
    }
}
