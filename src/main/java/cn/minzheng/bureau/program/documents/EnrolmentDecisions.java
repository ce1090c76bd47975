package cn.minzheng.bureau.program.documents;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.access.StaffNames;
import cn.minzheng.bureau.common.ChineseCapitals;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.documents.Document;
import cn.minzheng.bureau.household.Household;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.program.Enrolment;
import cn.minzheng.bureau.program.EnrolmentRepository;
import cn.minzheng.bureau.program.EnrolmentRepository.StatusChange;
import cn.minzheng.bureau.program.EnrolmentStatus;
import cn.minzheng.bureau.program.Program;
import cn.minzheng.bureau.program.ProgramKind;
import cn.minzheng.bureau.program.ProgramRegistry;
import cn.minzheng.bureau.region.Region;
import cn.minzheng.bureau.region.RegionRepository;

/**
 * The decision letter of an enrolment in any program (审批决定通知书), from the stored enrolment and its dated
 * history: granted (the monthly amount and first month, or the one-off grant, in figures and in capitals) or
 * refused (with the reason recorded), the appeal route, and the dated record of the enrolment. Dated the moment of
 * the decision, so the same enrolment always gives the same document. 低保 has its own letters (dibao/documents),
 * built from its case.
 */
@Component
public class EnrolmentDecisions {

    static final String ISSUER = "区民政局";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy年M月");

    private final EnrolmentRepository enrolments;
    private final ProgramRegistry programs;
    private final HouseholdRepository households;
    private final RegionRepository regions;
    private final StaffNames staffNames;

    public EnrolmentDecisions(EnrolmentRepository enrolments, ProgramRegistry programs, HouseholdRepository households,
                              RegionRepository regions, StaffNames staffNames) {
        this.enrolments = enrolments;
        this.programs = programs;
        this.households = households;
        this.regions = regions;
        this.staffNames = staffNames;
    }

    /** The moment the enrolment was decided (granted or refused), if it was. */
    public Optional<StatusChange> decision(Enrolment enrolment) {
        return enrolments.history(enrolment.id()).stream()
                .filter(h -> h.status() == EnrolmentStatus.ACTIVE || h.status() == EnrolmentStatus.REFUSED)
                .findFirst();
    }

    public Document decisionLetter(Enrolment enrolment) {
        Program program = programs.get(enrolment.programCode());
        StatusChange decision = decision(enrolment).orElseThrow(() -> new RuleViolation("NOT_DECIDED",
                program.name() + "尚未审批，没有决定通知书", 409));
        Household household = households.find(enrolment.householdId())
                .orElseThrow(() -> RuleViolation.notFound("家庭" + enrolment.householdId()));
        Household.Member addressee = enrolment.personIdNumber() == null ? household.head()
                : household.members().stream().filter(m -> m.idNumber().value().equals(enrolment.personIdNumber()))
                .findFirst().orElse(household.head());
        boolean granted = decision.status() == EnrolmentStatus.ACTIVE;
        LocalDateTime decidedAt = decision.changedAt();

        Map<String, Object> model = new LinkedHashMap<>();
        model.put("issuer", ISSUER);
        model.put("programName", program.name());
        model.put("number", "（" + decidedAt.getYear() + "）" + program.code() + "决字第" + enrolment.id() + "号");
        model.put("name", addressee.name());
        model.put("idNumber", addressee.idNumber().masked());
        model.put("whom", enrolment.personIdNumber() == null ? "你户" : "你");
        model.put("place", regionName(household.townshipCode()) + regionName(household.communityCode()));
        model.put("granted", granted);
        model.put("oneOff", program.kind() == ProgramKind.ONE_OFF);
        BigDecimal amount = enrolment.amount() == null ? BigDecimal.ZERO : enrolment.amount().setScale(2, RoundingMode.HALF_UP);
        model.put("amount", amount.toPlainString());
        model.put("amountCapitals", ChineseCapitals.of(amount));
        model.put("startMonth", enrolment.startMonth() == null ? "" : MONTH.format(YearMonth.parse(enrolment.startMonth())));
        model.put("reason", decision.reason() == null || decision.reason().isBlank() ? "不符合" + program.name() + "条件"
                : decision.reason());
        model.put("history", history(enrolments.history(enrolment.id())));
        model.put("date", DAY.format(decidedAt));
        return new Document("program/decision", model, program.name() + (granted ? "批准决定通知书" : "不予批准决定通知书"),
                "enrolment-decision:" + enrolment.id() + ":" + decidedAt, decidedAt);
    }

    private List<Map<String, String>> history(List<StatusChange> changes) {
        return changes.stream().map(h -> Map.of(
                "date", DAY.format(h.changedAt()), "status", h.status().label(),
                "by", h.changedBy() == null ? "" : staffNames.of(h.changedBy()),
                "reason", h.reason() == null ? "" : h.reason())).toList();
    }

    private String regionName(String code) {
        return code == null ? "" : regions.find(code).map(Region::name).orElse(code);
    }
}
