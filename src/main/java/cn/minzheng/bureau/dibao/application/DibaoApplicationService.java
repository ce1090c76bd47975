package cn.minzheng.bureau.dibao.application;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.minzheng.bureau.access.CurrentUser;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.common.TextRules;
import cn.minzheng.bureau.dibao.CaseCategory;
import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.dibao.DibaoCaseRepository;
import cn.minzheng.bureau.household.Household;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.household.HouseholdValidator;
import cn.minzheng.bureau.household.Labelled;
import cn.minzheng.bureau.region.Region;
import cn.minzheng.bureau.region.RegionRepository;

/** Registers 低保 applications: one validation and one write path for the start form and the REST API. */
@Service
public class DibaoApplicationService {

    private final HouseholdValidator householdValidator;
    private final HouseholdRepository households;
    private final DibaoCaseRepository cases;
    private final RuntimeService runtimeService;
    private final CurrentUser currentUser;
    private final RegionRepository regions;

    public DibaoApplicationService(HouseholdValidator householdValidator, HouseholdRepository households,
                                   DibaoCaseRepository cases, RuntimeService runtimeService, CurrentUser currentUser,
                                   RegionRepository regions) {
        this.householdValidator = householdValidator;
        this.households = households;
        this.cases = cases;
        this.runtimeService = runtimeService;
        this.currentUser = currentUser;
        this.regions = regions;
    }

    /** Validates and stores the household and a new case in status APPLIED; all or nothing. */
    @Transactional
    public DibaoCase register(DibaoApplicationForm form, String actor) {
        return registration(form, actor, null).dibaoCase();
    }

    /** A registered application: the case and the household as validated and stored. */
    public record Registration(DibaoCase dibaoCase, Household household) {
    }

    /**
     * Validates and stores an application; bad input leaves nothing behind (the caller's transaction). The
     * process instance is the one registering it (Tasklist's start form), or null when it starts afterwards.
     */
    public Registration registration(DibaoApplicationForm form, String actor, String processInstanceId) {
        if (form == null) {
            throw new RuleViolation("INVALID_APPLICATION", "申请内容不能为空");
        }
        CaseCategory category = Labelled.parse(CaseCategory.class, form.caseCategory(), "保障类别");
        boolean related = Boolean.TRUE.equals(form.relatedToStaff());
        String staffName = blankToNull(form.relatedStaffName());
        if (related && staffName == null) {
            throw new RuleViolation("INVALID_APPLICATION", "申请人为干部近亲属时，须填写相关工作人员姓名（备案）");
        }
        if (staffName != null && staffName.length() > 30) {
            throw new RuleViolation("INVALID_APPLICATION", "相关工作人员姓名不能超过30个字");
        }
        if (staffName != null && TextRules.nameProblem("相关工作人员姓名", staffName) != null) {
            throw new RuleViolation("INVALID_APPLICATION", TextRules.nameProblem("相关工作人员姓名", staffName));
        }
        String staffUser = related ? blankToNull(form.relatedStaffUserId()) : null;
        if (staffUser != null && !staffUser.matches("[a-zA-Z0-9][a-zA-Z0-9._-]{0,63}")) {
            throw new RuleViolation("INVALID_APPLICATION", "相关工作人员的系统账号格式不正确");
        }
        if (staffUser != null && staffUser.equals(actor)) {
            throw new RuleViolation("RELATED_STAFF_RECUSAL", "您是申请人的近亲属，须回避，不能登记此申请", 403);
        }
        requireOwnArea(form);
        Household household = householdValidator.validate(form.household());
        long householdId = households.insert(household);
        return new Registration(
                cases.insert(householdId, household, category, related, related ? staffName : null, staffUser, actor,
                        processInstanceId),
                household);
    }

    /** The REST route: registers the application and starts its process in the same transaction. */
    @Transactional
    public DibaoCase submit(DibaoApplicationForm form, String actor) {
        DibaoCase registered = register(form, actor);
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(DibaoApplicationProcess.KEY,
                registered.caseNumber(), Map.of(DibaoApplicationProcess.VAR_CASE_ID, registered.id()));
        cases.attachProcess(registered.id(), instance.getId());
        return cases.find(registered.id()).orElseThrow();
    }

    /**
     * A clerk registers applications of their own township only, whichever way the application comes in
     * (Tasklist's start form, the engine REST API, the project's API); district roles register for any.
     */
    private void requireOwnArea(DibaoApplicationForm form) {
        String township = form.household() == null ? null : form.household().townshipCode();
        if (township == null || !currentUser.isAuthenticated() || currentUser.maySee(township)) {
            return;
        }
        String name = regions.findCurrent(township).map(Region::name).orElse("所选乡镇（街道）");
        throw new RuleViolation("OUTSIDE_AREA", "您只能登记本乡镇（街道）的申请，" + name + "不在您的工作范围内", 403);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
