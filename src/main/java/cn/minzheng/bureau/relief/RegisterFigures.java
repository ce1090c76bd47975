package cn.minzheng.bureau.relief;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.common.RuleViolation;

/**
 * What the verified register of affected households (受灾户登记册, signed off by every township and verified by the
 * district) says about a disaster's 核报: the deaths and the collapsed houses are counted household by household
 * on the register (因灾死亡人口 and 因灾倒房户 are name lists), so the 核报 reports exactly those; the people, the
 * crop area and the damaged houses of the registered households are a floor, as the 核报 also counts what no
 * household on the register needed relief for.
 */
public record RegisterFigures(int persons, int deaths, BigDecimal cropLossMu, int collapsedHouseholds, int collapsedRooms,
                              int damagedHouseholds) {

    public static RegisterFigures of(List<AffectedHousehold> register) {
        int persons = 0, deaths = 0, collapsed = 0, rooms = 0, damaged = 0;
        BigDecimal crop = BigDecimal.ZERO;
        for (AffectedHousehold h : register) {
            persons += h.persons();
            deaths += h.deaths();
            crop = crop.add(h.cropLossMu() == null ? BigDecimal.ZERO : h.cropLossMu());
            if (h.houseDamage() == HouseDamage.COLLAPSED) {
                collapsed++;
                rooms += h.collapsedRooms();
            } else if (h.houseDamage() == HouseDamage.DAMAGED) {
                damaged++;
            }
        }
        return new RegisterFigures(persons, deaths, crop.setScale(2), collapsed, rooms, damaged);
    }

    /**
     * The 核报's indicators as the form offers them: the reported ones (the 续报's) with the deaths and collapsed
     * houses taken from the register, and the people, crop area and damaged houses raised to the register's where
     * they are below it (the rise in damaged households goes to 一般损坏, at least a room each).
     */
    public DisasterIndicators prefill(DisasterIndicators reported) {
        int missingDamaged = Math.max(0, damagedHouseholds - reported.severeHouseholds() - reported.generalHouseholds());
        int generalHouseholds = reported.generalHouseholds() + missingDamaged;
        return new DisasterIndicators(Math.max(reported.affectedPeople(), persons), deaths, reported.missing(),
                reported.relocated(), reported.needingAssistance(), reported.cropAffectedMu().max(cropLossMu),
                reported.cropDamagedMu(), reported.cropLostMu(), collapsedHouseholds, collapsedRooms,
                reported.severeHouseholds(), reported.severeRooms(), generalHouseholds,
                Math.max(reported.generalRooms(), generalHouseholds), reported.directLoss());
    }

    /** Refuses a 核报 that disagrees with the register, naming each figure and the register's value. */
    public void check(DisasterIndicators report) {
        List<String> problems = new ArrayList<>();
        if (report.deaths() != deaths) {
            problems.add("死亡人口应与核定的受灾户登记册一致（登记册：" + deaths + "人）");
        }
        if (report.collapsedHouseholds() != collapsedHouseholds) {
            problems.add("倒塌房屋户数应与核定的受灾户登记册一致（登记册：" + collapsedHouseholds + "户）");
        }
        if (report.collapsedRooms() != collapsedRooms) {
            problems.add("倒塌房屋间数应与核定的受灾户登记册一致（登记册：" + collapsedRooms + "间）");
        }
        if (report.affectedPeople() < persons) {
            problems.add("受灾人口不能少于登记册中受灾户的人口（" + persons + "人）");
        }
        if (report.cropAffectedMu().compareTo(cropLossMu) < 0) {
            problems.add("农作物受灾面积不能少于登记册的合计（" + Money.format(cropLossMu) + "亩）");
        }
        if (report.severeHouseholds() + report.generalHouseholds() < damagedHouseholds) {
            problems.add("严重损坏和一般损坏房屋户数之和不能少于登记册中房屋损坏的户数（" + damagedHouseholds + "户）");
        }
        if (!problems.isEmpty()) {
            throw new RuleViolation("REPORT_DIFFERS_FROM_REGISTER", "核报与核定的受灾户登记册不符：" + String.join("；", problems));
        }
    }
}
