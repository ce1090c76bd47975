package cn.minzheng.bureau.relief;

import static cn.minzheng.bureau.relief.DisasterReliefProcess.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.region.Region;
import cn.minzheng.bureau.region.RegionRepository;

/** Steps of disaster-relief.bpmn that are expressions: ${reliefActions.…}. */
@Component("reliefActions")
public class ReliefActions {

    private final DisasterRepository disasters;
    private final RosterRepository roster;
    private final RegionRepository regions;

    public ReliefActions(DisasterRepository disasters, RosterRepository roster, RegionRepository regions) {
        this.disasters = disasters;
        this.roster = roster;
        this.regions = regions;
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
     * Start of one township's verification: the township's own variables live in its instance, so
     * parallel townships never see each other's decisions or registrars.
     */
    public void openTownship(DelegateExecution execution) {
        nameTownship(execution);
        for (String local : List.of("rosterRegisteredBy", "rosterSummary", "rosterReturnReason",
                VAR_ROSTER_DECISION, VAR_ROSTER_COMMENT)) {
            execution.setVariableLocal(local, null);
        }
    }

    /** The township of a per-township step by its name, for the form (the code stays the step's own variable). */
    public void nameTownship(DelegateExecution execution) {
        String township = (String) execution.getVariable(VAR_TOWNSHIP_CODE);
        execution.setVariableLocal("townshipName", regions.find(township).map(Region::name).orElse(township));
    }

    /** A new sign-off task never reuses the decision of the round that sent the roster back. */
    public void resetRosterDecision(org.camunda.bpm.engine.delegate.DelegateTask task) {
        task.getExecution().setVariableLocal(VAR_ROSTER_DECISION, null);
        task.getExecution().setVariableLocal(VAR_ROSTER_COMMENT, null);
    }

    /** A report is overdue: recorded, and the head of relief gets a task naming which report. */
    public void escalate(DelegateExecution execution, String stage) {
        ReportStage reportStage = ReportStage.valueOf(stage);
        long escalationId = disasters.escalate(disasterId(execution), reportStage);
        execution.setVariableLocal("escalationId", escalationId);
        execution.setVariableLocal("overdueReport", reportStage.label());
    }

    /** The district's totals, shown on the verification and the verified report. */
    public void publishTotals(DelegateExecution execution) {
        execution.setVariable("lossTotals", RosterTotals.of(roster.list(disasterId(execution), null)).summary());
    }

    public void close(DelegateExecution execution) {
        disasters.changeStatus(disasterId(execution), DisasterStatus.CLOSED);
    }

    static long disasterId(VariableScope scope) {
        return ((Number) scope.getVariable(VAR_DISASTER_ID)).longValue();
    }
}
