package cn.minzheng.bureau.relief.rebuilding;

import static cn.minzheng.bureau.relief.rebuilding.HouseRebuildingProcess.*;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.Actor;
import cn.minzheng.bureau.common.Quantities;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.common.TaskInput;

/** What the user tasks of house-rebuilding.bpmn submit, checked and stored (${rebuildingTasks.…}). */
@Component("rebuildingTasks")
public class RebuildingTaskListeners {

    private final RebuildingRepository rebuildings;

    public RebuildingTaskListeners(RebuildingRepository rebuildings) {
        this.rebuildings = rebuildings;
    }

    /** 申请或评议提名: the household applies, or the village nominates it; rooms to rebuild. */
    public void apply(DelegateTask task) {
        TaskInput input = new TaskInput(task);
        String source = input.choice("source", "申请方式（本人申请或村委会提名）", List.of("APPLICATION", "NOMINATION"));
        int collapsed = ((Number) task.getVariable("collapsedRooms")).intValue();
        int rooms = (int) Quantities.whole(task.getVariable("rooms"), "重建间数", 1, collapsed);
        task.setVariable("rooms", rooms);
        String actor = Actor.of(task);
        task.setVariable("appliedBy", actor);
        rebuildings.apply(RebuildingActions.rebuildingId(task), source, rooms, actor);
    }

    /** 民主评议: the village committee's vote; a majority of those present agrees. */
    public void appraise(DelegateTask task) {
        TaskInput input = new TaskInput(task);
        int attendees = (int) Quantities.whole(task.getVariable("appraisalAttendees"), "参加评议人数", 1, 500);
        int votesFor = (int) Quantities.whole(task.getVariable("appraisalVotesFor"), "同意票数", 0, attendees);
        String minutes = input.text("appraisalMinutes", "评议记录", 1000);
        boolean agreed = votesFor * 2 > attendees;
        rebuildings.appraise(RebuildingActions.rebuildingId(task), agreed, votesFor, attendees, minutes);
        task.setVariable("appraisalAgreed", agreed);
        if (!agreed) {
            task.setVariable("rejectionReason", "民主评议未通过（" + votesFor + "/" + attendees + "票同意）");
        }
    }

    /** Completing the public notice before it ends means an objection: back to the appraisal. */
    public void objection(DelegateTask task) {
        String objection = new TaskInput(task).text("objection", "异议内容", 1000);
        rebuildings.objection(RebuildingActions.rebuildingId(task), objection);
    }

    public void townshipReview(DelegateTask task) {
        if (decide(task, "townshipDecision", "townshipComment", "乡镇（街道）审核未通过：")) {
            rebuildings.townshipReviewed(RebuildingActions.rebuildingId(task), Actor.of(task));
        }
    }

    public void districtApproval(DelegateTask task) {
        if (decide(task, "districtDecision", "districtComment", "区民政局审批未通过：")) {
            rebuildings.approved(RebuildingActions.rebuildingId(task), Actor.of(task));
        }
    }

    /** 重建竣工确认: the date the house was finished and what the inspection found. */
    public void confirmRebuilt(DelegateTask task) {
        TaskInput input = new TaskInput(task);
        String text = input.text("rebuiltOn", "竣工日期", 30);
        LocalDate rebuiltOn;
        try {
            rebuiltOn = LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw new RuleViolation("INVALID_DATE", "竣工日期格式不正确，应为“2026-11-20”");
        }
        if (rebuiltOn.isAfter(LocalDate.now())) {
            throw new RuleViolation("INVALID_DATE", "竣工日期不能晚于今天");
        }
        rebuildings.rebuilt(RebuildingActions.rebuildingId(task), rebuiltOn, input.text("inspectionNote", "验收意见", 1000));
    }

    private static boolean decide(DelegateTask task, String decisionVariable, String commentVariable, String rejectedAt) {
        TaskInput input = new TaskInput(task);
        String decision = input.choice(decisionVariable, "决定（同意或不同意）", List.of(APPROVE, REJECT));
        if (REJECT.equals(decision)) {
            task.setVariable("rejectionReason", rejectedAt + input.text(commentVariable, "不同意的理由", 1000));
            return false;
        }
        return true;
    }
}
