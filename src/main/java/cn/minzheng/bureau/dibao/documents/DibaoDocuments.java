package cn.minzheng.bureau.dibao.documents;

import static cn.minzheng.bureau.dibao.application.DibaoApplicationProcess.ACCEPT;
import static cn.minzheng.bureau.dibao.application.DibaoApplicationProcess.APPROVE;
import static cn.minzheng.bureau.dibao.application.DibaoApplicationProcess.OBJECTION;
import static cn.minzheng.bureau.dibao.application.DibaoApplicationProcess.REJECT;
import static cn.minzheng.bureau.dibao.application.DibaoApplicationProcess.RETURN;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;


import org.springframework.stereotype.Component;

import cn.minzheng.bureau.access.StaffNames;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.dibao.CaseStatus;
import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.dibao.DibaoCaseRepository;
import cn.minzheng.bureau.dibao.SurveyRepository;
import cn.minzheng.bureau.dibao.appeal.AppealSettings;
import cn.minzheng.bureau.dibao.application.DibaoApplicationProcess;
import cn.minzheng.bureau.dibao.notice.NoticePeriod;
import cn.minzheng.bureau.documents.Document;
import cn.minzheng.bureau.household.Household;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.household.ResidentIdNumber;
import cn.minzheng.bureau.region.Region;
import cn.minzheng.bureau.region.RegionRepository;

/**
 * The 低保 documents, each built from the stored case (tables: case, household, survey, decisions, status
 * history), never from process variables: 审核确认表, 公示名单 of a village or community, 批准决定 /
 * 不予批准书面通知, 低保证. Which user may ask for which is the controller's business.
 */
@Component
public class DibaoDocuments {

    static final String ISSUER = "区民政局";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
    private static final Map<String, String> STEPS = Map.of(
            DibaoApplicationProcess.TASK_ACCEPT, "受理申请",
            DibaoApplicationProcess.TASK_SURVEY, "入户调查",
            DibaoApplicationProcess.TASK_REVIEW_BY_TOWNSHIP, "乡镇（街道）审核",
            DibaoApplicationProcess.TASK_PUBLIC_NOTICE, "公示",
            DibaoApplicationProcess.TASK_APPROVE_BY_DISTRICT, "区民政局审批",
            DibaoApplicationProcess.TASK_CONFIRM_BY_TOWNSHIP, "乡镇（街道）审核确认",
            DibaoApplicationProcess.TASK_SAMPLE_CHECK, "区民政局抽查");
    private static final Map<String, String> DECISIONS = Map.of(
            ACCEPT, "受理", RETURN, "退回补正", APPROVE, "同意", REJECT, "不同意", OBJECTION, "登记异议",
            DibaoApplicationProcess.NO_PROBLEM, "无误", DibaoApplicationProcess.PROBLEM, "发现问题");

    private final DibaoCaseRepository cases;
    private final HouseholdRepository households;
    private final SurveyRepository surveys;
    private final RegionRepository regions;
    private final StaffNames staffNames;
    private final DibaoDocumentQueries queries;
    private final NoticePeriod noticePeriod;
    private final AppealSettings appealSettings;

    public DibaoDocuments(DibaoCaseRepository cases, HouseholdRepository households, SurveyRepository surveys,
                          RegionRepository regions, StaffNames staffNames, DibaoDocumentQueries queries,
                          NoticePeriod noticePeriod, AppealSettings appealSettings) {
        this.cases = cases;
        this.households = households;
        this.surveys = surveys;
        this.regions = regions;
        this.staffNames = staffNames;
        this.queries = queries;
        this.noticePeriod = noticePeriod;
        this.appealSettings = appealSettings;
    }

    /** 低保审核确认表: the case, its household, the latest survey, the calculation and each level's opinion. */
    public Document confirmation(DibaoCase dibaoCase) {
        Household household = household(dibaoCase);
        List<DibaoCaseRepository.Decision> decisions = applicationDecisions(dibaoCase);
        Map<String, Object> model = caseModel(dibaoCase, household);
        model.put("members", household.members().stream().map(m -> Map.of(
                "name", m.name(), "idNumber", m.idNumber().value(), "relation", m.relation().label(),
                "employment", m.employmentStatus().label(), "disability", m.disabilityLevel().label(),
                "incomes", m.incomes().stream().map(i -> i.type().label() + " " + money(i.monthlyAmount()) + "元")
                        .reduce((a, b) -> a + "；" + b).orElse("无"))).toList());
        model.put("survey", surveys.latest(dibaoCase.id()).orElse(null));
        queries.latestSurvey(dibaoCase.id()).ifPresent(s -> {
            model.put("surveyedBy", staffNames.of(s.user()));
            model.put("surveyedAt", DAY.format(s.at()));
        });
        model.put("perCapitaIncome", money(dibaoCase.perCapitaIncome()));
        model.put("monthlyStandard", money(dibaoCase.monthlyStandard()));
        model.put("categoryAddition", money(dibaoCase.categoryAddition()));
        model.put("opinions", decisions.stream().map(d -> Map.of(
                "step", STEPS.getOrDefault(d.step(), d.step()),
                "decision", DECISIONS.getOrDefault(d.decision(), d.decision()),
                "comment", d.comment() == null ? "" : d.comment(),
                "signer", staffNames.of(d.decidedBy()),
                "date", MOMENT.format(d.decidedAt()))).toList());
        LocalDateTime issued = decisions.stream().map(DibaoCaseRepository.Decision::decidedAt)
                .max(Comparator.naturalOrder()).orElse(dibaoCase.createdAt());
        return new Document("dibao/confirmation", model, "城乡居民最低生活保障审核确认表",
                key("confirmation", dibaoCase, decisions.size()), issued);
    }

    /**
     * 批准决定 for an approved case, 不予批准书面通知 for a rejected one (the reasons, the appeal route and its
     * deadline); any other case has no decision yet.
     */
    public Document decision(DibaoCase dibaoCase) {
        Household household = household(dibaoCase);
        Map<String, Object> model = caseModel(dibaoCase, household);
        if (dibaoCase.status() == CaseStatus.REJECTED) {
            DibaoCaseRepository.Decision refusal = lastDecision(dibaoCase, REJECT)
                    .orElseThrow(() -> notDecided(dibaoCase));
            model.put("reason", refusalReason(dibaoCase, refusal));
            model.put("refusedAt", STEPS.getOrDefault(refusal.step(), refusal.step()));
            model.put("appealDays", appealSettings.getPeriod().getDays());
            model.put("date", DAY.format(refusal.decidedAt()));
            return new Document("dibao/refusal", model, "不予批准最低生活保障书面通知",
                    key("refusal", dibaoCase, 0), refusal.decidedAt());
        }
        DibaoCaseRepository.Decision approval = lastDecision(dibaoCase, APPROVE)
                .filter(d -> d.step().equals(DibaoApplicationProcess.TASK_APPROVE_BY_DISTRICT))
                .filter(d -> dibaoCase.startMonth() != null)
                .orElseThrow(() -> notDecided(dibaoCase));
        model.put("startMonth", month(dibaoCase.startMonth()));
        model.put("date", DAY.format(approval.decidedAt()));
        return new Document("dibao/approval", model, "最低生活保障批准决定书", key("approval", dibaoCase, 0),
                approval.decidedAt());
    }

    /** 低保证: the certificate of an approved case now in payment. */
    public Document certificate(DibaoCase dibaoCase) {
        if (dibaoCase.status() != CaseStatus.APPROVED) {
            throw new RuleViolation("NO_CERTIFICATE", "案件" + dibaoCase.caseNumber() + "不在保（" + dibaoCase.status().label()
                    + "），没有低保证", 409);
        }
        DibaoCaseRepository.Decision approval = lastDecision(dibaoCase, APPROVE)
                .filter(d -> d.step().equals(DibaoApplicationProcess.TASK_APPROVE_BY_DISTRICT))
                .orElseThrow(() -> notDecided(dibaoCase));
        Household household = household(dibaoCase);
        Map<String, Object> model = caseModel(dibaoCase, household);
        model.put("startMonth", month(dibaoCase.startMonth()));
        model.put("date", DAY.format(approval.decidedAt()));
        return new Document("dibao/certificate", model, "城乡居民最低生活保障证", key("certificate", dibaoCase, 0),
                approval.decidedAt());
    }

    /** 公示名单 of a village or community: the cases now in 公示, ID numbers masked. */
    public Document noticeList(Region community) {
        List<DibaoDocumentQueries.NoticeRow> rows = queries.inNotice(community.code());
        if (rows.isEmpty()) {
            throw RuleViolation.notFound(community.name() + "公示中的低保申请");
        }
        LocalDateTime latestStart = rows.stream().map(DibaoDocumentQueries.NoticeRow::noticeStartedAt)
                .max(Comparator.naturalOrder()).orElseThrow();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("issuer", ISSUER);
        model.put("township", regions.find(community.parentCode()).map(Region::name).orElse(""));
        model.put("community", community.name());
        model.put("rows", rows.stream().map(r -> Map.of(
                "caseNumber", r.caseNumber(), "name", r.headName(), "idNumber", new ResidentIdNumber(r.headIdNumber()).masked(),
                "size", r.householdSize(), "amount", money(r.monthlyAmount()),
                "from", DAY.format(r.noticeStartedAt()), "until", DAY.format(noticePeriod.endOf(r.noticeStartedAt())))).toList());
        model.put("total", money(rows.stream().map(DibaoDocumentQueries.NoticeRow::monthlyAmount)
                .reduce(BigDecimal.ZERO, BigDecimal::add)));
        model.put("date", DAY.format(latestStart));
        String key = "notice-list:" + community.code() + ":" + rows.stream().map(r -> r.caseId() + "@" + r.noticeStartedAt())
                .reduce((a, b) -> a + "," + b).orElse("");
        return new Document("dibao/notice-list", model, "城乡居民最低生活保障公示名单", key, latestStart);
    }

    private Map<String, Object> caseModel(DibaoCase dibaoCase, Household household) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("issuer", ISSUER);
        model.put("caseNumber", dibaoCase.caseNumber());
        model.put("township", regions.find(dibaoCase.townshipCode()).map(Region::name).orElse(""));
        model.put("community", regions.find(household.communityCode()).map(Region::name).orElse(""));
        model.put("address", household.address());
        model.put("headName", household.head().name());
        model.put("headIdNumber", household.head().idNumber().value());
        model.put("householdSize", household.size());
        model.put("memberNames", household.members().stream().map(m -> m.name() + "（" + m.relation().label() + "）")
                .reduce((a, b) -> a + "、" + b).orElse(""));
        model.put("category", dibaoCase.category().label());
        model.put("status", dibaoCase.status().label());
        model.put("monthlyAmount", money(dibaoCase.monthlyAmount()));
        model.put("appliedAt", DAY.format(dibaoCase.createdAt()));
        return model;
    }

    private Household household(DibaoCase dibaoCase) {
        return households.find(dibaoCase.householdId())
                .orElseThrow(() -> RuleViolation.notFound("案件" + dibaoCase.caseNumber() + "的家庭"));
    }

    /** The decisions of the application procedure (not of later reviews, appeals or reports), oldest first. */
    private List<DibaoCaseRepository.Decision> applicationDecisions(DibaoCase dibaoCase) {
        return cases.decisions(dibaoCase.id()).stream().filter(d -> STEPS.containsKey(d.step()))
                .sorted(Comparator.comparing(DibaoCaseRepository.Decision::decidedAt)).toList();
    }

    private Optional<DibaoCaseRepository.Decision> lastDecision(DibaoCase dibaoCase, String decision) {
        return applicationDecisions(dibaoCase).stream().filter(d -> d.decision().equals(decision))
                .reduce((first, second) -> second);
    }

    private static String refusalReason(DibaoCase dibaoCase, DibaoCaseRepository.Decision refusal) {
        if (dibaoCase.closingReason() != null && !dibaoCase.closingReason().isBlank()) {
            return dibaoCase.closingReason();
        }
        return refusal.comment() == null ? "" : refusal.comment();
    }

    private static RuleViolation notDecided(DibaoCase dibaoCase) {
        return new RuleViolation("NOT_DECIDED", "案件" + dibaoCase.caseNumber() + "尚未作出批准或不予批准的决定（"
                + dibaoCase.status().label() + "）", 409);
    }

    /** Kind, case and what the document depends on, so a changed case gives a new identifier. */
    private static String key(String kind, DibaoCase dibaoCase, int version) {
        return kind + ":" + dibaoCase.caseNumber() + ":" + dibaoCase.status() + ":" + version;
    }

    private static String month(String yearMonth) {
        if (yearMonth == null) {
            return "";
        }
        String[] parts = yearMonth.split("-");
        return parts[0] + "年" + Integer.parseInt(parts[1]) + "月";
    }

    static String money(BigDecimal amount) {
        return amount == null ? "" : amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
