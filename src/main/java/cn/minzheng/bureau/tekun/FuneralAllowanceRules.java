package cn.minzheng.bureau.tekun;

import java.math.BigDecimal;
import java.util.Map;

import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.household.ResidentIdNumber;

/**
 * The rules of 特困人员丧葬补助: the amount (the monthly 基本生活标准 at death × the DMN's months) and who may receive
 * it (a living registered resident other than the deceased, with the relation to the deceased named).
 */
public final class FuneralAllowanceRules {

    /** 领取人身份, as the form offers them. */
    public static final Map<String, String> RELATIONS = Map.of("RELATIVE", "亲属", "INSTITUTION", "供养服务机构经办人",
            "COMMITTEE", "村（居）委会经办人", "OTHER", "其他");

    private FuneralAllowanceRules() {
    }

    /** The allowance: the basic living amount a month times the months, to the fen. */
    public static BigDecimal amount(BigDecimal basicLivingMonthly, int months) {
        if (basicLivingMonthly == null || basicLivingMonthly.signum() <= 0) {
            throw new RuleViolation("NO_BASIC_LIVING", "该特困供养案件没有核定基本生活标准，无法核算丧葬补助", 422);
        }
        if (months <= 0) {
            throw new IllegalStateException("tekun-funeral-months.dmn gave " + months + " months");
        }
        return Money.of(basicLivingMonthly.multiply(BigDecimal.valueOf(months)));
    }

    /** The payee's ID number, valid and not the deceased's; returns it normalised. */
    public static String payeeIdNumber(String text, String deceasedIdNumber) {
        if (text == null || text.isBlank()) {
            throw new RuleViolation("MISSING_FIELD", "请填写领取人身份证号码");
        }
        String trimmed = text.trim().toUpperCase();
        if (!ResidentIdNumber.isValid(trimmed)) {
            throw new RuleViolation("INVALID_ID_NUMBER", "领取人身份证号码“" + trimmed + "”无效");
        }
        String value = ResidentIdNumber.parse(trimmed).value();
        if (value.equals(deceasedIdNumber)) {
            throw new RuleViolation("PAYEE_IS_DECEASED", "领取人不能是死者本人，请填写操办丧事的人");
        }
        return value;
    }

    public static String relation(String code) {
        if (code == null || code.isBlank()) {
            throw new RuleViolation("MISSING_FIELD", "请选择领取人身份");
        }
        if (!RELATIONS.containsKey(code)) {
            throw new RuleViolation("INVALID_CODE", "领取人身份的取值“" + code + "”无效，可选：RELATIVE、INSTITUTION、COMMITTEE、OTHER");
        }
        return code;
    }
}
