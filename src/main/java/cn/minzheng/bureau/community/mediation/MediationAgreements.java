package cn.minzheng.bureau.community.mediation;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.access.StaffNames;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.community.mediation.CivilMediationRepository.Dispute;
import cn.minzheng.bureau.community.mediation.CivilMediationRepository.Party;
import cn.minzheng.bureau.community.mediation.CivilMediationRepository.Session;
import cn.minzheng.bureau.documents.Document;
import cn.minzheng.bureau.region.Region;
import cn.minzheng.bureau.region.RegionRepository;

/**
 * 人民调解协议书 of a dispute that ended in an agreement, built from the stored dispute, its parties and sessions
 * (community_dispute, community_dispute_party, community_mediation_session): the parties, the facts in dispute,
 * how it was mediated, the agreement, and a line for each party's and the mediator's signature. Dated the day the
 * agreement was recorded, so the same dispute always gives the same document.
 */
@Component
public class MediationAgreements {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final CivilMediationRepository disputes;
    private final RegionRepository regions;
    private final StaffNames staffNames;

    public MediationAgreements(CivilMediationRepository disputes, RegionRepository regions, StaffNames staffNames) {
        this.disputes = disputes;
        this.regions = regions;
        this.staffNames = staffNames;
    }

    public Document agreement(Dispute dispute) {
        if (!"AGREED".equals(dispute.status()) || dispute.closedAt() == null) {
            throw new RuleViolation("NO_AGREEMENT", "纠纷" + number(dispute) + "尚未达成调解协议，没有调解协议书", 409);
        }
        LocalDateTime agreedAt = dispute.closedAt().toLocalDateTime();
        List<Session> sessions = disputes.sessions(dispute.id());
        String committee = regions.find(dispute.communityCode()).map(Region::name).orElse(dispute.communityCode())
                + "人民调解委员会";
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("committee", committee);
        model.put("number", number(dispute));
        model.put("parties", disputes.parties(dispute.id()).stream().map(MediationAgreements::party).toList());
        model.put("subject", dispute.subject());
        model.put("sessions", sessions.stream().map(s -> Map.of(
                "date", DAY.format(s.heldOn()), "summary", s.summary() == null ? "" : s.summary())).toList());
        model.put("agreement", dispute.agreement());
        model.put("mediator", sessions.isEmpty() ? "" : staffNames.of(sessions.get(sessions.size() - 1).mediator()));
        model.put("date", DAY.format(agreedAt));
        return new Document("community/mediation-agreement", model, "人民调解协议书",
                "mediation-agreement:" + dispute.id() + ":" + agreedAt, agreedAt);
    }

    /** The agreement's number: （year of registration）调字第 id 号. */
    static String number(Dispute dispute) {
        int year = dispute.registeredAt().toLocalDateTime().getYear();
        return "（" + year + "）调字第" + dispute.id() + "号";
    }

    private static Map<String, String> party(Party party) {
        return Map.of("role", CivilMediationService.ROLES.getOrDefault(party.role(), party.role()),
                "name", party.partyName(), "contact", party.contact() == null ? "" : party.contact());
    }
}
