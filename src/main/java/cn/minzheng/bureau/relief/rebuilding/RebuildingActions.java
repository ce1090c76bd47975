package cn.minzheng.bureau.relief.rebuilding;

import static cn.minzheng.bureau.relief.rebuilding.HouseRebuildingProcess.*;

import java.math.BigDecimal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.region.Region;
import cn.minzheng.bureau.region.RegionRepository;
import cn.minzheng.bureau.relief.AffectedHousehold;
import cn.minzheng.bureau.relief.HouseDamage;
import cn.minzheng.bureau.relief.ReliefSettings;
import cn.minzheng.bureau.relief.RosterRepository;

/** Service steps of house-rebuilding.bpmn: ${rebuildingActions.…}. */
@Component("rebuildingActions")
public class RebuildingActions {

    private final RebuildingRepository rebuildings;
    private final RosterRepository roster;
    private final RegionRepository regions;
    private final ReliefSettings settings;

    public RebuildingActions(RebuildingRepository rebuildings, RosterRepository roster, RegionRepository regions,
                             ReliefSettings settings) {
        this.rebuildings = rebuildings;
        this.roster = roster;
        this.regions = regions;
        this.settings = settings;
    }

    /** 登记倒房户: the household from the disaster roster; only a collapsed house is rebuilt. */
    public void open(DelegateExecution execution) {
        long householdId = ((Number) execution.getVariable(VAR_HOUSEHOLD_ID)).longValue();
        AffectedHousehold household = roster.find(householdId)
                .orElseThrow(() -> RuleViolation.notFound("受灾户" + householdId));
        if (household.houseDamage() != HouseDamage.COLLAPSED) {
            throw new RuleViolation("NOT_COLLAPSED", household.headName() + "的房屋未倒塌，不能办理倒房重建");
        }
        long disasterId = ((Number) execution.getVariable("disasterId")).longValue();
        long id = rebuildings.open(disasterId, householdId, household.townshipCode(), execution.getProcessInstanceId());
        execution.setVariable(VAR_REBUILDING_ID, id);
        execution.setVariable("townshipCode", household.townshipCode());
        execution.setVariable("headName", household.headName());
        execution.setVariable("householdAddress", regions.find(household.villageCode()).map(Region::name).orElse("")
                + " " + household.address());
        execution.setVariable("collapsedRooms", household.collapsedRooms());
    }

    /** 核定补助: the grant is the rooms approved for rebuilding times the grant per room. */
    public void calculateGrant(DelegateExecution execution) {
        int rooms = ((Number) execution.getVariable("rooms")).intValue();
        BigDecimal grant = Money.of(settings.getRebuildingGrantPerRoom().multiply(BigDecimal.valueOf(rooms)));
        rebuildings.grant(rebuildingId(execution), grant);
        execution.setVariable("grantAmount", Money.format(grant));
    }

    public void close(DelegateExecution execution) {
        Object reason = execution.getVariable("rejectionReason");
        rebuildings.close(rebuildingId(execution), reason == null ? null : reason.toString());
    }

    static long rebuildingId(VariableScope scope) {
        return ((Number) scope.getVariable(VAR_REBUILDING_ID)).longValue();
    }
}
