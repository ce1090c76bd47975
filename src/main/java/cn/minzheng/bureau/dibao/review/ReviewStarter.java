package cn.minzheng.bureau.dibao.review;

import static cn.minzheng.bureau.dibao.review.ReviewProcess.*;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;

import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.dibao.CaseStatus;
import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.dibao.DibaoCaseRepository;

/** Starts a review of an active case: periodic (the schedule) or after a reported change of circumstances. */
@Service
public class ReviewStarter {

    public static final String PERIODIC = "PERIODIC";
    public static final String CHANGE_REPORTED = "CHANGE_REPORTED";
    public static final String CAMPAIGN = "CAMPAIGN";

    private final DibaoCaseRepository cases;
    private final ReviewRepository reviews;
    private final RuntimeService runtimeService;

    public ReviewStarter(DibaoCaseRepository cases, ReviewRepository reviews, RuntimeService runtimeService) {
        this.cases = cases;
        this.reviews = reviews;
        this.runtimeService = runtimeService;
    }

    /** Returns the process instance id. */
    public String start(long caseId, String kind, String changeDescription) {
        DibaoCase dibaoCase = cases.find(caseId).orElseThrow(() -> RuleViolation.notFound("低保案件" + caseId));
        if (dibaoCase.status() != CaseStatus.APPROVED) {
            throw new RuleViolation("CASE_NOT_ACTIVE", "案件" + dibaoCase.caseNumber() + "当前状态为“"
                    + dibaoCase.status().label() + "”，只有在保案件才能复核", 409);
        }
        if (reviews.hasOpenReview(caseId)) {
            throw new RuleViolation("REVIEW_OPEN", "案件" + dibaoCase.caseNumber() + "已有正在办理的复核，请在该复核中登记变化情况", 409);
        }
        if (CHANGE_REPORTED.equals(kind) && (changeDescription == null || changeDescription.isBlank())) {
            throw new RuleViolation("MISSING_FIELD", "请填写家庭情况变化（如就业、成员迁出、死亡等）");
        }
        if (changeDescription != null && changeDescription.length() > 1000) {
            throw new RuleViolation("FIELD_TOO_LONG", "家庭情况变化不能超过1000个字");
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(CASE_ID.name(), caseId);
        variables.put(KIND.name(), kind);
        variables.put(CHANGE.name(), changeDescription == null ? "" : changeDescription.trim());
        return runtimeService.startProcessInstanceByMessage(MESSAGE_START, dibaoCase.caseNumber(), variables).getId();
    }
}
