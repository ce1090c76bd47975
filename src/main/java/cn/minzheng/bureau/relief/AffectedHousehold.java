package cn.minzheng.bureau.relief;

import java.math.BigDecimal;

import cn.minzheng.bureau.household.ResidentIdNumber;

/**
 * A roster entry: one affected household of a disaster, as registered and, later, allocated and paid. {@code damagedRooms}:
 * the rooms of its house collapsed or damaged to the degree {@code houseDamage} names (0 when undamaged, and for a damage
 * of unknown degree registered before the degree was asked).
 */
public record AffectedHousehold(Long id, String townshipCode, String villageCode, String headName,
                                ResidentIdNumber idNumber, String address, int persons, HouseholdCategory category,
                                Long dibaoCaseId, boolean disabledMember, BigDecimal cropLossMu, HouseDamage houseDamage,
                                int damagedRooms, int deaths, String deceasedNames, int winterReliefPersons,
                                boolean needsFood, boolean needsClothing, boolean needsQuilts, boolean needsHouseRepair,
                                BigDecimal needAmount, BigDecimal allocatedAmount, boolean paid, boolean receiptConfirmed) {

    public PriorityTier tier() {
        return PriorityTier.of(category, houseDamage, dibaoCaseId != null, disabledMember);
    }

    public String needsLabel() {
        StringBuilder needs = new StringBuilder();
        if (needsFood) needs.append("口粮 ");
        if (needsClothing) needs.append("衣物 ");
        if (needsQuilts) needs.append("被褥 ");
        if (needsHouseRepair) needs.append("房屋修缮 ");
        return needs.toString().trim();
    }
}
