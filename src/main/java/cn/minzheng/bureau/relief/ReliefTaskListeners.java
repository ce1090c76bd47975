package cn.minzheng.bureau.relief;

import static cn.minzheng.bureau.relief.DisasterReliefProcess.*;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.Actor;
import cn.minzheng.bureau.common.JsonRows;
import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.common.TaskInput;

/**
 * What each user task of disaster-relief.bpmn submits, read again on the server and stored
 * (complete listeners, ${reliefTasks.…}): a refusal leaves the task open and nothing written.
 */
@Component("reliefTasks")
public class ReliefTaskListeners {

    private final DisasterRepository disasters;
    private final RosterRepository roster;
    private final RosterService rosterService;

    public ReliefTaskListeners(DisasterRepository disasters, RosterRepository roster, RosterService rosterService) {
        this.disasters = disasters;
        this.roster = roster;
        this.rosterService = rosterService;
    }

    public void initialReport(DelegateTask task) {
        fileReport(task, ReportStage.INITIAL);
    }

    public void followUpReport(DelegateTask task) {
        fileReport(task, ReportStage.FOLLOW_UP);
        task.setVariable(VAR_SITUATION_STABLE, new TaskInput(task).flag(VAR_SITUATION_STABLE));
    }

    public void verifiedReport(DelegateTask task) {
        BigDecimal requested = new TaskInput(task).amount(VAR_FUND_REQUESTED, "申请市级救灾资金（元）");
        if (requested.signum() == 0) {
            throw new RuleViolation("INVALID_AMOUNT", "申请市级救灾资金必须大于零");
        }
        fileReport(task, ReportStage.VERIFIED);
        disasters.requestFund(disasterId(task), requested);
    }

    public void handleEscalation(DelegateTask task) {
        String instruction = new TaskInput(task).text("instruction", "督办意见", 1000);
        disasters.handleEscalation(((Number) task.getVariable("escalationId")).longValue(), Actor.of(task), instruction);
        task.removeVariable("instruction");
    }

    /** 逐户登记: the township's rows (and corrections after a send-back) go onto the roster. */
    public void registerHouseholds(DelegateTask task) {
        String township = (String) task.getVariable(VAR_TOWNSHIP_CODE);
        Object removals = task.getVariable(VAR_REMOVE_ID_NUMBERS);
        List<String> remove = removals == null || removals.toString().isBlank() ? List.of()
                : Arrays.stream(removals.toString().trim().split("[,，;；\\s]+")).toList();
        String actor = Actor.of(task);
        rosterService.register(disasterId(task), township, JsonRows.of(task.getVariable(VAR_HOUSEHOLDS), "受灾户清单"),
                remove, actor);
        task.removeVariable(VAR_HOUSEHOLDS);
        task.removeVariable(VAR_REMOVE_ID_NUMBERS);
        task.getExecution().setVariable("rosterRegisteredBy", actor);
        task.getExecution().setVariable("rosterSummary", RosterTotals.of(roster.list(disasterId(task), township)).summary());
    }

    /** 乡镇审核签字: the reviewer signs the township's roster off or sends it back with what to correct. */
    public void signOffRoster(DelegateTask task) {
        TaskInput input = new TaskInput(task);
        String decision = input.choice(VAR_ROSTER_DECISION, "审核结果（签字确认或退回）", List.of(APPROVE, SEND_BACK));
        String comment = SEND_BACK.equals(decision) ? input.text(VAR_ROSTER_COMMENT, "退回原因（需更正的内容）", 1000)
                : input.optionalText(VAR_ROSTER_COMMENT, "审核意见", 1000);
        String township = (String) task.getVariable(VAR_TOWNSHIP_CODE);
        disasters.rosterReviewed(disasterId(task), township,
                APPROVE.equals(decision) ? RosterStatus.SIGNED_OFF : RosterStatus.SENT_BACK, Actor.of(task), comment);
        task.getExecution().setVariable(VAR_ROSTER_DECISION, decision);
        task.getExecution().setVariable("rosterReturnReason", SEND_BACK.equals(decision) ? comment : null);
    }

    public void verifyLosses(DelegateTask task) {
        disasters.verify(disasterId(task), new TaskInput(task).text("verificationNote", "核实意见", 1000));
    }

    public void recordCityFund(DelegateTask task) {
        BigDecimal fund = new TaskInput(task).amount(VAR_CITY_FUND, "市级下拨救灾资金（元）");
        if (fund.signum() == 0) {
            throw new RuleViolation("INVALID_AMOUNT", "市级下拨救灾资金必须大于零");
        }
        disasters.receiveCityFund(disasterId(task), fund);
        task.setVariable(VAR_CITY_FUND, Money.format(fund));
        task.setVariable("fundRecordedBy", Actor.of(task));
    }

    public void approveAllocation(DelegateTask task) {
        TaskInput input = new TaskInput(task);
        String decision = input.choice(VAR_ALLOCATION_DECISION, "审批决定", List.of(APPROVE, REJECT));
        if (REJECT.equals(decision)) {
            input.text(VAR_ALLOCATION_COMMENT, "退回理由", 1000);
        } else {
            disasters.changeStatus(disasterId(task), DisasterStatus.APPROVED);
        }
    }

    /** 发放: every allocated household is paid once; the task refuses when nothing is left to pay. */
    public void payRelief(DelegateTask task) {
        if (!new TaskInput(task).flag("paymentIssued")) {
            throw new RuleViolation("NOT_CONFIRMED", "请确认救灾资金已按分配方案发放（打卡发放）");
        }
        int paid = roster.pay(disasterId(task), Actor.of(task));
        disasters.changeStatus(disasterId(task), DisasterStatus.PAID);
        task.setVariable("paidHouseholds", paid);
    }

    public void confirmReceipt(DelegateTask task) {
        if (!new TaskInput(task).flag("receiptsConfirmed")) {
            throw new RuleViolation("NOT_CONFIRMED", "请逐户核对并确认受灾户已收到救灾资金");
        }
        roster.confirmReceipts(disasterId(task), (String) task.getVariable(VAR_TOWNSHIP_CODE), Actor.of(task));
        task.removeVariable("receiptsConfirmed");
    }

    private void fileReport(DelegateTask task, ReportStage stage) {
        String content = new TaskInput(task).text(VAR_REPORT_CONTENT, stage.label() + "内容", 2000);
        disasters.fileReport(disasterId(task), stage, content, Actor.of(task));
        task.removeVariable(VAR_REPORT_CONTENT);
    }

    private static long disasterId(DelegateTask task) {
        return ReliefActions.disasterId(task);
    }
}
