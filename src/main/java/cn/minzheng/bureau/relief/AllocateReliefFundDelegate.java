package cn.minzheng.bureau.relief;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.relief.ReliefAllocation.Claim;
import cn.minzheng.bureau.relief.ReliefAllocation.Result;

/** 分配救灾资金: the city's fund to the roster households by priority and need ({@link ReliefAllocation}). */
@Component("allocateReliefFund")
public class AllocateReliefFundDelegate implements JavaDelegate {

    private final DisasterRepository disasters;
    private final RosterRepository roster;

    public AllocateReliefFundDelegate(DisasterRepository disasters, RosterRepository roster) {
        this.disasters = disasters;
        this.roster = roster;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long disasterId = ReliefActions.disasterId(execution);
        Disaster disaster = disasters.get(disasterId);
        if (disaster.cityFund() == null) {
            throw new RuleViolation("NO_FUND", "市级救灾资金尚未登记，不能分配");
        }
        List<AffectedHousehold> households = roster.list(disasterId, null);
        List<Claim> claims = households.stream()
                .map(h -> new Claim(h.id(), h.tier(), h.needAmount().longValueExact()))
                .toList();
        Result result = ReliefAllocation.allocate(disaster.cityFund(), claims);
        roster.allocate(disasterId, result.amounts());
        disasters.recordBalance(disasterId, result.balance());
        execution.setVariable("allocatedTotal", Money.format(java.math.BigDecimal.valueOf(result.allocated())));
        execution.setVariable("fundBalance", Money.format(result.balance()));
        execution.setVariable("allocatedHouseholds", result.amounts().values().stream().filter(a -> a > 0).count());
    }
}
