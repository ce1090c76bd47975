package cn.minzheng.bureau.elderly;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.minzheng.bureau.access.Groups;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.elderly.ElderlyCardRepository.Application;
import cn.minzheng.bureau.elderly.ElderlyCardRepository.Card;
import cn.minzheng.bureau.elderly.ElderlyCardRepository.Registration;
import cn.minzheng.bureau.elderly.ElderlyCardRepository.Resident;
import cn.minzheng.bureau.engine.EngineClock;
import cn.minzheng.bureau.household.ResidentIdNumber;
import cn.minzheng.bureau.region.Region;
import cn.minzheng.bureau.region.RegionRepository;

/**
 * The rules of the 老年人优待证 and what they write: registration (a registered resident of the clerk's township,
 * 60 or older, no valid card for a first card, a valid card for 补办, one open application), the township's
 * review (a refusal needs its reason) and the issue of a numbered card. Called by the steps and the controller.
 */
@Service
public class ElderlyCardService {

    private final ElderlyCardRepository cards;
    private final RegionRepository regions;

    public ElderlyCardService(ElderlyCardRepository cards, RegionRepository regions) {
        this.cards = cards;
        this.regions = regions;
    }

    /** 登记申请: every rule checked before anything is written. */
    @Transactional
    public Application register(String idNumberText, CardKind kind, String lossNote, List<String> groups,
                                String processInstanceId, String actor) {
        if (idNumberText == null || !ResidentIdNumber.isValid(idNumberText)) {
            throw new RuleViolation("INVALID_ID_NUMBER", "申请人身份证号码“" + (idNumberText == null ? "" : idNumberText.trim())
                    + "”无效");
        }
        ResidentIdNumber idNumber = ResidentIdNumber.parse(idNumberText);
        if (kind == null) {
            throw new RuleViolation("MISSING_DECISION", "请选择申请类型（申领或补办）");
        }
        Resident resident = cards.resident(idNumber.value()).orElseThrow(() -> new RuleViolation("NOT_A_RESIDENT",
                "身份证号码为" + idNumber.masked() + "的申请人不是登记在册的家庭成员，请先登记家庭", 404));
        if (!groups.contains(Groups.clerk(resident.townshipCode()))) {
            throw new RuleViolation("OUTSIDE_AREA", "您只能登记本乡镇（街道）居民的老年人优待证申请", 403);
        }
        ElderlyCardRules.requireOldEnough(idNumber.birthDate(), EngineClock.today());
        if (cards.hasOpenApplication(idNumber.value())) {
            throw new RuleViolation("APPLICATION_OPEN", resident.name() + "已有一件老年人优待证申请正在办理", 409);
        }
        Long replaces = null;
        String note = lossNote == null || lossNote.isBlank() ? null : lossNote.trim();
        if (kind == CardKind.NEW) {
            cards.validCard(idNumber.value()).ifPresent(card -> {
                throw new RuleViolation("CARD_ALREADY_VALID", resident.name() + "已持有有效的老年人优待证（证号"
                        + card.cardNumber() + "），遗失的请选择“补办”", 409);
            });
        } else {
            Card valid = cards.validCard(idNumber.value()).orElseThrow(() -> new RuleViolation("NO_VALID_CARD",
                    resident.name() + "没有有效的老年人优待证，无需补办，请选择“申领”", 409));
            if (note == null) {
                throw new RuleViolation("MISSING_LOSS_NOTE", "补办须写明遗失情况");
            }
            if (note.length() > 500) {
                throw new RuleViolation("TOO_LONG", "遗失情况不能超过500字");
            }
            replaces = valid.id();
        }
        long id = cards.register(new Registration(kind, idNumber.value(), resident, replaces, note), processInstanceId, actor);
        return get(id);
    }

    public Application get(long applicationId) {
        return cards.application(applicationId).orElseThrow(() -> RuleViolation.notFound("老年人优待证申请" + applicationId));
    }

    /** 乡镇（街道）审核: approval or refusal, a refusal with its reason. Returns whether approved. */
    @Transactional
    public boolean review(long applicationId, String decision, String comment, String reviewer) {
        Application a = open(applicationId);
        String reason = comment == null || comment.isBlank() ? null : comment.trim();
        if (reason != null && reason.length() > 1000) {
            throw new RuleViolation("TOO_LONG", "审核意见不能超过1000字");
        }
        if (ElderlyCardProcess.REFUSE.equals(decision)) {
            if (reason == null) {
                throw new RuleViolation("MISSING_REASON", "不予发证须写明理由");
            }
            cards.refuse(a, reviewer, reason);
            return false;
        }
        if (!ElderlyCardProcess.APPROVE.equals(decision)) {
            throw new RuleViolation("MISSING_DECISION", "请选择审核结果（同意发证或不予发证）");
        }
        cards.approve(a, reviewer, reason);
        return true;
    }

    /** 发证: the next number of the township's year; a replacement marks the lost card replaced first. */
    @Transactional
    public Card issue(long applicationId, String actor) {
        Application a = open(applicationId);
        LocalDate today = EngineClock.today();
        int year = today.getYear();
        int sequence = cards.nextSequence(a.townshipCode(), year);
        return cards.issue(a, ElderlyCardRules.cardNumber(a.townshipCode(), year, sequence), year, sequence, today, actor);
    }

    /** What the review form shows of the application. */
    public String summary(Application a) {
        StringBuilder s = new StringBuilder();
        s.append("申请类型：").append(a.kind().label()).append('\n');
        s.append("申请人：").append(a.applicantName()).append("，身份证号码")
                .append(ResidentIdNumber.parse(a.idNumber()).masked()).append('\n');
        s.append("出生日期：").append(a.birthDate()).append("，现年")
                .append(ElderlyCardRules.ageOn(a.birthDate(), EngineClock.today())).append("周岁");
        if (a.replacesCardId() != null) {
            Card old = cards.card(a.replacesCardId()).orElseThrow();
            s.append('\n').append("原证号：").append(old.cardNumber()).append("（").append(old.issuedOn()).append("发证）");
            s.append('\n').append("遗失情况：").append(a.lossNote());
        }
        return s.toString();
    }

    public String townshipName(String townshipCode) {
        return regions.find(townshipCode).map(Region::name).orElse(townshipCode);
    }

    private Application open(long applicationId) {
        Application a = get(applicationId);
        if (a.status() != ApplicationStatus.REGISTERED) {
            throw new RuleViolation("ALREADY_DECIDED", "该老年人优待证申请已办结", 409);
        }
        return a;
    }
}
