package cn.minzheng.bureau.tekun;

import static cn.minzheng.bureau.tekun.TekunReviewProcess.*;

import java.time.LocalDate;
import java.time.Year;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.Actor;
import cn.minzheng.bureau.region.Region;
import cn.minzheng.bureau.region.RegionRepository;

/**
 * What the two BPMNs of 特困人员年度复核 call: ${tekunReviewSteps.…}. The campaign lists the persons; each person's
 * re-assessment is its own instance (a call activity), so its variables never mix with another person's.
 */
@Component
public class TekunReviewSteps {

    private final TekunReviewService service;
    private final TekunService tekun;
    private final TekunReviewSettings settings;
    private final RegionRepository regions;

    public TekunReviewSteps(TekunReviewService service, TekunService tekun, TekunReviewSettings settings,
                            RegionRepository regions) {
        this.service = service;
        this.tekun = tekun;
        this.settings = settings;
        this.regions = regions;
    }

    /** 列出本年度复核对象: the year (given, or this one), the due date of the townships, the persons listed. */
    public void list(DelegateExecution execution) {
        Integer given = REVIEW_YEAR.get(execution);
        int year = given == null ? Year.now().getValue() : given;
        REVIEW_YEAR.set(execution, year);
        DEADLINE.set(execution, LocalDate.now().plus(settings.getAnnualReviewDeadline()).atTime(23, 59, 59).toString());
        REVIEW_COUNT.set(execution, service.list(year, execution.getProcessInstanceId()).size());
    }

    /** The call activity's collection: the rows this campaign listed. */
    public List<Long> reviews(DelegateExecution execution) {
        return service.listed(execution.getProcessInstanceId());
    }

    /** 打开复核: the person's case, township and what the forms show; the instance's business key is the case's. */
    public void open(DelegateExecution execution) {
        TekunReview r = service.get(REVIEW_ID.require(execution));
        TekunCase c = service.caseOf(r);
        service.attach(r.id(), execution.getProcessInstanceId());
        CASE_ID.set(execution, c.id());
        TOWNSHIP_CODE.set(execution, c.townshipCode());
        CASE_NUMBER.set(execution, c.caseNumber());
        APPLICANT_NAME.set(execution, c.personName());
        TOWNSHIP_NAME.set(execution, regions.findCurrent(c.townshipCode()).map(Region::name).orElse(c.townshipCode()));
        COMMUNITY_NAME.set(execution, service.communityName(c));
        execution.setProcessBusinessKey(c.caseNumber() + "-FH" + r.reviewYear());
    }

    /** The township's task is created: the case now, the register's check, and the care as it stands to start from. */
    public void show(DelegateTask task) {
        TekunCase c = service.caseOf(service.get(REVIEW_ID.require(task)));
        CASE_SUMMARY.set(task, REVIEW_YEAR.require(task) + "年度复核。" + tekun.summary(c));
        AMOUNT_SUMMARY.set(task, "现" + tekun.amountSummary(c));
        REGISTER_CHECK.set(task, service.registerCheck(c));
        CARE_MODE.set(task, c.careMode().name());
        CARE_INSTITUTION.set(task, c.careInstitution());
        CARER_NAME.set(task, c.carerName());
        CARE_AGREEMENT.set(task, c.careAgreement());
    }

    /** 乡镇（街道）年度复核 completed: validated in full; the outcome decides the path. */
    public void reassess(DelegateTask task) {
        String outcome = service.answer(REVIEW_ID.require(task), new TekunReviewService.Answer(
                NO_WORK_ABILITY.get(task), NO_INCOME.get(task), NO_SUPPORTER.get(task), OUTCOME.get(task),
                END_REASON.get(task), CARE_MODE.get(task), CARE_INSTITUTION.get(task), CARER_NAME.get(task),
                CARE_AGREEMENT.get(task), SELF_CARE_LEVEL.get(task), FINDING.get(task)), Actor.of(task));
        OUTCOME.set(task, outcome);
        OUTCOME_SUMMARY.set(task, service.outcomeSummary(service.get(REVIEW_ID.require(task))));
    }

    /** 区民政局核准终止供养 completed. */
    public void decideEnd(DelegateTask task) {
        DISTRICT_DECISION.set(task, service.decideEnd(REVIEW_ID.require(task), DISTRICT_DECISION.get(task),
                DISTRICT_COMMENT.get(task), Actor.of(task)));
    }

    /** 继续供养（按复核结果）. */
    public void continueSupport(DelegateExecution execution) {
        service.continueSupport(REVIEW_ID.require(execution), Actor.currentOrNull(execution));
    }

    /** 终止供养. */
    public void endSupport(DelegateExecution execution) {
        service.endSupport(REVIEW_ID.require(execution), Actor.currentOrNull(execution));
    }
}
