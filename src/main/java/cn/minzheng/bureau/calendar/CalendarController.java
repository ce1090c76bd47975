package cn.minzheng.bureau.calendar;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.MediaType;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.minzheng.bureau.access.Groups;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.engine.EngineAuthentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The working-day calendar: anyone logged in reads it, administrators and process managers change it. */
@RestController
@RequestMapping("/api/admin/calendar")
@Tag(name = "工作日历", description = "法定节假日与调休上班日，按年维护；流程的工作日期限按此计算")
public class CalendarController {

    private final CalendarRepository repository;
    private final CalendarAdmin admin;
    private final WorkingDays workingDays;
    private final IdentityService identityService;
    private final CalendarImport calendarImport;

    public CalendarController(CalendarRepository repository, CalendarAdmin admin, WorkingDays workingDays,
                              IdentityService identityService, CalendarImport calendarImport) {
        this.repository = repository;
        this.admin = admin;
        this.calendarImport = calendarImport;
        this.workingDays = workingDays;
        this.identityService = identityService;
    }

    public record YearView(int year, List<CalendarDay> days) {
    }

    public record WorkingDaysAnswer(LocalDate from, int workingDays, LocalDate lastWorkingDay) {
    }

    @Operation(summary = "已维护的年份")
    @GetMapping
    public List<Integer> years() {
        return repository.years();
    }

    @Operation(summary = "一年的节假日和调休上班日")
    @GetMapping("/{year}")
    public YearView year(@PathVariable int year) {
        return new YearView(year, repository.year(year));
    }

    @Operation(summary = "整年替换", description = "用给出的日期替换该年的全部安排（kind: HOLIDAY 放假 / WORKDAY 调休上班）。"
            + "仅系统管理员和流程管理员可用。")
    @PutMapping("/{year}")
    public YearView replace(@PathVariable int year, @RequestBody List<CalendarDay> days) {
        String user = requireAdministrator();
        return new YearView(year, admin.replaceYear(year, days, user));
    }

    @Operation(summary = "增加一天", description = "在该日期所在年份的安排中增加一天。仅系统管理员和流程管理员可用。")
    @PostMapping("/days")
    public YearView add(@RequestBody CalendarDay day) {
        String user = requireAdministrator();
        List<CalendarDay> days = admin.addDay(day, user);
        return new YearView(day.date().getYear(), days);
    }

    @Operation(summary = "导入一年的安排", description = "上传 .xlsx 或 .csv 文件（表头：日期、类型、节日；类型为“放假”或“调休上班”），"
            + "替换文件中日期所在年份的全部安排。仅系统管理员和流程管理员可用。")
    @PostMapping(value = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public YearView importYear(@RequestParam("file") MultipartFile file) throws IOException {
        String user = requireAdministrator();
        CalendarImport.Imported imported = calendarImport.importFile(file.getOriginalFilename(), file.getBytes(), user);
        return new YearView(imported.year(), imported.days());
    }

    @Operation(summary = "计算工作日", description = "from 之后第 days 个工作日（from 当天不计）")
    @GetMapping("/working-days")
    public WorkingDaysAnswer plus(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                  @RequestParam int days) {
        if (days < 0 || days > 366) {
            throw new RuleViolation("INVALID_PARAMETER", "工作日数应在0到366之间");
        }
        return new WorkingDaysAnswer(from, days, workingDays.plusWorkingDays(from, days));
    }

    private String requireAdministrator() {
        if (EngineAuthentication.groupIds(identityService).stream()
                .noneMatch(g -> g.equals(Groups.ADMIN) || g.equals(Groups.PROCESS_MANAGER))) {
            throw new RuleViolation("CALENDAR_ADMIN_ONLY", "只有系统管理员或流程管理员可以修改工作日历", 403);
        }
        return EngineAuthentication.userId(identityService);
    }
}
