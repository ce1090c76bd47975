package cn.minzheng.bureau.relief;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import cn.minzheng.bureau.common.Money;

/** Totals of a roster (a township's or the district's): per category and for the three registers. */
public record RosterTotals(int households, int persons, Map<HouseholdCategory, Integer> perCategory,
                           int collapsedHouseholds, int collapsedRooms, int deaths, int winterReliefPersons,
                           BigDecimal cropLossMu, BigDecimal needAmount, BigDecimal allocatedAmount) {

    public static RosterTotals of(List<AffectedHousehold> roster) {
        Map<HouseholdCategory, Integer> perCategory = new EnumMap<>(HouseholdCategory.class);
        for (HouseholdCategory category : HouseholdCategory.values()) {
            perCategory.put(category, 0);
        }
        int persons = 0, collapsed = 0, rooms = 0, deaths = 0, winter = 0;
        BigDecimal crop = Money.ZERO, need = Money.ZERO, allocated = Money.ZERO;
        for (AffectedHousehold h : roster) {
            perCategory.merge(h.category(), 1, Integer::sum);
            persons += h.persons();
            if (h.houseDamage() == HouseDamage.COLLAPSED) {
                collapsed++;
                rooms += h.damagedRooms();
            }
            deaths += h.deaths();
            winter += h.winterReliefPersons();
            crop = crop.add(h.cropLossMu());
            need = need.add(h.needAmount());
            allocated = allocated.add(h.allocatedAmount() == null ? Money.ZERO : h.allocatedAmount());
        }
        return new RosterTotals(roster.size(), persons, perCategory, collapsed, rooms, deaths, winter, crop, need, allocated);
    }

    /** One line for a task form or a report. */
    public String summary() {
        StringBuilder text = new StringBuilder("受灾户" + households + "户" + persons + "人（");
        perCategory.forEach((category, count) -> text.append(category.label()).append(count).append("户，"));
        text.setLength(text.length() - 1);
        return text.append("）；因灾倒房户").append(collapsedHouseholds).append("户").append(collapsedRooms)
                .append("间；因灾死亡").append(deaths).append("人；冬春需政府救济").append(winterReliefPersons)
                .append("人；农作物受灾").append(Money.format(cropLossMu)).append("亩；核定救助需求")
                .append(Money.format(needAmount)).append("元").toString();
    }
}
