package cn.minzheng.bureau.relief.rebuilding;

import static cn.minzheng.bureau.relief.rebuilding.HouseRebuildingProcess.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.Actor;
import cn.minzheng.bureau.common.TaskInput;
import cn.minzheng.bureau.engine.ProcessVariable;
import cn.minzheng.bureau.relief.rebuilding.HouseRebuildingService.Opened;

/**
 * What house-rebuilding.bpmn calls (${houseRebuildingSteps.…}): each step reads the variables, calls
 * {@link HouseRebuildingService} or the repository, and sets what the gateways and forms need.
 */
@Component
public class HouseRebuildingSteps {

    private final HouseRebuildingService service;
    private final RebuildingRepository rebuildings;

    public HouseRebuildingSteps(HouseRebuildingService service, RebuildingRepository rebuildings) {
        this.service = service;
        this.rebuildings = rebuildings;
    }

    /** 登记倒房户 (start of the called process, per collapsed house of the disaster's roster). */
    public void open(DelegateExecution execution) {
        Opened opened = service.open(DISASTER_ID.require(execution), HOUSEHOLD_ID.require(execution),
                execution.getProcessInstanceId());
        REBUILDING_ID.set(execution, opened.rebuildingId());
        TOWNSHIP_CODE.set(execution, opened.household().townshipCode());
        HEAD_NAME.set(execution, opened.household().headName());
        HOUSEHOLD_ADDRESS.set(execution, opened.address());
        COLLAPSED_ROOMS.set(execution, opened.household().damagedRooms());
    }

    /** 申请或评议提名: the household applies, or the village nominates it; rooms to rebuild. */
    public void apply(DelegateTask task) {
        String source = new TaskInput(task).choice(SOURCE.name(), "申请方式（本人申请或村委会提名）",
                List.of("APPLICATION", "NOMINATION"));
        String actor = Actor.of(task);
        int rooms = service.apply(rebuildingId(task), source, ROOMS.get(task), COLLAPSED_ROOMS.require(task), actor);
        ROOMS.set(task, rooms);
        APPLIED_BY.set(task, actor);
    }

    /** 民主评议: the village committee's vote. */
    public void appraise(DelegateTask task) {
        String minutes = new TaskInput(task).text(APPRAISAL_MINUTES.name(), "评议记录", 1000);
        Object attendees = APPRAISAL_ATTENDEES.get(task);
        Object votesFor = APPRAISAL_VOTES_FOR.get(task);
        boolean agreed = service.appraise(rebuildingId(task), attendees, votesFor, minutes);
        APPRAISAL_AGREED.set(task, agreed);
        if (!agreed) {
            REJECTION_REASON.set(task, HouseRebuildingService.appraisalRejection(attendees, votesFor));
        }
    }

    /** Completing the public notice before it ends means an objection: back to the appraisal. */
    public void objection(DelegateTask task) {
        rebuildings.objection(rebuildingId(task), new TaskInput(task).text(OBJECTION.name(), "异议内容", 1000));
    }

    public void townshipReview(DelegateTask task) {
        if (decide(task, TOWNSHIP_DECISION, TOWNSHIP_COMMENT, "乡镇（街道）审核未通过：")) {
            rebuildings.townshipReviewed(rebuildingId(task), Actor.of(task));
        }
    }

    public void districtApproval(DelegateTask task) {
        if (decide(task, DISTRICT_DECISION, DISTRICT_COMMENT, "区民政局审批未通过：")) {
            rebuildings.approved(rebuildingId(task), Actor.of(task));
        }
    }

    /** 核定补助 (service task). */
    public void calculateGrant(DelegateExecution execution) {
        int rooms = ((Number) ROOMS.require(execution)).intValue();
        GRANT_AMOUNT.set(execution, service.grant(rebuildingId(execution), rooms));
    }

    /** 重建竣工确认. */
    public void confirmRebuilt(DelegateTask task) {
        TaskInput input = new TaskInput(task);
        String rebuiltOn = input.text(REBUILT_ON.name(), "竣工日期", 30);
        service.rebuilt(rebuildingId(task), rebuiltOn, input.text(INSPECTION_NOTE.name(), "验收意见", 1000));
    }

    public void close(DelegateExecution execution) {
        rebuildings.close(rebuildingId(execution), REJECTION_REASON.get(execution));
    }

    private static boolean decide(DelegateTask task, ProcessVariable<String> decisionVariable,
                                  ProcessVariable<String> commentVariable, String rejectedAt) {
        TaskInput input = new TaskInput(task);
        String decision = input.choice(decisionVariable.name(), "决定（同意或不同意）", List.of(APPROVE, REJECT));
        if (REJECT.equals(decision)) {
            REJECTION_REASON.set(task, rejectedAt + input.text(commentVariable.name(), "不同意的理由", 1000));
            return false;
        }
        return true;
    }

    private static long rebuildingId(VariableScope scope) {
        return REBUILDING_ID.require(scope);
    }
}
