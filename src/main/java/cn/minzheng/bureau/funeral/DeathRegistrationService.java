package cn.minzheng.bureau.funeral;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.minzheng.bureau.access.Groups;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.common.TextRules;
import cn.minzheng.bureau.engine.EngineClock;
import cn.minzheng.bureau.funeral.DeathRegistrationRepository.Person;
import cn.minzheng.bureau.funeral.DeathRegistrationRepository.Registration;
import cn.minzheng.bureau.household.Labelled;
import cn.minzheng.bureau.household.ResidentIdNumber;
import cn.minzheng.bureau.region.Region;
import cn.minzheng.bureau.region.RegionRepository;

/**
 * The rules of a death record and what it writes: registration (a registered resident of the clerk's township, a
 * death date neither in the future nor before birth, one death per person, a burial that fits the cremation), the
 * township reviewer's check (a refusal needs its reason) and, once confirmed, every program told
 * ({@link ProgramsHearDeath}). Called by the steps and the controller alike.
 */
@Service
public class DeathRegistrationService {

    private final DeathRegistrationRepository deaths;
    private final ProgramsHearDeath programs;
    private final RegionRepository regions;

    public DeathRegistrationService(DeathRegistrationRepository deaths, ProgramsHearDeath programs, RegionRepository regions) {
        this.deaths = deaths;
        this.programs = programs;
        this.regions = regions;
    }

    /** What the start form (or /api) sends, as sent. */
    public record Form(Object idNumber, Object deathDate, Object deathPlace, Object source, Object sourceReference,
                       Object cremated, Object burialKind) {
    }

    /** 登记死亡: every rule checked before anything is written. */
    @Transactional
    public DeathRecord register(Form form, List<String> groups, String processInstanceId, String actor) {
        String idText = form.idNumber() == null ? "" : form.idNumber().toString().trim();
        if (idText.isEmpty()) {
            throw new RuleViolation("MISSING_FIELD", "死者身份证号码不能为空");
        }
        if (!ResidentIdNumber.isValid(idText)) {
            throw new RuleViolation("INVALID_ID_NUMBER", "死者身份证号码“" + idText + "”无效");
        }
        ResidentIdNumber idNumber = ResidentIdNumber.parse(idText);
        Person person = deaths.person(idNumber.value()).orElseThrow(() -> new RuleViolation("NOT_A_RESIDENT",
                "身份证号码为" + idNumber.masked() + "的人不是登记在册的家庭成员，无法登记死亡", 404));
        if (!groups.contains(Groups.clerk(person.townshipCode()))) {
            throw new RuleViolation("OUTSIDE_AREA", "您只能登记本乡镇（街道）居民的死亡", 403);
        }
        deaths.recordedFor(idNumber.value()).ifPresent(existing -> {
            throw new RuleViolation("DEATH_ALREADY_RECORDED", person.name() + "的死亡已于" + existing.registeredAt()
                    .toLocalDateTime().toLocalDate() + "登记（" + existing.recordNumber() + "，" + existing.status().label()
                    + "），同一人只能登记一次", 409);
        });
        LocalDate deathDate = DeathRules.parseDate(form.deathDate());
        DeathRules.checkDeathDate(idNumber.birthDate(), deathDate, EngineClock.today());
        String place = TextRules.required(form.deathPlace(), "死亡地点", 200);
        DeathSource source = Labelled.parse(DeathSource.class, form.source(), "信息来源");
        String reference = TextRules.optional(form.sourceReference(), "证明编号（火化证明、死亡医学证明等）", 100);
        if (source == DeathSource.FUNERAL_HOME && reference == null) {
            throw new RuleViolation("MISSING_FIELD", "殡仪馆火化记录须填写火化证明编号");
        }
        boolean cremated = cremated(form.cremated());
        if (source == DeathSource.FUNERAL_HOME && !cremated) {
            throw new RuleViolation("FUNERAL_HOME_CREMATES", "信息来源为殡仪馆火化记录的，应为已火化");
        }
        BurialKind burial = Labelled.parse(BurialKind.class, form.burialKind(), "安葬方式");
        DeathRules.checkBurial(cremated, burial);
        long id = deaths.register(new Registration(idNumber.value(), person, deathDate, place, source, reference, cremated,
                burial), EngineClock.today().getYear(), processInstanceId, actor);
        return get(id);
    }

    private static boolean cremated(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value == null || value.toString().isBlank()) {
            throw new RuleViolation("MISSING_FIELD", "请选择是否火化");
        }
        return switch (value.toString().trim()) {
            case "true", "YES" -> true;
            case "false", "NO" -> false;
            default -> throw new RuleViolation("INVALID_CODE", "是否火化的取值“" + value + "”无效，可选：true（已火化）、false（未火化）");
        };
    }

    public DeathRecord get(long id) {
        return deaths.find(id).orElseThrow(() -> RuleViolation.notFound("死亡登记" + id));
    }

    /** 乡镇（街道）审核: confirmed, or refused with its reason (the person may then be registered again). */
    @Transactional
    public boolean review(long id, String decision, String comment, String reviewer) {
        DeathRecord record = get(id);
        if (record.status() != DeathStatus.REGISTERED) {
            throw new RuleViolation("ALREADY_DECIDED", "死亡登记" + record.recordNumber() + "已审核", 409);
        }
        String reason = TextRules.optional(comment, "审核意见", 1000);
        if (DeathRegistrationProcess.REFUSE.equals(decision)) {
            if (reason == null) {
                throw new RuleViolation("MISSING_REASON", "不予确认须写明理由");
            }
            deaths.refuse(id, reviewer, reason);
            return false;
        }
        if (!DeathRegistrationProcess.CONFIRM.equals(decision)) {
            throw new RuleViolation("MISSING_DECISION", "请选择审核结果（确认死亡或不予确认）");
        }
        deaths.confirm(id, reviewer, reason);
        return true;
    }

    /** 通知各救助项目: each program ends, reviews or recovers; what was done is kept on the record. */
    @Transactional
    public DeathRecord notifyPrograms(long id, String actor) {
        DeathRecord record = get(id);
        if (record.status() != DeathStatus.CONFIRMED || record.effects() != null) {
            throw new IllegalStateException("death record " + id + " is not confirmed or was heard already");
        }
        deaths.saveEffects(id, String.join("\n", programs.hear(record, actor)));
        return get(id);
    }

    /** What the review form shows of the record. */
    public String summary(DeathRecord r) {
        return "死者：" + r.personName() + "，身份证号码" + ResidentIdNumber.parse(r.idNumber()).masked() + "，出生日期"
                + r.birthDate() + '\n'
                + "死亡日期：" + r.deathDate() + "，死亡地点：" + r.deathPlace() + '\n'
                + "信息来源：" + r.source().label() + (r.sourceReference() == null ? "" : "（" + r.sourceReference() + "）") + '\n'
                + "是否火化：" + (r.cremated() ? "已火化" : "未火化") + "，安葬方式：" + r.burialKind().label();
    }

    public String regionName(String code) {
        return regions.find(code).map(Region::name).orElse(code);
    }
}
