package cn.minzheng.bureau.dibao.verification;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.Money;

/**
 * The asset rule (财产状况认定): the table dibao-assets.dmn over the verified report, and the comparison of the
 * declared assets with the verified ones. A gap above the tolerance is flagged to the reviewer, never decided
 * by the machine.
 */
@Component
public class AssetRule {

    public static final String DECISION = "dibao-assets";

    private final VerificationSettings settings;

    public AssetRule(VerificationSettings settings) {
        this.settings = settings;
    }

    /** What the rule found; gapFlag is the warning for the reviewer, when declared and verified differ. */
    public record AssetCheck(boolean eligible, String reason, BigDecimal perCapitaFinancialAssets,
                             BigDecimal declaredAssets, BigDecimal verifiedFinancialAssets, Optional<String> gapFlag) {

        public Map<String, Object> snapshot() {
            Map<String, Object> snapshot = new LinkedHashMap<>();
            snapshot.put("assetsEligible", eligible);
            snapshot.put("assetsReason", reason);
            snapshot.put("perCapitaFinancialAssets", perCapitaFinancialAssets.toPlainString());
            snapshot.put("declaredAssets", declaredAssets.toPlainString());
            snapshot.put("verifiedFinancialAssets", verifiedFinancialAssets.toPlainString());
            snapshot.put("declaredVerifiedGap", gapFlag.orElse(""));
            return snapshot;
        }
    }

    /**
     * The inputs of dibao-assets.dmn from the verified report (the BPMN's 财产状况认定 evaluates the table with them
     * and the standard as process variables).
     */
    public static Map<String, Object> decisionInputs(EconomicStatusReport report, int householdSize) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("perCapitaFinancialAssets", report.perCapitaFinancialAssets(householdSize));
        inputs.put("vehicles", report.vehicles());
        inputs.put("homes", report.homes());
        inputs.put("commercialProperties", report.commercialProperties());
        return inputs;
    }

    /** The table's verdict with the comparison of the declared assets and the verified ones. */
    public AssetCheck check(Map<String, Object> decisionResult, EconomicStatusReport report, int householdSize,
                            BigDecimal declaredAssets) {
        BigDecimal declared = Money.of(declaredAssets == null ? BigDecimal.ZERO : declaredAssets);
        BigDecimal verified = report.financialAssets();
        return new AssetCheck(Boolean.TRUE.equals(decisionResult.get("assetsEligible")),
                (String) decisionResult.get("assetsReason"), report.perCapitaFinancialAssets(householdSize), declared,
                verified, gap(declared, verified, settings.declaredGapTolerance()));
    }

    /** Verified financial assets above the declared value by more than the tolerance: a warning for the reviewer. */
    static Optional<String> gap(BigDecimal declared, BigDecimal verified, BigDecimal tolerance) {
        BigDecimal difference = verified.subtract(declared);
        if (difference.compareTo(tolerance) <= 0) {
            return Optional.empty();
        }
        return Optional.of("申报家庭财产" + Money.format(declared) + "元，核对查得存款和理财产品" + Money.format(verified)
                + "元，多出" + Money.format(difference) + "元（超过" + Money.format(tolerance) + "元），请核实是否隐瞒财产");
    }
}
