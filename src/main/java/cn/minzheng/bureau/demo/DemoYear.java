package cn.minzheng.bureau.demo;

import static cn.minzheng.bureau.dibao.application.DibaoApplicationProcess.APPROVE;
import static cn.minzheng.bureau.dibao.application.DibaoApplicationProcess.REJECT;
import static cn.minzheng.bureau.dibao.application.DibaoApplicationProcess.TASK_ISSUE_REFUSAL_NOTICE;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.minzheng.bureau.dibao.CaseCategory;
import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.dibao.StandardService;
import cn.minzheng.bureau.dibao.application.DibaoApplicationForm;
import cn.minzheng.bureau.dibao.review.ReviewProcess;
import cn.minzheng.bureau.dibao.review.ReviewStarter;
import cn.minzheng.bureau.donation.DonationCampaignProcess;
import cn.minzheng.bureau.donation.DonationRepository;
import cn.minzheng.bureau.engine.EngineClock;
import cn.minzheng.bureau.household.HouseholdForm;
import cn.minzheng.bureau.household.HouseholdForm.IncomeForm;
import cn.minzheng.bureau.household.HouseholdForm.MemberForm;
import cn.minzheng.bureau.household.ResidentIdNumber;
import cn.minzheng.bureau.importing.RosterImports;
import cn.minzheng.bureau.payroll.PayrollProcess;
import cn.minzheng.bureau.payroll.PayrollStarter;
import cn.minzheng.bureau.region.AreaType;
import cn.minzheng.bureau.region.Region;
import cn.minzheng.bureau.region.RegionRepository;
import cn.minzheng.bureau.relief.DisasterReliefProcess;

/**
 * A year of history for the demo district (bureau.demo-data.year): the twelve months before the current one, built
 * by moving the engine clock to each month and working the real processes as their users would: 低保 applications
 * taken through every level (some refused at the township's review), the month's payroll computed, checked,
 * approved, issued and reconciled, the quarter's reviews (some ending in cancellation), a hail disaster in July and a
 * waterlogging in August registered household by household up to the receipt of the relief money, and the winter
 * donation campaign from its notice in October to the distribution in November. One seeded random generator
 * decides everything, so the same seed and scale give the same year. At scale 1 the figures are those of the
 * bureau's summary: about 3,400 people covered, some 80 households cancelled, about 1.5 million yuan paid.
 */
@Component
public class DemoYear {

    private static final Logger log = LoggerFactory.getLogger(DemoYear.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    /** At scale 1: the caseload at the start of the year, new cases approved in the year, cancelled in the year. */
    static final int INITIAL_HOUSEHOLDS = 1420;
    static final int NEW_HOUSEHOLDS = 96;
    static final int CANCELLED_HOUSEHOLDS = 80;
    static final int HAIL_HOUSEHOLDS = 420;
    static final int WATERLOGGING_HOUSEHOLDS = 360;
    static final String HAIL_NAME = "秋季冰雹灾害";
    static final String WATERLOGGING_NAME = "汛期城区内涝";
    static final String CAMPAIGN_TITLE = "扶贫济困送温暖";
    static final String ROSTER_FILE = "在保家庭名册（系统上线前）.xlsx";

    private static final List<String> TOWNSHIPS = List.of("yuecun", "mengke", "renqiu", "zhongyuan");
    private static final String SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文";
    private static final String GIVEN = "建国华明丽秀英桂兰玉珍文军红梅志强海涛德胜长顺春花小雨金凤宝山淑芬国庆振华立新永刚晓燕翠兰有福玉兰秋菊";
    private static final List<String> CANCEL_REASONS = List.of(
            "户主于本季度去世，家庭人均收入已超过低保标准", "家庭成员就业，人均收入已超过低保标准",
            "全家迁出本区，户籍已转出", "复核发现家庭购置机动车，不符合低保条件", "子女参加工作后家庭收入增加，已超过低保标准");

    private final DibaoWalker walker;
    private final PayrollStarter payrolls;
    private final ReviewStarter reviews;
    private final StandardService standards;
    private final RegionRepository regions;
    private final DonationRepository donations;
    private final RosterImports imports;
    private final TaskService taskService;
    private final ManagementService managementService;
    private final FormService formService;
    private final RepositoryService repositoryService;
    private final JdbcClient jdbc;
    private final boolean wanted;
    private final long seed;
    private final double scale;

    public DemoYear(DibaoWalker walker, PayrollStarter payrolls, ReviewStarter reviews, StandardService standards,
                    RegionRepository regions, DonationRepository donations, RosterImports imports, TaskService taskService,
                    ManagementService managementService, FormService formService, RepositoryService repositoryService,
                    JdbcClient jdbc,
                    @Value("${bureau.demo-data.year:false}") boolean wanted,
                    @Value("${bureau.demo-data.year-seed:20260101}") long seed,
                    @Value("${bureau.demo-data.year-scale:1.0}") double scale) {
        this.walker = walker;
        this.payrolls = payrolls;
        this.reviews = reviews;
        this.standards = standards;
        this.regions = regions;
        this.donations = donations;
        this.imports = imports;
        this.taskService = taskService;
        this.managementService = managementService;
        this.formService = formService;
        this.repositoryService = repositoryService;
        this.jdbc = jdbc;
        this.wanted = wanted;
        this.seed = seed;
        this.scale = scale;
    }

    /** Whether the switch asks for the year. */
    public boolean wanted() {
        return wanted;
    }

    /** The installation has history already: a 低保 payroll of a month before the current one. */
    public boolean present() {
        return jdbc.sql("select count(*) from payroll where program_code = 'DIBAO' and payroll_month < ?")
                .param(YearMonth.from(EngineClock.today()).toString()).query(Long.class).single() > 0;
    }

    /** What the year built, for the log and the test. */
    public record Built(YearMonth firstMonth, YearMonth lastMonth, int applied, int approved, int refused,
                        int cancelled, int reviewed, int payrolls, long millis) {
    }

    /** Builds the twelve months before the current one with the configured seed and scale. */
    public Built build() {
        return build(seed, scale);
    }

    public Built build(long seed, double scale) {
        long started = System.currentTimeMillis();
        YearMonth current = YearMonth.from(EngineClock.today());
        LocalDateTime realNow = EngineClock.dateTime();
        Run run = new Run(new Random(seed), scale);
        YearMonth first = current.minusMonths(12);
        try {
            // the caseload the year begins with: the district's roster taken over from Excel (名册导入) on the first
            // day of the year, paid from its first month (a roster's start month may not lie after the current month)
            run.at(first.atDay(1).atTime(9, 0));
            int initial = run.takeOverRoster(run.scaled(INITIAL_HOUSEHOLDS), first);
            log.info("demo year: {} households in 低保 at the start of {}", initial, first);
            int newPerYear = run.scaled(NEW_HOUSEHOLDS);
            int cancelPerYear = run.scaled(CANCELLED_HOUSEHOLDS);
            for (int m = 0; m < 12; m++) {
                YearMonth month = first.plusMonths(m);
                run.at(month.atDay(3).atTime(9, 0));
                run.payroll(month);
                run.at(month.atDay(8).atTime(9, 0));
                int applications = share(newPerYear, m);
                for (int i = 0; i < applications; i++) {
                    run.apply(run.random.nextInt(100) < 8);
                }
                if (month.getMonthValue() % 3 == 0) {
                    run.at(month.atDay(16).atTime(9, 0));
                    run.quarterReviews(share(cancelPerYear, m / 3, 4));
                }
                if (month.getMonthValue() == 7) {
                    run.at(month.atDay(18).atTime(15, 20));
                    run.disaster("HAIL", HAIL_NAME, List.of("yuecun", "mengke"), run.scaled(HAIL_HOUSEHOLDS), 30000, 9800);
                }
                if (month.getMonthValue() == 8) {
                    run.at(month.atDay(6).atTime(21, 40));
                    run.disaster("WATERLOGGING", WATERLOGGING_NAME, List.of("renqiu", "zhongyuan", "mengke"),
                            run.scaled(WATERLOGGING_HOUSEHOLDS), 8600, 12500);
                }
                if (month.getMonthValue() == 10) {
                    run.at(month.atDay(8).atTime(9, 0));
                    run.campaign(month, current, realNow);
                }
                log.info("demo year: {} done, {} cases active", month, run.activeCases.size());
            }
        } finally {
            EngineClock.reset();
        }
        Built built = new Built(first, current.minusMonths(1), run.applied, run.approved, run.refused, run.cancelled,
                run.reviewed, run.payrollCount, System.currentTimeMillis() - started);
        log.info("demo year built: {}", built);
        return built;
    }

    /** The share of {@code total} that falls on part {@code index} of {@code parts} (12 months by default). */
    private static int share(int total, int index) {
        return share(total, index, 12);
    }

    static int share(int total, int index, int parts) {
        return total * (index + 1) / parts - total * index / parts;
    }

    /** One build: its random generator, its clock and what it has done so far. */
    private final class Run {

        private final Random random;
        private final double scale;
        private final Set<String> idNumbers = new HashSet<>();
        private final List<Long> activeCases = new ArrayList<>();
        private int idSequence;
        private LocalDateTime clock;
        private int applied;
        private int approved;
        private int refused;
        private int cancelled;
        private int reviewed;
        private int payrollCount;

        Run(Random random, double scale) {
            this.random = random;
            this.scale = scale;
        }

        int scaled(int atFullScale) {
            return Math.max(1, (int) Math.round(atFullScale * scale));
        }

        void at(LocalDateTime time) {
            clock = time;
            EngineClock.moveTo(time);
        }

        /** A minute passes: each step of the year has a time of its own, in order. */
        private void tick() {
            at(clock.plusMinutes(1));
        }

        // ---- 低保 applications ------------------------------------------------------------------------------

        void apply(boolean refuse) {
            String township = TOWNSHIPS.get(random.nextInt(TOWNSHIPS.size()));
            String clerk = "clerk." + township;
            String reviewer = "reviewer." + township;
            DibaoApplicationForm form = application(township);
            DibaoCase dibaoCase = walker.submit(clerk, form);
            applied++;
            tick();
            walker.accept(clerk, dibaoCase);
            tick();
            walker.survey(clerk, dibaoCase, Map.of());
            tick();
            if (refuse) {
                walker.reviewByTownship(reviewer, dibaoCase, REJECT, "经入户调查，家庭有稳定经营收入，人均收入高于低保标准，不予同意");
                tick();
                if (taskService.createTaskQuery().processInstanceId(dibaoCase.processInstanceId())
                        .taskDefinitionKey(TASK_ISSUE_REFUSAL_NOTICE).count() > 0) {
                    walker.issueRefusalNotice(clerk, dibaoCase);
                }
                refused++;
                return;
            }
            walker.reviewByTownship(reviewer, dibaoCase, APPROVE, "经审核，家庭经济状况属实，同意");
            tick();
            walker.endNotice(dibaoCase);
            tick();
            walker.approveByDistrict("approver", dibaoCase, APPROVE, "同意纳入低保");
            tick();
            activeCases.add(dibaoCase.id());
            approved++;
        }

        /**
         * A household whose per-capita income lies 10 to 50 yuan below its standard (the standard of its area and
         * category, from the decision table): the benefit is the gap times the size, plus the category's addition.
         */
        private DibaoApplicationForm application(String township) {
            List<Region> communities = regions.children(township);
            Region community = communities.get(random.nextInt(communities.size()));
            AreaType area = areaOf(township);
            int roll = random.nextInt(100);
            CaseCategory category = roll < 62 ? CaseCategory.ORDINARY : roll < 90 ? CaseCategory.ELDERLY : CaseCategory.SEVERE_DISABILITY;
            int sizeRoll = random.nextInt(100);
            int size = category == CaseCategory.ELDERLY ? (sizeRoll < 60 ? 1 : 2)
                    : sizeRoll < 18 ? 1 : sizeRoll < 42 ? 2 : sizeRoll < 72 ? 3 : sizeRoll < 92 ? 4 : 5;
            BigDecimal standard = standards.standardFor(area, category).monthlyStandard();
            BigDecimal gap = BigDecimal.valueOf(10 + random.nextInt(41));
            BigDecimal income = standard.subtract(gap).multiply(BigDecimal.valueOf(size)).setScale(0, RoundingMode.DOWN);
            String areaCode = area == AreaType.RURAL ? "410322" : "410302";
            String surname = String.valueOf(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
            List<MemberForm> members = new ArrayList<>();
            int headBirthYear = category == CaseCategory.ELDERLY ? 1936 + random.nextInt(25) : 1962 + random.nextInt(30);
            boolean headMale = random.nextBoolean();
            String headEmployment = category == CaseCategory.ELDERLY ? "RETIRED"
                    : category == CaseCategory.SEVERE_DISABILITY ? "UNABLE_TO_WORK" : random.nextBoolean() ? "FLEXIBLE" : "UNEMPLOYED";
            String incomeType = category == CaseCategory.ELDERLY ? "PENSION"
                    : category == CaseCategory.SEVERE_DISABILITY ? "TRANSFER" : "WAGE";
            members.add(new MemberForm(surname + given(), idNumber(areaCode, headBirthYear, headMale), "HEAD", headEmployment,
                    category == CaseCategory.SEVERE_DISABILITY ? "SEVERE" : "NONE",
                    List.of(new IncomeForm(incomeType, income.toPlainString()))));
            for (int i = 1; i < size; i++) {
                if (i == 1 && (category == CaseCategory.ELDERLY || random.nextInt(100) < 70)) {
                    int birth = headBirthYear - 3 + random.nextInt(7);
                    members.add(new MemberForm(String.valueOf(SURNAMES.charAt(random.nextInt(SURNAMES.length()))) + given(),
                            idNumber(areaCode, birth, !headMale), "SPOUSE",
                            category == CaseCategory.ELDERLY ? "RETIRED" : "UNEMPLOYED", "NONE", List.of()));
                } else {
                    int birth = Math.max(headBirthYear + 20, 2006) + random.nextInt(14);
                    int age = EngineClock.today().getYear() - birth;
                    members.add(new MemberForm(surname + given(), idNumber(areaCode, Math.min(birth, EngineClock.today().getYear() - 1),
                            random.nextBoolean()), "CHILD", age < 6 ? "PRESCHOOL" : "STUDENT", "NONE", List.of()));
                }
            }
            String address = community.name() + (area == AreaType.RURAL
                    ? (1 + random.nextInt(9)) + "组" + (1 + random.nextInt(80)) + "号"
                    : (1 + random.nextInt(20)) + "号楼" + (1 + random.nextInt(4)) + "单元" + (101 + random.nextInt(6) * 100 + random.nextInt(4)));
            String account = "622848" + String.format("%013d", Math.floorMod(random.nextLong(), 10_000_000_000_000L));
            HouseholdForm household = new HouseholdForm(township, community.code(), address, "中国农业银行", account,
                    "自住房一处", "0", String.valueOf(15 + random.nextInt(20)), String.valueOf(30 + random.nextInt(40)),
                    area == AreaType.URBAN ? String.valueOf(10 + random.nextInt(20)) : "0", "0", members);
            return new DibaoApplicationForm(household, category.name(), false, null, null);
        }

        private AreaType areaOf(String township) {
            return "yuecun".equals(township) || "mengke".equals(township) ? AreaType.RURAL : AreaType.URBAN;
        }

        private String given() {
            int length = random.nextInt(100) < 70 ? 2 : 1;
            StringBuilder name = new StringBuilder();
            for (int i = 0; i < length; i++) {
                name.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
            }
            return name.toString();
        }

        /** A valid resident ID number, new in this build. */
        private String idNumber(String areaCode, int birthYear, boolean male) {
            while (true) {
                LocalDate birth = LocalDate.of(birthYear, 1, 1).plusDays(random.nextInt(365));
                idSequence++;
                int sexDigit = (idSequence % 5) * 2 + (male ? 1 : 0);
                String first17 = areaCode + birth.toString().replace("-", "") + String.format("%02d", (idSequence / 5) % 100) + sexDigit;
                String id = first17 + ResidentIdNumber.checkCharacter(first17);
                if (idNumbers.add(id)) {
                    return id;
                }
            }
        }

        // ---- the roster taken over at the start ------------------------------------------------------------

        /**
         * The households already in 低保 before the year, in the template of 名册导入, uploaded, validated and committed
         * by the administrator as an installation takes over its roster: {@code households} cases paid from
         * {@code startMonth}. Returns how many cases the import made.
         */
        int takeOverRoster(int households, YearMonth startMonth) {
            List<String[]> rows = new ArrayList<>();
            for (int h = 1; h <= households; h++) {
                String township = TOWNSHIPS.get(random.nextInt(TOWNSHIPS.size()));
                DibaoApplicationForm form = application(township);
                HouseholdForm household = form.household();
                CaseCategory category = CaseCategory.valueOf(form.caseCategory());
                AreaType area = areaOf(township);
                StandardService.Standard standard = standards.standardFor(area, category);
                int size = household.members().size();
                BigDecimal income = BigDecimal.ZERO;
                for (MemberForm member : household.members()) {
                    for (IncomeForm item : member.incomes()) {
                        income = income.add(new BigDecimal(String.valueOf(item.monthlyAmount())));
                    }
                }
                BigDecimal amount = standard.monthlyStandard().multiply(BigDecimal.valueOf(size)).subtract(income)
                        .add(standard.categoryAddition());
                for (int m = 0; m < size; m++) {
                    MemberForm member = household.members().get(m);
                    String wage = member.incomes().stream().filter(i -> "WAGE".equals(i.type())).map(i -> String.valueOf(i.monthlyAmount()))
                            .findFirst().orElse("0");
                    String other = member.incomes().stream().filter(i -> !"WAGE".equals(i.type())).map(i -> String.valueOf(i.monthlyAmount()))
                            .findFirst().orElse("0");
                    boolean head = m == 0;
                    rows.add(new String[] {String.valueOf(h), head ? township : null, head ? household.communityCode() : null,
                            head ? household.address() : null, head ? household.bankName() : null,
                            head ? household.bankAccount() : null, member.name(), member.idNumber(), member.relation(),
                            member.employmentStatus(), member.disabilityLevel(), wage, other, head ? category.label() : null,
                            head ? amount.toPlainString() : null, head ? startMonth.toString() : null});
                }
            }
            var batch = imports.upload(ROSTER_FILE, new java.io.ByteArrayInputStream(DemoRosterImport.workbook(rows)), "admin");
            awaitImport(batch.id());
            if (imports.batch(batch.id()).rejectedCount() > 0) {
                throw new IllegalStateException("demo year: the roster has rejected rows: " + jdbc.sql(
                        "select messages from import_row where batch_id = ? and status = 'REJECTED'").param(batch.id())
                        .query(String.class).list().stream().limit(3).toList());
            }
            imports.commit(batch.id(), "admin", true);
            awaitImport(batch.id());
            activeCases.addAll(jdbc.sql("select id from dibao_case where import_batch_id = ? order by id").param(batch.id())
                    .query(Long.class).list());
            return activeCases.size();
        }

        private void awaitImport(long batchId) {
            long until = System.currentTimeMillis() + 600_000;
            while (!imports.progress(batchId).finished()) {
                imports.runWaitingJobsHere(batchId); // the year is built as the application starts, before its job executor
                if (System.currentTimeMillis() > until) {
                    throw new IllegalStateException("demo year: the roster import did not finish within ten minutes");
                }
                sleep();
            }
        }

        // ---- the monthly payroll ----------------------------------------------------------------------------

        void payroll(YearMonth month) {
            long payrollId = walker.as("finance", () -> payrolls.start(month)).payroll().id();
            String instance = jdbc.sql("select process_instance_id from payroll where id = ?").param(payrollId)
                    .query(String.class).single();
            runJobs(instance);
            tick();
            completeTask("finance", instance, PayrollProcess.TASK_CHECK_BY_FINANCE,
                    Map.of(PayrollProcess.VAR_CHECK_DECISION, PayrollProcess.CONFIRM, PayrollProcess.VAR_CHECK_COMMENT, "与乡镇花名册核对一致"));
            tick();
            completeTask("approver", instance, PayrollProcess.TASK_APPROVE_BY_DISTRICT,
                    Map.of(PayrollProcess.VAR_APPROVAL_DECISION, PayrollProcess.APPROVE, PayrollProcess.VAR_APPROVAL_COMMENT, "同意发放"));
            runJobs(instance);
            at(clock.plusDays(2));
            completeTask("finance", instance, PayrollProcess.TASK_RECONCILE, Map.of(PayrollProcess.VAR_RECONCILE_CONFIRMED, true));
            payrollCount++;
        }

        // ---- the quarter's reviews --------------------------------------------------------------------------

        /** Reviews a sample of the active cases (every tenth or so): {@code cancellations} of them end the case. */
        void quarterReviews(int cancellations) {
            List<Long> sample = new ArrayList<>();
            int wantedReviews = Math.max(cancellations + 1, activeCases.size() / 10);
            while (sample.size() < Math.min(wantedReviews, activeCases.size())) {
                Long caseId = activeCases.get(random.nextInt(activeCases.size()));
                if (!sample.contains(caseId)) {
                    sample.add(caseId);
                }
            }
            for (int i = 0; i < sample.size(); i++) {
                long caseId = sample.get(i);
                String township = jdbc.sql("select township_code from dibao_case where id = ?").param(caseId).query(String.class).single();
                String clerk = "clerk." + township;
                String instance = walker.as(clerk, () -> reviews.start(caseId, ReviewStarter.PERIODIC, null));
                tick();
                Map<String, Object> survey = new HashMap<>(Map.of("assetsFinding", "无新增财产", "incomeFinding", "收入与上次一致",
                        "employmentFinding", "就业情况无变化", "utilitiesMonthlyVerified", 100, "hiddenIncomeMonthly", 0,
                        "homeVisitDone", true, "surveyConclusion", "季度复核入户调查完毕"));
                boolean cancel = i < cancellations;
                if (cancel) {
                    survey.put(ReviewProcess.VAR_PROPOSE_CANCEL, true);
                    survey.put(ReviewProcess.VAR_CANCEL_REASON, CANCEL_REASONS.get(random.nextInt(CANCEL_REASONS.size())));
                }
                completeTask(clerk, instance, ReviewProcess.TASK_RESURVEY, survey);
                tick();
                if (taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(ReviewProcess.TASK_REVIEW_BY_TOWNSHIP).count() > 0) {
                    completeTask("reviewer." + township, instance, ReviewProcess.TASK_REVIEW_BY_TOWNSHIP,
                            Map.of(ReviewProcess.VAR_REVIEW_DECISION, ReviewProcess.APPROVE, ReviewProcess.VAR_REVIEW_COMMENT, "同意复核结论"));
                    tick();
                    completeTask("approver", instance, ReviewProcess.TASK_APPROVE_BY_DISTRICT,
                            Map.of(ReviewProcess.VAR_APPROVAL_DECISION, ReviewProcess.APPROVE, ReviewProcess.VAR_APPROVAL_COMMENT,
                                    cancel ? "同意停保" : "同意"));
                    tick();
                }
                reviewed++;
                if (cancel) {
                    activeCases.remove(caseId);
                    cancelled++;
                }
            }
        }

        // ---- disasters --------------------------------------------------------------------------------------

        void disaster(String kind, String name, List<String> townships, int households, int cropAreaMu, int peopleAffected) {
            List<String> villages = new ArrayList<>();
            townships.forEach(t -> regions.children(t).stream().limit(2).forEach(v -> villages.add(v.code())));
            ProcessInstance instance = startForm(DisasterReliefProcess.KEY, "approver", Variables.createVariables()
                    .putValue("disasterKind", kind).putValue("disasterName", name)
                    .putValue("occurredAt", clock.minusMinutes(40).format(MINUTE))
                    .putValueTyped("affectedVillages", SpinValues.jsonValue(json(villages)).create())
                    .putValue("cropAreaMu", cropAreaMu).putValue("housesDamaged", households / 6).putValue("housesCollapsed", 0)
                    .putValue("peopleAffected", peopleAffected));
            String id = instance.getId();
            tick();
            completeTask("approver", id, DisasterReliefProcess.TASK_INITIAL_REPORT,
                    Map.of(DisasterReliefProcess.VAR_REPORT_CONTENT, name + "：受灾乡镇正在逐户排查，损失正在统计"));
            at(clock.plusHours(20));
            completeTask("approver", id, DisasterReliefProcess.TASK_FOLLOW_UP_REPORT, Map.of(
                    DisasterReliefProcess.VAR_REPORT_CONTENT, name + "：灾情已趋于稳定，各乡镇登记造册中",
                    DisasterReliefProcess.VAR_SITUATION_STABLE, true));
            long need = 0;
            for (int t = 0; t < townships.size(); t++) {
                String township = townships.get(t);
                List<String> ownVillages = villages.stream().filter(v -> v.startsWith(township + "-")).toList();
                List<Map<String, Object>> rows = new ArrayList<>();
                for (int i = 0; i < share(households, t, townships.size()); i++) {
                    Map<String, Object> row = affectedHousehold(ownVillages.get(random.nextInt(ownVillages.size())), kind);
                    need += ((Number) row.get("needAmount")).longValue();
                    rows.add(row);
                }
                at(clock.plusHours(3));
                completeTask("clerk." + township, id, DisasterReliefProcess.TASK_REGISTER_HOUSEHOLDS,
                        Map.of(DisasterReliefProcess.VAR_HOUSEHOLDS, SpinValues.jsonValue(json(rows)).create()));
                tick();
                completeTask("reviewer." + township, id, DisasterReliefProcess.TASK_SIGN_OFF_ROSTER,
                        Map.of(DisasterReliefProcess.VAR_ROSTER_DECISION, DisasterReliefProcess.APPROVE,
                                DisasterReliefProcess.VAR_ROSTER_COMMENT, "经逐户核对，登记属实"));
            }
            at(clock.plusDays(2));
            completeTask("approver", id, DisasterReliefProcess.TASK_VERIFY_LOSSES, Map.of("verificationNote", "经区民政局抽查核实，灾情属实"));
            tick();
            completeTask("approver", id, DisasterReliefProcess.TASK_VERIFIED_REPORT, Map.of(
                    DisasterReliefProcess.VAR_REPORT_CONTENT, name + "：核报，受灾户登记册已经乡镇签字、区局核实",
                    DisasterReliefProcess.VAR_FUND_REQUESTED, need));
            at(clock.plusDays(10));
            long fund = need / 1000 * 800; // the city grants about four fifths of the request, in thousands
            completeTask("approver", id, DisasterReliefProcess.TASK_RECORD_CITY_FUND, Map.of(DisasterReliefProcess.VAR_CITY_FUND, fund));
            tick();
            completeTask("reliefhead", id, DisasterReliefProcess.TASK_APPROVE_ALLOCATION,
                    Map.of(DisasterReliefProcess.VAR_ALLOCATION_DECISION, DisasterReliefProcess.APPROVE));
            at(clock.plusDays(1));
            completeTask("finance", id, DisasterReliefProcess.TASK_PAY_RELIEF, Map.of("paymentIssued", true));
            at(clock.plusDays(3));
            for (String township : townships) {
                completeTask("clerk." + township, id, DisasterReliefProcess.TASK_CONFIRM_RECEIPT, Map.of("receiptsConfirmed", true));
                tick();
            }
        }

        private Map<String, Object> affectedHousehold(String village, String kind) {
            int roll = random.nextInt(100);
            String category = roll < 6 ? "FIVE_GUARANTEE" : roll < 18 ? "EXTREMELY_POOR" : roll < 55 ? "SEVERELY_AFFECTED" : "ORDINARY";
            boolean damaged = "WATERLOGGING".equals(kind) ? random.nextInt(100) < 45 : random.nextInt(100) < 12;
            int persons = 1 + random.nextInt(5);
            Map<String, Object> row = new HashMap<>();
            row.put("headName", SURNAMES.charAt(random.nextInt(SURNAMES.length())) + given());
            row.put("idNumber", idNumber(village.startsWith("yuecun") || village.startsWith("mengke") ? "410322" : "410302",
                    1940 + random.nextInt(60), random.nextBoolean()));
            row.put("villageCode", village);
            row.put("address", regions.find(village).map(Region::name).orElse("") + (1 + random.nextInt(60)) + "号");
            row.put("persons", persons);
            row.put("category", category);
            boolean severe = damaged && random.nextInt(100) < 25;
            row.put("houseDamage", !damaged ? "NONE" : severe ? "SEVERE" : "GENERAL");
            row.put("damagedRooms", !damaged ? 0 : severe ? 2 + random.nextInt(3) : 1 + random.nextInt(2));
            row.put("cropLossMu", "HAIL".equals(kind) ? 20 + random.nextInt(120) / 2.0 : random.nextInt(20) / 2.0);
            row.put("deaths", 0);
            row.put("winterReliefPersons", category.equals("ORDINARY") ? 0 : persons);
            row.put("needsFood", !category.equals("ORDINARY"));
            row.put("needsQuilts", damaged);
            row.put("needAmount", switch (category) {
                case "FIVE_GUARANTEE" -> 1500 + 100 * random.nextInt(10);
                case "EXTREMELY_POOR" -> 1000 + 100 * random.nextInt(8);
                case "SEVERELY_AFFECTED" -> 500 + 100 * random.nextInt(8);
                default -> 200 + 50 * random.nextInt(4);
            });
            return row;
        }

        // ---- the winter donation campaign -------------------------------------------------------------------

        /**
         * The notice in October, donations over three weeks (about 200,000 yuan, 4,000 coats, 40 quilts), and, if the
         * distribution day (10 November) has passed, the plan and the distribution to the townships' households.
         */
        void campaign(YearMonth october, YearMonth current, LocalDateTime realNow) {
            LocalDate start = october.atDay(8);
            LocalDate end = october.atDay(31);
            LocalDate distribution = october.plusMonths(1).atDay(10);
            ProcessInstance instance = startForm(DonationCampaignProcess.KEY, "approver", Variables.createVariables()
                    .putValue("campaignTitle", CAMPAIGN_TITLE).putValue("notice", "请各单位、干部职工踊跃捐款捐物，帮助困难群众温暖过冬")
                    .putValue("windowStart", start.toString()).putValue("windowEnd", end.toString())
                    .putValue("distributionDate", distribution.toString()));
            String id = instance.getId();
            List<String> units = List.of("区财政局", "区人社局", "区教育局", "区卫健委", "区住建局", "区农业农村局", "区市场监管局",
                    "区城管局", "区民政局机关", "区人民医院", "区供电公司", "区农村商业银行", "区建设投资公司", "区实验中学");
            int donors = Math.max(3, (int) Math.round(units.size() * Math.min(1.0, scale * 4)));
            long cashTotal = Math.round(204_600 * scale);
            long coats = Math.max(donors, Math.round(4_120 * scale));
            long quilts = Math.max(1, Math.round(46 * scale));
            for (int i = 0; i < donors; i++) {
                at(start.plusDays(i * 20L / donors).atTime(10, 0).plusMinutes(i));
                long cash = share((int) cashTotal, i, donors);
                long coatShare = share((int) coats, i, donors);
                long quiltShare = share((int) quilts, i, donors);
                List<Map<String, Object>> goods = new ArrayList<>();
                if (coatShare > 0) {
                    goods.add(Map.of("goodsKind", "COTTON_COAT", "quantity", coatShare));
                }
                if (quiltShare > 0) {
                    goods.add(Map.of("goodsKind", "QUILT", "quantity", quiltShare));
                }
                Map<String, Object> donation = new HashMap<>(Map.of("donorType", "UNIT", "donorName", units.get(i % units.size()),
                        "cash", BigDecimal.valueOf(cash)));
                donation.put(DonationCampaignProcess.VAR_GOODS, SpinValues.jsonValue(json(goods)).create());
                completeTask("approver", id, DonationCampaignProcess.TASK_REGISTER_DONATION, donation);
            }
            if (!distribution.atTime(16, 0).isBefore(realNow) || !october.plusMonths(1).isBefore(current)) {
                return; // the distribution day is still to come: the campaign waits for its window to close
            }
            at(end.plusDays(1).atTime(0, 5));
            Job window = managementService.createJobQuery().processInstanceId(id)
                    .activityId(DonationCampaignProcess.TIMER_WINDOW_CLOSED).singleResult();
            managementService.executeJob(window.getId());
            runJobs(id);
            at(end.plusDays(3).atTime(10, 0));
            completeTask("reliefhead", id, DonationCampaignProcess.TASK_APPROVE_PLAN,
                    Map.of(DonationCampaignProcess.VAR_PLAN_DECISION, DonationCampaignProcess.APPROVE));
            at(distribution.atTime(9, 0));
            long campaignId = ((Number) jdbc.sql("select id from donation_campaign where process_instance_id = ?").param(id)
                    .query(Long.class).single()).longValue();
            for (DonationRepository.Allocation share : donations.plan(campaignId)) {
                if (taskService.createTaskQuery().processInstanceId(id).taskDefinitionKey(DonationCampaignProcess.TASK_DISTRIBUTE)
                        .taskCandidateGroup("clerk-" + share.townshipCode()).count() == 0) {
                    continue;
                }
                completeTask("clerk." + share.townshipCode(), id, DonationCampaignProcess.TASK_DISTRIBUTE,
                        Map.of(DonationCampaignProcess.VAR_RECIPIENTS, SpinValues.jsonValue(json(recipients(share))).create()));
                tick();
            }
        }

        /** The township's share handed to its 低保 households (heads of household), adding up exactly. */
        private List<Map<String, Object>> recipients(DonationRepository.Allocation share) {
            record Head(String name, String idNumber, String address) {
            }
            List<Head> heads = jdbc.sql("""
                    select m.name, m.id_number, h.address from dibao_case c join household h on h.id = c.household_id
                    join household_member m on m.household_id = h.id and m.relation = 'HEAD'
                    where c.township_code = ? and c.status = 'APPROVED' order by c.id""")
                    .param(share.townshipCode()).query((rs, n) -> new Head(rs.getString(1), rs.getString(2), rs.getString(3))).list();
            long coats = share.goods().getOrDefault(cn.minzheng.bureau.donation.GoodsKind.COTTON_COAT, 0L);
            long quilts = share.goods().getOrDefault(cn.minzheng.bureau.donation.GoodsKind.QUILT, 0L);
            int count = (int) Math.max(1, Math.min(heads.size(), Math.min(40, Math.max(coats, 1))));
            long cents = share.cash().movePointRight(2).longValueExact();
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Head head = heads.get(i * heads.size() / count);
                Map<String, Object> row = new HashMap<>();
                row.put("recipientName", head.name());
                row.put("idNumber", head.idNumber());
                row.put("address", head.address());
                row.put("cash", BigDecimal.valueOf(share((int) cents, i, count), 2));
                row.put("coats", (long) share((int) coats, i, count));
                row.put("quilts", (long) share((int) quilts, i, count));
                row.put("signatureConfirmed", true);
                rows.add(row);
            }
            return rows;
        }

        // ---- the engine -------------------------------------------------------------------------------------

        private ProcessInstance startForm(String key, String user, Map<String, Object> variables) {
            String definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
                    .singleResult().getId();
            return walker.as(user, () -> formService.submitStartForm(definition, variables));
        }

        private void completeTask(String user, String processInstanceId, String taskKey, Map<String, Object> variables) {
            walker.as(user, () -> {
                Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey)
                        .taskCandidateUser(user).list().stream().findFirst()
                        .or(() -> taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey)
                                .taskAssignee(user).list().stream().findFirst())
                        .orElseThrow(() -> new IllegalStateException(user + " sees no task " + taskKey));
                taskService.claim(task.getId(), user);
                taskService.complete(task.getId(), variables);
                return null;
            });
        }

        /** Runs the instance's asynchronous steps now (the job executor may take one first: then it waits for it). */
        private void runJobs(String processInstanceId) {
            long until = System.currentTimeMillis() + 60_000;
            while (true) {
                List<Job> jobs = managementService.createJobQuery().processInstanceId(processInstanceId).executable().list();
                if (jobs.isEmpty()) {
                    return;
                }
                Job job = jobs.get(0);
                if (System.currentTimeMillis() > until) {
                    throw new IllegalStateException("job " + job.getId() + " did not run: " + job.getExceptionMessage());
                }
                try {
                    managementService.executeJob(job.getId());
                } catch (OptimisticLockingException | org.camunda.bpm.engine.exception.NullValueException takenByExecutor) {
                    sleep();
                } catch (RuntimeException failed) {
                    if (managementService.createJobQuery().jobId(job.getId()).count() == 0) {
                        continue; // done by the executor meanwhile
                    }
                    throw failed;
                }
            }
        }

        private void sleep() {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
