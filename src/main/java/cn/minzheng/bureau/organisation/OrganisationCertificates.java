package cn.minzheng.bureau.organisation;

import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.documents.Document;
import cn.minzheng.bureau.organisation.OrganisationRepository.Organisation;

/**
 * 登记证书 of a registered organisation (社会团体法人登记证书 / 民办非企业单位登记证书), from the stored register: the
 * certificate number, name, credit code, legal representative, domicile, business scope, 业务主管单位, registered
 * funds, the registration authority and the day of registration — so the same organisation always gives the same
 * document.
 */
@Component
public class OrganisationCertificates {

    static final String AUTHORITY = "区民政局";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    public Document certificate(Organisation organisation) {
        if (organisation.certificateNo() == null || organisation.registeredOn() == null) {
            throw new RuleViolation("NOT_REGISTERED", organisation.name() + "尚未登记，没有登记证书", 409);
        }
        if (organisation.kind() == OrganisationKind.COMMUNITY_ORGANISATION) {
            throw new RuleViolation("FILED_ONLY", organisation.name() + "是在街道（乡镇）备案的社区社会组织，备案编号"
                    + organisation.certificateNo() + "，没有登记证书", 409);
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("title", organisation.kind() == OrganisationKind.SOCIAL_GROUP ? "社会团体法人登记证书" : "民办非企业单位登记证书");
        model.put("certificateNo", organisation.certificateNo());
        model.put("name", organisation.name());
        model.put("creditCode", organisation.creditCode());
        model.put("legalRepresentative", organisation.legalRepresentative());
        model.put("domicile", organisation.domicile());
        model.put("businessScope", organisation.businessScope());
        model.put("supervisorUnit", organisation.supervisorUnit());
        model.put("registeredFunds", organisation.registeredFunds().setScale(2, RoundingMode.HALF_UP)
                .divide(new java.math.BigDecimal("10000"), 2, RoundingMode.HALF_UP).toPlainString());
        model.put("authority", AUTHORITY);
        model.put("date", DAY.format(organisation.registeredOn()));
        return new Document("organisation/certificate", model, (String) model.get("title"),
                "organisation-certificate:" + organisation.id() + ":" + organisation.certificateNo(),
                organisation.registeredOn().atStartOfDay());
    }
}
