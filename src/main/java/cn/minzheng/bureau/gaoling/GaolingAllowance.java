package cn.minzheng.bureau.gaoling;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.household.ResidentIdNumber;

/**
 * The allowance a person is entitled to in a month: the age is the full years on the month's last day, from the
 * birth date in the resident ID number (so the allowance starts in the month of the 80th birthday, and a higher
 * tier in the month of the 90th or 100th); tier and amount are gaoling-allowance.dmn's.
 */
@Component
public class GaolingAllowance {

    public static final String DECISION = "gaoling-allowance";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DecisionService decisions;

    public GaolingAllowance(DecisionService decisions) {
        this.decisions = decisions;
    }

    /** What the person gets in the month, with the calculation frozen as JSON. */
    public record Entitlement(AgeTier tier, BigDecimal amount, int age, LocalDate birthDate, String month,
                              String snapshot) {
    }

    /** The age that counts for a month: full years on its last day. */
    public static int ageInMonth(LocalDate birthDate, YearMonth month) {
        return Period.between(birthDate, month.atEndOfMonth()).getYears();
    }

    /** The entitlement, or empty when the person is under 80 in that month. */
    public Optional<Entitlement> of(String idNumber, YearMonth month) {
        LocalDate birth = ResidentIdNumber.parse(idNumber).birthDate();
        int age = ageInMonth(birth, month);
        return fromResult(decisions.evaluateDecisionByKey(DECISION).variables(Map.of("age", age)).evaluate()
                .getSingleResult(), age, birth, month);
    }

    /** The entitlement, or a Chinese 422 when the person does not qualify in that month. */
    public Entitlement require(String idNumber, YearMonth month) {
        return of(idNumber, month).orElseThrow(() -> {
            LocalDate birth = ResidentIdNumber.parse(idNumber).birthDate();
            return new RuleViolation("GAOLING_AGE_NOT_QUALIFIED", "出生日期为" + birth + "，" + month + "时未满80周岁（"
                    + ageInMonth(birth, month) + "周岁），不享受高龄津贴", 422);
        });
    }

    static Optional<Entitlement> fromResult(DmnDecisionResultEntries result, int age, LocalDate birth, YearMonth month) {
        if (result == null) {
            throw new IllegalStateException("gaoling-allowance.dmn gave no result for age " + age);
        }
        String tier = (String) result.get("tier");
        if ("NONE".equals(tier)) {
            return Optional.empty();
        }
        AgeTier ageTier = AgeTier.valueOf(tier);
        BigDecimal amount = Money.parse(result.get("monthlyAmount"), "高龄津贴标准");
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("decision", DECISION);
        snapshot.put("month", month.toString());
        snapshot.put("birthDate", birth.toString());
        snapshot.put("age", age);
        snapshot.put("tier", ageTier.name());
        snapshot.put("tierLabel", ageTier.label());
        snapshot.put("monthlyAmount", amount.toPlainString());
        try {
            return Optional.of(new Entitlement(ageTier, amount, age, birth, month.toString(),
                    JSON.writeValueAsString(snapshot)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
