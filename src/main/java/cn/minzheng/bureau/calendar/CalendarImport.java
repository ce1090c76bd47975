package cn.minzheng.bureau.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.springframework.stereotype.Service;

import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.common.TableFile;

/**
 * A year's holidays as a file (.xlsx or .csv: 日期, 类型, 节日), as the administrator copies them from the State
 * Council's notice: every day of one year, replacing that year's days through {@link CalendarAdmin#replaceYear}
 * (its rules, its audit). Mistakes are named with their rows, and nothing is written while there is one.
 */
@Service
public class CalendarImport {

    public static final List<String> HEADERS = List.of("日期", "类型", "节日");
    private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("uuuu/M/d")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DASHED = DateTimeFormatter.ofPattern("uuuu-M-d")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Map<String, DayKind> KINDS = Map.of("放假", DayKind.HOLIDAY, "休", DayKind.HOLIDAY,
            "HOLIDAY", DayKind.HOLIDAY, "调休上班", DayKind.WORKDAY, "上班", DayKind.WORKDAY, "班", DayKind.WORKDAY,
            "WORKDAY", DayKind.WORKDAY);

    private final CalendarAdmin admin;

    public CalendarImport(CalendarAdmin admin) {
        this.admin = admin;
    }

    public record Imported(int year, List<CalendarDay> days) {
    }

    public Imported importFile(String fileName, byte[] content, String user) {
        List<CalendarDay> days = read(TableFile.read(fileName, content));
        int year = days.get(0).date().getYear();
        return new Imported(year, admin.replaceYear(year, days, user));
    }

    static List<CalendarDay> read(List<TableFile.Line> lines) {
        if (lines.isEmpty() || !HEADERS.equals(List.of(lines.get(0).cell(0), lines.get(0).cell(1), lines.get(0).cell(2)))) {
            throw new RuleViolation("CALENDAR_FILE_INVALID", "第1行应为表头：" + String.join("、", HEADERS));
        }
        List<String> errors = new ArrayList<>();
        List<CalendarDay> days = new ArrayList<>();
        for (TableFile.Line row : lines.subList(1, lines.size())) {
            String at = "第" + row.number() + "行：";
            LocalDate date = date(row.cell(0));
            DayKind kind = KINDS.get(row.cell(1));
            if (date == null) {
                errors.add(at + "日期“" + row.cell(0) + "”无效，应写作 2027-01-01");
            }
            if (kind == null) {
                errors.add(at + "类型“" + row.cell(1) + "”无效，应为“放假”或“调休上班”");
            }
            if (date != null && kind != null) {
                days.add(new CalendarDay(date, kind, row.cell(2)));
            }
        }
        if (errors.isEmpty() && days.isEmpty()) {
            errors.add("文件中没有日期");
        }
        TreeSet<Integer> years = new TreeSet<>(days.stream().map(d -> d.date().getYear()).toList());
        if (errors.isEmpty() && years.size() > 1) {
            errors.add("文件中的日期应在同一年内（现有" + years + "年），每年导入一个文件");
        }
        if (!errors.isEmpty()) {
            throw new RuleViolation("CALENDAR_FILE_INVALID", "工作日历文件有错误，未导入：\n" + String.join("\n",
                    errors.size() > 20 ? errors.subList(0, 20) : errors));
        }
        return days;
    }

    private static LocalDate date(String text) {
        for (DateTimeFormatter format : List.of(DASHED, SLASHED)) {
            try {
                return LocalDate.parse(text, format);
            } catch (DateTimeParseException notThisFormat) {
                // next
            }
        }
        return null;
    }
}
