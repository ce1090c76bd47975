package cn.minzheng.bureau.household;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.minzheng.bureau.access.CurrentUser;
import cn.minzheng.bureau.audit.AuditEvent;
import cn.minzheng.bureau.audit.AuditTrail;
import cn.minzheng.bureau.common.RuleViolation;

/** Households through the project's REST API; a township's staff reach only their township's households. */
@RestController
@RequestMapping("/api/households")
public class HouseholdController {

    private final HouseholdRepository households;
    private final AuditTrail auditTrail;
    private final CurrentUser currentUser;

    public HouseholdController(HouseholdRepository households, AuditTrail auditTrail, CurrentUser currentUser) {
        this.households = households;
        this.auditTrail = auditTrail;
        this.currentUser = currentUser;
    }

    /** Every change and decision that touched the household and its cases. */
    @Operation(summary = "家庭的审计记录")
    @GetMapping("/{householdId}/audit")
    public List<AuditEvent> audit(@PathVariable long householdId) {
        Household household = households.find(householdId)
                .filter(h -> currentUser.maySee(h.townshipCode()))
                .orElseThrow(() -> RuleViolation.notFound("家庭" + householdId));
        return auditTrail.forHousehold(household.id());
    }
}
