package cn.minzheng.bureau.relief;

import static cn.minzheng.bureau.relief.DisasterReliefProcess.*;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.Actor;
import cn.minzheng.bureau.common.JsonRows;
import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.common.TaskInput;
import cn.minzheng.bureau.region.Region;
import cn.minzheng.bureau.region.RegionRepository;
import cn.minzheng.bureau.relief.DisasterReliefService.DisasterForm;
import cn.minzheng.bureau.relief.DisasterReliefService.Registered;
import cn.minzheng.bureau.relief.ReliefAllocation.Result;

/**
 * What disaster-relief.bpmn calls (${disasterReliefSteps.…}): each step reads the variables, calls the service or
 * the repositories, and sets what the process and its forms need. A task's complete listener that refuses leaves
 * the task open and nothing written.
 */
@Component
public class DisasterReliefSteps {

    private final DisasterReliefService service;
    private final DisasterRepository disasters;
    private final RosterRepository roster;
    private final RosterService rosterService;
    private final RegionRepository regions;

    public DisasterReliefSteps(DisasterReliefService service, DisasterRepository disasters, RosterRepository roster,
                               RosterService rosterService, RegionRepository regions) {
        this.service = service;
        this.disasters = disasters;
        this.roster = roster;
        this.rosterService = rosterService;
        this.regions = regions;
    }

    /** 登记灾害: the start form becomes the disaster; the process keeps its id and shows its summary. */
    public void registerDisaster(DelegateExecution execution) {
        TaskInput input = new TaskInput(execution);
        String name = input.text(DISASTER_NAME.name(), "灾害名称", 100);
        String endedOn = input.optionalText(ENDED_ON.name(), "灾害结束日期", 30);
        String initiator = INITIATOR.get(execution);
        Registered registered = service.register(new DisasterForm(DISASTER_KIND.get(execution), name,
                OCCURRED_AT.get(execution), endedOn, AFFECTED_VILLAGES.get(execution), CROP_AREA_MU.get(execution),
                HOUSES_DAMAGED.get(execution), HOUSES_COLLAPSED.get(execution), PEOPLE_AFFECTED.get(execution)),
                initiator == null ? "system" : initiator);
        Disaster disaster = registered.disaster();
        disasters.setProcessInstance(disaster.id(), execution.getProcessInstanceId());
        START_FORM.forEach(variable -> variable.remove(execution));
        DISASTER_ID.set(execution, disaster.id());
        DISASTER_NUMBER.set(execution, disaster.disasterNumber());
        DISASTER_KIND_LABEL.set(execution, registered.kindLabel());
        OCCURRED_AT_TEXT.set(execution, registered.occurredAtText());
        INITIAL_REPORT_DUE.set(execution, registered.initialReportDue());
        AFFECTED_AREA.set(execution, registered.affectedArea());
        ESTIMATES_SUMMARY.set(execution, registered.estimatesSummary());
        execution.setProcessBusinessKey(disaster.disasterNumber());
        // the 初报's indicators start from the estimates given at registration
        execution.setVariables(new DisasterIndicators(disaster.peopleAffected(), 0, 0, 0, 0, disaster.cropAreaMu(),
                BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2), 0, 0, 0, 0, 0, 0, BigDecimal.ZERO.setScale(2))
                .asVariables());
    }

    public void initialReport(DelegateTask task) {
        fileReport(task, ReportStage.INITIAL);
    }

    public void followUpReport(DelegateTask task) {
        fileReport(task, ReportStage.FOLLOW_UP);
        SITUATION_STABLE.set(task, new TaskInput(task).flag(SITUATION_STABLE.name()));
    }

    /** 核报: its indicators must agree with the verified register ({@link RegisterFigures#check}). */
    public void verifiedReport(DelegateTask task) {
        BigDecimal requested = new TaskInput(task).amount(FUND_REQUESTED.name(), "申请市级救灾资金（元）");
        DisasterReliefService.checkFundRequest(requested);
        RegisterFigures.of(roster.list(disasterId(task), null)).check(DisasterIndicators.read(task));
        fileReport(task, ReportStage.VERIFIED);
        service.requestFund(disasterId(task), requested);
    }

    public void handleEscalation(DelegateTask task) {
        String instruction = new TaskInput(task).text(INSTRUCTION.name(), "督办意见", 1000);
        disasters.handleEscalation(ESCALATION_ID.require(task), Actor.of(task), instruction);
        INSTRUCTION.remove(task);
    }

    /** 逐户登记: the township's rows (and corrections after a send-back) go onto the roster. */
    public void registerHouseholds(DelegateTask task) {
        String township = TOWNSHIP_CODE.get(task);
        String removals = REMOVE_ID_NUMBERS.get(task);
        List<String> remove = removals == null || removals.isBlank() ? List.of()
                : Arrays.stream(removals.trim().split("[,，;；\\s]+")).toList();
        String actor = Actor.of(task);
        rosterService.register(disasterId(task), township, JsonRows.of(HOUSEHOLDS.get(task), "受灾户清单"), remove, actor);
        HOUSEHOLDS.remove(task);
        REMOVE_ID_NUMBERS.remove(task);
        ROSTER_REGISTERED_BY.set(task.getExecution(), actor);
        ROSTER_SUMMARY.set(task.getExecution(), RosterTotals.of(roster.list(disasterId(task), township)).summary());
    }

    /** 乡镇审核签字: the reviewer signs the township's roster off or sends it back with what to correct. */
    public void signOffRoster(DelegateTask task) {
        TaskInput input = new TaskInput(task);
        String decision = input.choice(ROSTER_DECISION.name(), "审核结果（签字确认或退回）", List.of(APPROVE, SEND_BACK));
        String comment = SEND_BACK.equals(decision) ? input.text(ROSTER_COMMENT.name(), "退回原因（需更正的内容）", 1000)
                : input.optionalText(ROSTER_COMMENT.name(), "审核意见", 1000);
        disasters.rosterReviewed(disasterId(task), TOWNSHIP_CODE.get(task),
                APPROVE.equals(decision) ? RosterStatus.SIGNED_OFF : RosterStatus.SENT_BACK, Actor.of(task), comment);
        ROSTER_DECISION.set(task.getExecution(), decision);
        ROSTER_RETURN_REASON.set(task.getExecution(), SEND_BACK.equals(decision) ? comment : null);
    }

    public void verifyLosses(DelegateTask task) {
        disasters.verify(disasterId(task), new TaskInput(task).text(VERIFICATION_NOTE.name(), "核实意见", 1000));
    }

    public void recordCityFund(DelegateTask task) {
        BigDecimal fund = new TaskInput(task).amount(CITY_FUND.name(), "市级下拨救灾资金（元）");
        service.receiveCityFund(disasterId(task), fund);
        CITY_FUND.set(task, Money.format(fund));
        FUND_RECORDED_BY.set(task, Actor.of(task));
    }

    /** 分配救灾资金 (service task). */
    public void allocateReliefFund(DelegateExecution execution) {
        Result result = service.allocate(disasterId(execution));
        ALLOCATED_TOTAL.set(execution, Money.format(BigDecimal.valueOf(result.allocated())));
        FUND_BALANCE.set(execution, Money.format(result.balance()));
        ALLOCATED_HOUSEHOLDS.set(execution, result.amounts().values().stream().filter(a -> a > 0).count());
    }

    public void approveAllocation(DelegateTask task) {
        TaskInput input = new TaskInput(task);
        String decision = input.choice(ALLOCATION_DECISION.name(), "审批决定", List.of(APPROVE, REJECT));
        if (REJECT.equals(decision)) {
            input.text(ALLOCATION_COMMENT.name(), "退回理由", 1000);
        } else {
            disasters.changeStatus(disasterId(task), DisasterStatus.APPROVED);
        }
    }

    /** 发放: every allocated household is paid once. */
    public void payRelief(DelegateTask task) {
        int paid = service.pay(disasterId(task), new TaskInput(task).flag(PAYMENT_ISSUED.name()), Actor.of(task));
        PAID_HOUSEHOLDS.set(task, paid);
    }

    public void confirmReceipt(DelegateTask task) {
        service.confirmReceipts(disasterId(task), TOWNSHIP_CODE.get(task),
                new TaskInput(task).flag(RECEIPTS_CONFIRMED.name()), Actor.of(task));
        RECEIPTS_CONFIRMED.remove(task);
    }

    /** The collection of the township verification (multi-instance): every affected township. */
    public List<String> affectedTownships(DelegateExecution execution) {
        return disasters.townships(disasterId(execution));
    }

    /** The collection of house rebuilding (call activity): households whose house collapsed. */
    public List<Long> collapsedHouseholds(DelegateExecution execution) {
        return roster.collapsed(disasterId(execution));
    }

    /** The collection of receipt confirmation: townships with paid households. */
    public List<String> townshipsWithPayments(DelegateExecution execution) {
        return roster.townshipsWithPayments(disasterId(execution));
    }

    /**
     * Start of one township's verification: the township's own variables live in its instance, so parallel
     * townships never see each other's decisions or registrars.
     */
    public void openTownship(DelegateExecution execution) {
        nameTownship(execution);
        for (var local : List.of(ROSTER_REGISTERED_BY, ROSTER_SUMMARY, ROSTER_RETURN_REASON, ROSTER_DECISION,
                ROSTER_COMMENT)) {
            execution.setVariableLocal(local.name(), null);
        }
    }

    /** The township of a per-township step by its name, for the form (the code stays the step's own variable). */
    public void nameTownship(DelegateExecution execution) {
        String township = TOWNSHIP_CODE.get(execution);
        execution.setVariableLocal(TOWNSHIP_NAME.name(), regions.find(township).map(Region::name).orElse(township));
    }

    /** A new sign-off task never reuses the decision of the round that sent the roster back. */
    public void resetRosterDecision(DelegateTask task) {
        task.getExecution().setVariableLocal(ROSTER_DECISION.name(), null);
        task.getExecution().setVariableLocal(ROSTER_COMMENT.name(), null);
    }

    /** A report is overdue: recorded, and the head of relief gets a task naming which report. */
    public void escalate(DelegateExecution execution, String stage) {
        ReportStage reportStage = ReportStage.valueOf(stage);
        long escalationId = disasters.escalate(disasterId(execution), reportStage);
        execution.setVariableLocal(ESCALATION_ID.name(), escalationId);
        execution.setVariableLocal(OVERDUE_REPORT.name(), reportStage.label());
    }

    /**
     * The district's totals, shown on the verification and the verified report; the 核报's indicators start from the
     * verified register ({@link RegisterFigures#prefill}): its deaths and its collapsed, severely and generally damaged
     * houses (households and rooms), and at least its people and crop area, over what the 续报 gave.
     */
    public void publishTotals(DelegateExecution execution) {
        List<AffectedHousehold> households = roster.list(disasterId(execution), null);
        LOSS_TOTALS.set(execution, RosterTotals.of(households).summary());
        execution.setVariables(RegisterFigures.of(households).prefill(reported(execution)).asVariables());
    }

    /** The indicators the last report left on the process; none (zeros) for a disaster reported before V110. */
    private static DisasterIndicators reported(VariableScope scope) {
        if (scope.getVariable(DisasterIndicators.Field.AFFECTED_PEOPLE.key()) == null) {
            BigDecimal zero = BigDecimal.ZERO.setScale(2);
            return new DisasterIndicators(0, 0, 0, 0, 0, zero, zero, zero, 0, 0, 0, 0, 0, 0, zero);
        }
        return DisasterIndicators.read(scope);
    }

    public void close(DelegateExecution execution) {
        disasters.changeStatus(disasterId(execution), DisasterStatus.CLOSED);
    }

    private void fileReport(DelegateTask task, ReportStage stage) {
        String content = new TaskInput(task).text(REPORT_CONTENT.name(), stage.label() + "情况说明", 2000);
        DisasterIndicators indicators = DisasterIndicators.read(task);
        disasters.fileReport(disasterId(task), stage, content, indicators, Actor.of(task));
        REPORT_CONTENT.remove(task);
    }

    static long disasterId(VariableScope scope) {
        return DISASTER_ID.require(scope);
    }
}
