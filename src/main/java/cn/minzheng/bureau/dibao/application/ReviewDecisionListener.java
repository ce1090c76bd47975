package cn.minzheng.bureau.dibao.application;

import static cn.minzheng.bureau.dibao.application.DibaoApplicationProcess.*;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.access.StaffNames;
import cn.minzheng.bureau.common.Actor;
import cn.minzheng.bureau.common.TaskInput;
import cn.minzheng.bureau.dibao.DibaoCaseRepository;

/**
 * 乡镇审核 and 区民政局审批 completed: the decision is recorded with who and why; a rejection
 * carries its reason to the applicant. The approver's form shows the decisions so far and the reviewer
 * by name and post ("李建国（岳村乡审核人）"); the user ids stay in the decisions and in reviewedBy,
 * which four-eyes reads.
 */
@Component("reviewDecisionListener")
public class ReviewDecisionListener implements TaskListener {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Map<String, String> STEP_NAMES = Map.of(
            TASK_ACCEPT, "受理", TASK_PUBLIC_NOTICE, "公示异议", TASK_REVIEW_BY_TOWNSHIP, "乡镇审核",
            TASK_APPROVE_BY_DISTRICT, "区级审批");
    private static final Map<String, String> DECISION_NAMES = Map.of(
            ACCEPT, "受理", RETURN, "退回补正", APPROVE, "同意", REJECT, "不同意", "OBJECTION", "登记异议");

    /** The reviewer as the approver's form shows them. */
    static final String VAR_REVIEWED_BY_NAME = "reviewedByName";

    private final DibaoCaseRepository cases;
    private final StaffNames staffNames;

    public ReviewDecisionListener(DibaoCaseRepository cases, StaffNames staffNames) {
        this.cases = cases;
        this.staffNames = staffNames;
    }

    /** The decisions so far, for the approver: who decided what, when and why. */
    private String caseHistory(long caseId) {
        var decisions = cases.decisions(caseId);
        Map<String, String> names = staffNames.of(decisions.stream().map(d -> d.decidedBy()).toList());
        return decisions.stream()
                .map(d -> d.decidedAt().format(WHEN) + "  " + STEP_NAMES.getOrDefault(d.step(), d.step()) + "  "
                        + names.getOrDefault(d.decidedBy(), d.decidedBy()) + "：" + DECISION_NAMES.getOrDefault(d.decision(), d.decision())
                        + (d.comment() == null ? "" : "（" + d.comment() + "）"))
                .collect(Collectors.joining("\n"));
    }

    @Override
    public void notify(DelegateTask task) {
        boolean district = TASK_APPROVE_BY_DISTRICT.equals(task.getTaskDefinitionKey());
        String decisionVariable = district ? VAR_APPROVAL_DECISION : VAR_REVIEW_DECISION;
        String commentVariable = district ? VAR_APPROVAL_COMMENT : VAR_REVIEW_COMMENT;
        String level = district ? "审批" : "审核";
        TaskInput input = new TaskInput(task);
        String decision = input.choice(decisionVariable, level + "决定（同意或不同意）", List.of(APPROVE, REJECT));
        String comment = REJECT.equals(decision)
                ? input.text(commentVariable, "不同意的理由（将告知申请人）", 1000)
                : input.optionalText(commentVariable, level + "意见", 1000);
        String actor = Actor.of(task);
        long caseId = ((Number) task.getVariable(VAR_CASE_ID)).longValue();
        cases.recordDecision(caseId, task.getTaskDefinitionKey(), decision, comment, actor);
        if (!district) {
            task.setVariable("caseHistory", caseHistory(caseId));
            task.setVariable(VAR_REVIEWED_BY_NAME, staffNames.of(actor));
        }
        if (REJECT.equals(decision)) {
            task.setVariable(VAR_REJECTION_REASON, (district ? "区民政局审批未通过：" : "乡镇（街道）审核未通过：") + comment);
        }
    }
}
