package cn.minzheng.bureau.statistics;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import cn.minzheng.bureau.access.StaffNames;
import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.common.TextRules;
import cn.minzheng.bureau.statistics.ReturnRepository.StatisticalReturn;

/**
 * The rules of the monthly return: which month may be prepared, what the check and the approval need, how a version
 * is frozen on submission, and the workbook of a version. Called by the process's steps and by the pages alike.
 */
@Service
public class ReturnService {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final MonthlyFiguresService figures;
    private final ReturnRepository returns;
    private final ReturnSettings settings;
    private final StaffNames staffNames;

    public ReturnService(MonthlyFiguresService figures, ReturnRepository returns, ReturnSettings settings,
                         StaffNames staffNames) {
        this.figures = figures;
        this.returns = returns;
        this.settings = settings;
        this.staffNames = staffNames;
    }

    /** The start form's month ("2026-11"): a month that has begun, and not one already submitted unless corrected. */
    public YearMonth month(Object value) {
        if (value == null || value.toString().isBlank()) {
            throw new RuleViolation("MISSING_FIELD", "统计月份不能为空");
        }
        YearMonth month;
        try {
            month = YearMonth.parse(value.toString().trim());
        } catch (DateTimeParseException e) {
            throw new RuleViolation("INVALID_MONTH", "统计月份“" + value + "”无效，请按“2026-11”的格式填写");
        }
        if (month.isAfter(YearMonth.now())) {
            throw new RuleViolation("FUTURE_MONTH", "统计月份" + label(month) + "尚未到来，不能编制月报");
        }
        return month;
    }

    /**
     * 编制: a new version of the month's return, computed from the data, with its checks. A month already submitted
     * is prepared again only as a correction, with its reason; a month with a version in hand is not started twice.
     */
    @Transactional
    public StatisticalReturn prepare(YearMonth month, String correctionReason, String processInstanceId, String actor) {
        String reason = TextRules.optional(correctionReason, "更正原因", 1000);
        List<StatisticalReturn> versions = returns.ofMonth(month.toString());
        Optional<StatisticalReturn> open = versions.stream()
                .filter(r -> r.status() == ReturnStatus.PREPARED || r.status() == ReturnStatus.CHECKED)
                .filter(r -> processInstanceId == null || !processInstanceId.equals(r.processInstanceId()))
                .findFirst();
        if (open.isPresent()) {
            throw new RuleViolation("RETURN_IN_PROGRESS", label(month) + "的月报第" + open.get().versionNo()
                    + "版正在办理中（" + open.get().status().label() + "），不能再次编制", 409);
        }
        Optional<StatisticalReturn> submitted = lastSubmitted(versions);
        if (submitted.isPresent() && reason == null && correctionOf(processInstanceId, versions) == null) {
            throw new RuleViolation("RETURN_ALREADY_SUBMITTED", label(month) + "的月报已报出（编号"
                    + submitted.get().returnNumber() + "），如需更正请填写更正原因", 409);
        }
        String carried = reason != null ? reason : correctionOf(processInstanceId, versions);
        MonthlyFigures computed = figures.of(month);
        List<ReturnChecks.Finding> findings = ReturnChecks.of(computed, lastMonth(month), settings.getChangeThresholdPercent());
        String json = write(computed);
        int version = versions.stream().mapToInt(StatisticalReturn::versionNo).max().orElse(0) + 1;
        long id = returns.insert(month.toString(), version, processInstanceId, submitted.isPresent() ? carried : null,
                json, checksum(json), write(findings), actor, LocalDateTime.now());
        return get(id);
    }

    /** 核对: confirmed for approval (findings need an explanation), or to be prepared again from the data. */
    @Transactional
    public void check(long id, boolean confirm, String note, String actor) {
        StatisticalReturn r = get(id);
        String text = TextRules.optional(note, "核对说明", 1000);
        if (confirm) {
            if (!findings(r).isEmpty() && text == null) {
                throw new RuleViolation("CHECK_NOTE_REQUIRED", "自动核对发现" + findings(r).size() + "项问题，请填写核对说明");
            }
            returns.markChecked(id, actor, text, LocalDateTime.now());
        } else {
            returns.markSuperseded(id, actor, text, LocalDateTime.now());
        }
    }

    /** 审批: approved (submitted by the next step), or returned with its reason to be prepared again. */
    @Transactional
    public void decide(long id, boolean approve, String reason, String actor) {
        StatisticalReturn r = get(id);
        if (r.status() != ReturnStatus.CHECKED) {
            throw new RuleViolation("RETURN_NOT_CHECKED", "该版月报尚未核对，不能审批", 409);
        }
        if (!approve) {
            returns.markReturned(id, actor, TextRules.required(reason, "退回原因", 1000), LocalDateTime.now());
        }
    }

    /** 报出: the approved version is frozen, numbered and kept; a month's later submission must be a correction. */
    @Transactional
    public StatisticalReturn submit(long id, String approvedBy) {
        StatisticalReturn r = get(id);
        if (!checksum(r.figures()).equals(r.checksum())) {
            throw new IllegalStateException("figures of statistical return " + id + " do not match their checksum");
        }
        long before = returns.ofMonth(r.returnMonth()).stream().filter(v -> v.status() == ReturnStatus.SUBMITTED).count();
        if (before > 0 && r.correctionReason() == null) {
            throw new RuleViolation("RETURN_ALREADY_SUBMITTED", label(YearMonth.parse(r.returnMonth()))
                    + "的月报已报出，未填写更正原因的版本不能再次报出", 409);
        }
        int submission = (int) before + 1;
        String number = "MZYB" + r.returnMonth().replace("-", "") + "-" + submission;
        returns.markSubmitted(id, approvedBy, submission, number, LocalDateTime.now());
        return get(id);
    }

    public StatisticalReturn get(long id) {
        return returns.find(id).orElseThrow(() -> RuleViolation.notFound("统计月报"));
    }

    public List<StatisticalReturn> all() {
        return returns.all();
    }

    public MonthlyFigures figuresOf(StatisticalReturn r) {
        return read(r.figures(), new TypeReference<>() { });
    }

    public List<ReturnChecks.Finding> findings(StatisticalReturn r) {
        return r.findings() == null ? List.of() : read(r.findings(), new TypeReference<>() { });
    }

    /** The version's .xlsx, from its frozen figures (refused if they no longer match their checksum). */
    public byte[] workbook(StatisticalReturn r) {
        if (!checksum(r.figures()).equals(r.checksum())) {
            throw new RuleViolation("CHECKSUM_MISMATCH", "月报数据与校验值不符，不能下载", 409);
        }
        ReturnWorkbook.Signatures signatures = new ReturnWorkbook.Signatures(r.returnNumber(), r.versionNo(),
                r.status() == ReturnStatus.SUBMITTED ? staffNames.of(r.decidedBy()) : null,
                staffNames.of(r.checkedBy()), staffNames.of(r.preparedBy()),
                r.submittedAt() == null ? null : r.submittedAt().toLocalDate());
        return ReturnWorkbook.render(figuresOf(r), signatures);
    }

    public String fileName(StatisticalReturn r) {
        return "民政统计月报-" + r.returnMonth() + "-第" + r.versionNo() + "版.xlsx";
    }

    /** The figures in a few lines, for the check and approval forms. */
    public String summary(StatisticalReturn r) {
        StringBuilder text = new StringBuilder();
        for (MonthlyFigures.Sheet sheet : figuresOf(r).sheets()) {
            MonthlyFigures.Row t = sheet.total();
            text.append(sheet.programName()).append("：");
            text.append(sheet.oneOff() ? "本月救助" : "月末").append(t.households()).append("户").append(t.persons())
                    .append("人");
            if (t.breakdown() != null) {
                MonthlyFigures.Breakdown b = t.breakdown();
                text.append("（老年人").append(b.elderly()).append("、成年人").append(b.adults()).append("、未成年人")
                        .append(b.minors()).append("，其中残疾人").append(b.disabled()).append("）");
            }
            if (!sheet.oneOff()) {
                text.append("，新增").append(t.addedHouseholds()).append("户").append(t.addedPersons()).append("人，减少")
                        .append(t.endedHouseholds()).append("户").append(t.endedPersons()).append("人");
            }
            text.append("，支出").append(Money.format(t.paid())).append("元");
            if (t.yearToDate() != null) {
                text.append("，本年累计").append(Money.format(t.yearToDate().paid())).append("元、")
                        .append(t.yearToDate().personTimes()).append("人次");
            }
            if (t.averageStandard() != null) {
                text.append("，平均标准").append(Money.format(t.averageStandard())).append("元");
            }
            text.append("，人均").append(Money.format(t.averagePerPerson())).append("元\n");
        }
        return text.toString().strip();
    }

    /** The automatic checks' findings in lines, for the forms. */
    public String findingsText(StatisticalReturn r) {
        List<ReturnChecks.Finding> found = findings(r);
        if (found.isEmpty()) {
            return "自动核对未发现问题。";
        }
        StringBuilder text = new StringBuilder();
        for (ReturnChecks.Finding f : found) {
            text.append(f.error() ? "【不一致】" : "【变动较大】").append(f.text()).append('\n');
        }
        return text.toString().strip();
    }

    static String label(YearMonth month) {
        return month.getYear() + "年" + month.getMonthValue() + "月";
    }

    static String checksum(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A correction goes round again after a return: its process's first version carries the reason. */
    private static String correctionOf(String processInstanceId, List<StatisticalReturn> versions) {
        if (processInstanceId == null) {
            return null;
        }
        return versions.stream().filter(v -> processInstanceId.equals(v.processInstanceId()))
                .map(StatisticalReturn::correctionReason).filter(c -> c != null).findFirst().orElse(null);
    }

    private static Optional<StatisticalReturn> lastSubmitted(List<StatisticalReturn> versions) {
        return versions.stream().filter(v -> v.status() == ReturnStatus.SUBMITTED).reduce((a, b) -> b);
    }

    /** Last month's figures: as submitted, or else as the data now stands. */
    private MonthlyFigures lastMonth(YearMonth month) {
        YearMonth before = month.minusMonths(1);
        return lastSubmitted(returns.ofMonth(before.toString())).map(this::figuresOf).orElseGet(() -> figures.of(before));
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
