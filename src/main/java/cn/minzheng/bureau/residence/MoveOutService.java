package cn.minzheng.bureau.residence;

import java.time.LocalDate;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.minzheng.bureau.access.Groups;
import cn.minzheng.bureau.common.FormDate;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.common.TextRules;
import cn.minzheng.bureau.engine.EngineClock;
import cn.minzheng.bureau.household.ResidentIdNumber;
import cn.minzheng.bureau.program.LeavingArea;
import cn.minzheng.bureau.region.Region;
import cn.minzheng.bureau.region.RegionRepository;

/**
 * 户籍迁出登记: a registered resident of the clerk's township, alive and not moved out already, a move dated by
 * {@link LeavingArea}, where to; every rule checked before anything is written, then every program told
 * ({@link ProgramsHearMoveOut}) in the same transaction. Called by the process's step (Tasklist, engine REST) and
 * through it by /api.
 */
@Service
public class MoveOutService {

    private final MoveOutRepository moveOuts;
    private final ProgramsHearMoveOut programs;
    private final RegionRepository regions;

    public MoveOutService(MoveOutRepository moveOuts, ProgramsHearMoveOut programs, RegionRepository regions) {
        this.moveOuts = moveOuts;
        this.programs = programs;
        this.regions = regions;
    }

    /** What the start form (or /api) sends, as sent. */
    public record Form(Object idNumber, Object movedOn, Object destination, Object transferReference) {
    }

    @Transactional
    public MoveOut record(Form form, List<String> groups, String processInstanceId, String actor) {
        String idText = form.idNumber() == null ? "" : form.idNumber().toString().trim();
        if (idText.isEmpty()) {
            throw new RuleViolation("MISSING_FIELD", "迁出人身份证号码不能为空");
        }
        if (!ResidentIdNumber.isValid(idText)) {
            throw new RuleViolation("INVALID_ID_NUMBER", "迁出人身份证号码“" + idText + "”无效");
        }
        ResidentIdNumber idNumber = ResidentIdNumber.parse(idText);
        MoveOutRepository.Person person = moveOuts.person(idNumber.value()).orElseThrow(() -> new RuleViolation(
                "NOT_A_RESIDENT", "身份证号码为" + idNumber.masked() + "的人不是登记在册的家庭成员，无法登记迁出", 404));
        if (!groups.contains(Groups.clerk(person.townshipCode()))) {
            throw new RuleViolation("OUTSIDE_AREA", "您只能登记本乡镇（街道）居民的户籍迁出", 403);
        }
        if (person.diedOn() != null) {
            throw new RuleViolation("PERSON_DECEASED", person.name() + "已于" + person.diedOn() + "死亡，无需登记迁出", 409);
        }
        if (person.movedOutOn() != null) {
            throw new RuleViolation("ALREADY_MOVED_OUT", person.name() + "已于" + person.movedOutOn() + "登记迁出本区", 409);
        }
        LocalDate movedOn = FormDate.parse(form.movedOn(), "迁出日期");
        LeavingArea.checkMoveDate(idNumber.birthDate(), movedOn, EngineClock.today());
        String destination = TextRules.required(form.destination(), "迁往地（省市县）", 100);
        String reference = TextRules.optional(form.transferReference(), "户口迁移证明编号", 50);
        long id;
        try {
            id = moveOuts.insert(idNumber.value(), person, movedOn, destination, reference, processInstanceId, actor);
        } catch (DuplicateKeyException e) {
            throw new RuleViolation("ALREADY_MOVED_OUT", person.name() + "于" + movedOn + "的迁出已经登记", 409);
        }
        MoveOut recorded = get(id);
        moveOuts.saveEffects(id, String.join("\n", programs.hear(recorded, actor)));
        return get(id);
    }

    public MoveOut get(long id) {
        return moveOuts.find(id).orElseThrow(() -> RuleViolation.notFound("迁出登记" + id));
    }

    public String regionName(String code) {
        return regions.find(code).map(Region::name).orElse(code);
    }
}
