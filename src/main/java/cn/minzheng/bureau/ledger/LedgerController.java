package cn.minzheng.bureau.ledger;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.minzheng.bureau.audit.AuditTrail;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.dibao.CaseStatus;
import cn.minzheng.bureau.household.Household;
import cn.minzheng.bureau.funeral.DeathRecord;
import cn.minzheng.bureau.funeral.DeathRegistrationRepository;
import cn.minzheng.bureau.funeral.DeathStatus;
import cn.minzheng.bureau.funeral.benefits.FuneralYear;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.program.EnrolmentStatus;
import cn.minzheng.bureau.program.Program;
import cn.minzheng.bureau.program.ProgramRegistry;
import cn.minzheng.bureau.region.Region;
import cn.minzheng.bureau.region.RegionRepository;
import cn.minzheng.bureau.relief.documents.ReliefDocumentQueries;
import cn.minzheng.bureau.web.LedgerPage;
import cn.minzheng.bureau.web.LedgerUser;

/** 台账: find a household, read its file, download the list. Server-rendered, in Chinese. */
@Controller
@LedgerPage
@RequestMapping("/ledger")
public class LedgerController {

    private static final List<String> HOUSEHOLD_COLUMNS = List.of("户主", "公民身份号码", "乡镇（街道）", "村（社区）",
            "住址", "人口", "案件编号", "案件状态", "月补助（元）", "救助项目");

    private final LedgerQueries queries;
    private final HouseholdRepository households;
    private final CaseFiles caseFiles;
    private final EnrolmentFiles enrolmentFiles;
    private final RegionRepository regions;
    private final AuditTrail auditTrail;
    private final AuditLines auditLines;
    private final LedgerLists lists;
    private final Dashboard dashboard;
    private final OpenApplications openApplications;
    private final ReliefDocumentQueries reliefDocuments;
    private final DeathRegistrationRepository deaths;
    private final ProgramRegistry programs;

    public LedgerController(LedgerQueries queries, HouseholdRepository households, CaseFiles caseFiles,
                            RegionRepository regions, AuditTrail auditTrail, AuditLines auditLines, LedgerLists lists,
                            Dashboard dashboard, EnrolmentFiles enrolmentFiles, ReliefDocumentQueries reliefDocuments,
                            DeathRegistrationRepository deaths, ProgramRegistry programs,
                            OpenApplications openApplications) {
        this.openApplications = openApplications;
        this.programs = programs;
        this.deaths = deaths;
        this.reliefDocuments = reliefDocuments;
        this.enrolmentFiles = enrolmentFiles;
        this.lists = lists;
        this.dashboard = dashboard;
        this.queries = queries;
        this.households = households;
        this.caseFiles = caseFiles;
        this.regions = regions;
        this.auditTrail = auditTrail;
        this.auditLines = auditLines;
    }

    @GetMapping
    public String search(@RequestAttribute(LedgerLogin.USER_ATTRIBUTE) LedgerUser user,
                         @RequestParam(required = false) String name, @RequestParam(required = false) String idNumber,
                         @RequestParam(required = false) String township, @RequestParam(required = false) String community,
                         @RequestParam(required = false) String status, @RequestParam(required = false) String program,
                         @RequestParam(required = false) String programStatus,
                         @RequestParam(required = false) Long after, @RequestParam(required = false) Long before,
                         @RequestParam(required = false) Integer n, @RequestParam(required = false) Long total,
                         @RequestParam(required = false) Long over,
                         @RequestParam(name = HouseholdLinks.COUNT, required = false) String count,
                         @RequestParam(required = false) Integer page, Model model) {
        HouseholdSearch search = new HouseholdSearch(name, idNumber, township, community, checkedStatus(status),
                checkedProgram(program), checkedProgramStatus(programStatus));
        Keyset keyset = new Keyset(after, before);
        if (page != null && page > 0 && keyset.first()) {
            // an old link of offset paging (?page=N, counted from 0): the same page by keyset; past the end the first
            return "redirect:" + queries.lastIdBeforePage(search, page, user)
                    .map(id -> HouseholdLinks.link(search, Keyset.after(id), page + 1, null))
                    .orElseGet(() -> HouseholdLinks.link(search, Keyset.FIRST, null, null));
        }
        HouseholdPage result = queries.households(search, keyset, knownCount(search, user, total, over, count),
                n == null || n < 1 ? null : n, user);
        model.addAttribute("user", user);
        model.addAttribute("search", search);
        model.addAttribute("result", result);
        model.addAttribute("links", HouseholdLinks.of(search, keyset, result));
        model.addAttribute("townships", regions.townships().stream().filter(t -> user.maySee(t.code())).toList());
        model.addAttribute("statuses", CaseStatus.values());
        model.addAttribute("programs", programs.all());
        model.addAttribute("programStatuses", EnrolmentStatus.values());
        return "ledger/search";
    }

    /**
     * The count a page shows without counting again: the exact one the clerk asked for ({@code count=exact}, counted
     * now), else the one its link carries (exact {@code total}, or {@code over}: more than that many); {@code null}
     * where the page is to count (at most {@link HouseholdCount#BOUND}). Only shown, never used to read the rows.
     */
    private HouseholdCount knownCount(HouseholdSearch search, LedgerUser user, Long total, Long over, String count) {
        if (HouseholdLinks.EXACT.equals(count)) {
            return HouseholdCount.exactly(queries.count(search, user));
        }
        if (total != null && total >= 0) {
            return HouseholdCount.exactly(total);
        }
        return over != null && over >= 0 ? HouseholdCount.moreThan(over) : null;
    }

    @GetMapping("/households.xlsx")
    public void download(@RequestAttribute(LedgerLogin.USER_ATTRIBUTE) LedgerUser user,
                         @RequestParam(required = false) String name, @RequestParam(required = false) String idNumber,
                         @RequestParam(required = false) String township, @RequestParam(required = false) String community,
                         @RequestParam(required = false) String status, @RequestParam(required = false) String program,
                         @RequestParam(required = false) String programStatus, HttpServletResponse response)
            throws IOException {
        HouseholdSearch search = new HouseholdSearch(name, idNumber, township, community, checkedStatus(status),
                checkedProgram(program), checkedProgramStatus(programStatus));
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''"
                + URLEncoder.encode("家庭台账.xlsx", StandardCharsets.UTF_8));
        try (XlsxTable table = new XlsxTable(response.getOutputStream(), "家庭台账", HOUSEHOLD_COLUMNS)) {
            queries.eachHousehold(search, user, r -> table.row(r.headName(), r.headIdMasked(), r.townshipName(),
                    r.communityName(), r.address(), r.members(), r.caseNumber(), r.caseStatusLabel(), r.monthlyAmount(),
                    r.programsText()));
        }
    }

    /** The year at a glance for the user's area, with charts and the year-end summary. */
    @GetMapping("/dashboard")
    public String dashboard(@RequestAttribute(LedgerLogin.USER_ATTRIBUTE) LedgerUser user,
                            @RequestParam(required = false) Integer year, @RequestParam(required = false) String area,
                            @RequestParam(required = false) String month, Model model) {
        int shown = checkedYear(year);
        YearAtAGlance glance = dashboard.year(shown, user, area, checkedMonth(month));
        String shownArea = dashboard.areaOf(user, area);
        model.addAttribute("area", shownArea);
        model.addAttribute("programStages", openApplications.byProgram("district".equals(shownArea) ? null : shownArea));
        model.addAttribute("areas", user.districtWide() ? regions.townships() : List.of());
        model.addAttribute("coveredChart", SvgBars.render(months(),
                glance.coveredByMonth().stream().map(YearAtAGlance.Covered::households).toList()));
        model.addAttribute("user", user);
        model.addAttribute("glance", glance);
        model.addAttribute("paidChart", SvgBars.render(months(), glance.dibao().total().paidByMonth()));
        model.addAttribute("stagesChart", SvgBars.render(glance.openStages().stream().map(YearAtAGlance.Stage::label).toList(),
                glance.openStages().stream().map(YearAtAGlance.Stage::cases).toList()));
        model.addAttribute("disasterChart", SvgBars.render(List.copyOf(glance.disasterHouseholdsByCategory().keySet()),
                List.copyOf(glance.disasterHouseholdsByCategory().values())));
        return "ledger/dashboard";
    }

    /** The year-end summary and its figures by township, as the bureau files them. */
    @GetMapping("/year-end.xlsx")
    public void yearEnd(@RequestAttribute(LedgerLogin.USER_ATTRIBUTE) LedgerUser user,
                        @RequestParam(required = false) Integer year, @RequestParam(required = false) String area,
                        @RequestParam(required = false) String month, HttpServletResponse response) throws IOException {
        YearAtAGlance glance = dashboard.year(checkedYear(year), user, area, checkedMonth(month));
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''"
                + URLEncoder.encode(glance.year() + "年工作总结数据.xlsx", StandardCharsets.UTF_8));
        try (XlsxTable table = new XlsxTable(response.getOutputStream(), glance.year() + "年", List.of("乡镇（街道）", "在保户数", "在保人数", "新增户数",
                "新增人数", "取消户数", "取消人数", "全年发放（元）"))) {
            for (var row : glance.dibao().townships()) {
                table.row(row.townshipName(), row.householdsCovered(), row.peopleCovered(), row.householdsAdded(),
                        row.peopleAdded(), row.householdsCancelled(), row.peopleCancelled(), row.paidInYear());
            }
            var total = glance.dibao().total();
            table.row("合计", total.householdsCovered(), total.peopleCovered(), total.householdsAdded(), total.peopleAdded(),
                    total.householdsCancelled(), total.peopleCancelled(), total.paidInYear());
            table.row();
            FuneralYear funeral = glance.funeral();
            table.row("殡葬改革（按死亡月份）", "死亡人数", "火化人数", "火化率", "生态安葬人数", "减免殡葬服务费（元）",
                    "已结算殡仪馆（元）", "生态安葬奖补（元）", "已发放奖补（元）", "已支付合计（元）");
            for (var row : funeral.townships()) {
                funeralRow(table, row);
            }
            funeralRow(table, funeral.total());
            for (var row : funeral.months()) {
                funeralRow(table, row);
            }
            table.row();
            table.row("其他救助项目（全区或本乡镇合计）", "年末享受户数", "年末享受人数", "新纳入户数", "新纳入人数", "终止户数",
                    "终止人数", "全年发放（元）");
            for (var program : glance.programs()) {
                var sum = program.total();
                table.row(program.programName(), sum.householdsCovered(), sum.peopleCovered(), sum.householdsAdded(),
                        sum.peopleAdded(), sum.householdsCancelled(), sum.peopleCancelled(), sum.paidInYear());
            }
            var payrolls = glance.payrolls();
            if (payrolls.month() != null) {
                table.row();
                table.row(CoveredNow.monthText(payrolls.month()) + "工资单（按救助项目）", "状态", "笔数", "户数", "人数",
                        "金额（元）", "银行已发放（元）", "发放失败（笔）");
                for (var row : payrolls.programs()) {
                    table.row(row.programName(), row.statusLabel(), row.payments(), row.households(), row.people(),
                            row.amount(), row.issuedAmount(), row.failed());
                }
                table.row("合计", "", "", "", "", payrolls.totalAmount(), payrolls.totalIssued(), "");
            }
            table.row();
            table.row(glance.summary());
            if (glance.emptyFiguresNote() != null) {
                table.row("说明：" + glance.emptyFiguresNote());
            }
        }
    }

    private static void funeralRow(XlsxTable table, FuneralYear.Row row) {
        table.row(row.label(), row.deaths(), row.cremations(), row.cremationRateText(), row.ecoBurials(), row.waivedAmount(),
                row.settledAmount(), row.rewardsGranted(), row.rewardsPaid(), row.moneyPaid());
    }

    private static List<String> months() {
        return java.util.stream.IntStream.rangeClosed(1, 12).mapToObj(m -> m + "月").toList();
    }

    /** A payroll month, yyyy-MM, or a Chinese 400. */
    private static String checkedMonth(String month) {
        if (month == null || month.isBlank()) {
            return null;
        }
        if (!month.trim().matches("(20[0-9]{2}|2100)-(0[1-9]|1[0-2])")) {
            throw new RuleViolation("INVALID_PARAMETER", "月份“" + month + "”格式不正确，应为年-月，如2026-03");
        }
        return month.trim();
    }

    private static int checkedYear(Integer year) {
        int shown = year == null ? java.time.Year.now().getValue() : year;
        if (shown < 2000 || shown > 2100) {
            throw new RuleViolation("INVALID_PARAMETER", "年份应在2000至2100之间");
        }
        return shown;
    }

    /** The lists a clerk works from: failed payments, disaster roster households. */
    @GetMapping("/lists/{list}")
    public String list(@RequestAttribute(LedgerLogin.USER_ATTRIBUTE) LedgerUser user, @PathVariable String list,
                       @RequestParam(required = false) String township, @RequestParam(defaultValue = "0") int page,
                       Model model) {
        LedgerLists.Kind kind = kind(list);
        model.addAttribute("user", user);
        model.addAttribute("list", list);
        model.addAttribute("kind", kind);
        model.addAttribute("township", township);
        model.addAttribute("townships", regions.townships().stream().filter(t -> user.maySee(t.code())).toList());
        model.addAttribute("result", lists.page(kind, user, township, page));
        if (kind == LedgerLists.Kind.DISASTER_HOUSEHOLDS) {
            model.addAttribute("disasterDocuments", reliefDocuments.withRoster(township != null && !township.isBlank()
                    ? (user.maySee(township) ? List.of(township) : List.of())
                    : user.districtWide() ? null : user.townships()));
        }
        return "ledger/list";
    }

    @GetMapping("/lists/{list}.xlsx")
    public void listDownload(@RequestAttribute(LedgerLogin.USER_ATTRIBUTE) LedgerUser user, @PathVariable String list,
                             @RequestParam(required = false) String township, HttpServletResponse response)
            throws IOException {
        LedgerLists.Kind kind = kind(list);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''"
                + URLEncoder.encode(kind.title() + ".xlsx", StandardCharsets.UTF_8));
        try (XlsxTable table = new XlsxTable(response.getOutputStream(), kind.title(), kind.columns())) {
            lists.all(kind, user, township, row -> table.row(row.toArray()));
        }
    }

    private static LedgerLists.Kind kind(String list) {
        return switch (list) {
            case "failed-payments" -> LedgerLists.Kind.FAILED_PAYMENTS;
            case "disaster-households" -> LedgerLists.Kind.DISASTER_HOUSEHOLDS;
            case "deadlines" -> LedgerLists.Kind.DEADLINES;
            case "time-limits" -> LedgerLists.Kind.TIME_LIMITS;
            default -> throw RuleViolation.notFound("台账“" + list + "”");
        };
    }

    /** 家庭档案: members, incomes, assets, the enrolments of every program, 低保 cases with their history, decisions, surveys and the audit trail. */
    @GetMapping("/households/{householdId}")
    public String household(@RequestAttribute(LedgerLogin.USER_ATTRIBUTE) LedgerUser user,
                            @PathVariable long householdId, Model model) {
        Household household = households.find(householdId)
                .filter(h -> user.maySee(h.townshipCode()))
                .orElseThrow(() -> RuleViolation.notFound("家庭" + householdId));
        model.addAttribute("user", user);
        model.addAttribute("household", household);
        model.addAttribute("township", regions.find(household.townshipCode()).map(Region::name).orElse(""));
        model.addAttribute("community", regions.find(household.communityCode()).map(Region::name).orElse(""));
        model.addAttribute("enrolments", enrolmentFiles.ofHousehold(householdId, household));
        List<DeathRecord> deathRecords = deaths.ofHousehold(householdId);
        model.addAttribute("deaths", deathRecords);
        model.addAttribute("deceased", deathRecords.stream().filter(d -> d.status() == DeathStatus.CONFIRMED)
                .collect(Collectors.toMap(DeathRecord::idNumber, d -> d.deathDate().toString(), (a, b) -> a)));
        model.addAttribute("cases", caseFiles.ofHousehold(householdId, user));
        model.addAttribute("audit", auditLines.of(auditTrail.forHousehold(householdId)));
        return "ledger/household";
    }

    /** Any other address under the ledgers: a page of its own saying so, not the server's error. */
    @GetMapping("/**")
    public String unknownPage() {
        throw RuleViolation.notFound("页面");
    }

    private static String checkedStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        if (Arrays.stream(CaseStatus.values()).noneMatch(s -> s.name().equals(status))) {
            throw new RuleViolation("INVALID_PARAMETER", "案件状态“" + status + "”无效，可选："
                    + Arrays.stream(CaseStatus.values()).map(CaseStatus::label).collect(Collectors.joining("、")));
        }
        return status;
    }

    /** A program of the registry by its code, or a Chinese 400 listing the programs. */
    private String checkedProgram(String program) {
        if (program == null || program.isBlank()) {
            return null;
        }
        List<Program> all = programs.all();
        if (all.stream().noneMatch(p -> p.code().equals(program.trim()))) {
            throw new RuleViolation("INVALID_PARAMETER", "救助项目“" + program + "”无效，可选："
                    + all.stream().map(Program::name).collect(Collectors.joining("、")));
        }
        return program.trim();
    }

    private static String checkedProgramStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        if (Arrays.stream(EnrolmentStatus.values()).noneMatch(s -> s.name().equals(status))) {
            throw new RuleViolation("INVALID_PARAMETER", "项目状态“" + status + "”无效，可选："
                    + Arrays.stream(EnrolmentStatus.values()).map(EnrolmentStatus::label).collect(Collectors.joining("、")));
        }
        return status;
    }
}
