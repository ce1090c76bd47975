package cn.minzheng.bureau.relief;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.common.RuleViolation;

/**
 * What the verified register of affected households (受灾户登记册, signed off by every township and verified by the
 * district) says about a disaster's 核报: the deaths and the collapsed, severely and generally damaged houses
 * (households and rooms) are counted household by household on the register, so the 核报 reports exactly those; the
 * people and the crop area of the registered households are a floor, as the 核报 also counts what no household on the
 * register needed relief for.
 *
 * <p>A register kept before the degree of damage was asked may hold damaged houses of unknown degree
 * ({@link HouseDamage#DAMAGED}, {@code unknownDegreeHouseholds}). Then the severe and general figures are a floor
 * only: at least the register's of each, and together at least the register's damaged households; the form offers the
 * unknown ones as 一般损坏, a room each (the least the 核报 can say of them).
 */
public record RegisterFigures(int persons, int deaths, BigDecimal cropLossMu, int collapsedHouseholds, int collapsedRooms,
                              int severeHouseholds, int severeRooms, int generalHouseholds, int generalRooms,
                              int unknownDegreeHouseholds) {

    public static RegisterFigures of(List<AffectedHousehold> register) {
        int persons = 0, deaths = 0, unknown = 0;
        int[] households = new int[HouseDamage.values().length];
        int[] rooms = new int[HouseDamage.values().length];
        BigDecimal crop = BigDecimal.ZERO;
        for (AffectedHousehold h : register) {
            persons += h.persons();
            deaths += h.deaths();
            crop = crop.add(h.cropLossMu() == null ? BigDecimal.ZERO : h.cropLossMu());
            households[h.houseDamage().ordinal()]++;
            rooms[h.houseDamage().ordinal()] += h.damagedRooms();
        }
        int collapsed = HouseDamage.COLLAPSED.ordinal(), severe = HouseDamage.SEVERE.ordinal();
        int general = HouseDamage.GENERAL.ordinal();
        return new RegisterFigures(persons, deaths, crop.setScale(2), households[collapsed], rooms[collapsed],
                households[severe], rooms[severe], households[general], rooms[general],
                households[HouseDamage.DAMAGED.ordinal()]);
    }

    private boolean exact() {
        return unknownDegreeHouseholds == 0;
    }

    /**
     * The 核报's indicators as the form offers them: the reported ones (the 续报's) with the deaths and the houses
     * taken from the register, and the people and crop area raised to the register's where they are below it. With
     * damaged houses of unknown degree, the severe and general figures are the reported ones raised to the floor.
     */
    public DisasterIndicators prefill(DisasterIndicators reported) {
        int severe = severeHouseholds, severeR = severeRooms, general = generalHouseholds, generalR = generalRooms;
        if (!exact()) {
            severe = Math.max(reported.severeHouseholds(), severeHouseholds);
            general = Math.max(reported.generalHouseholds(), generalHouseholds);
            general += Math.max(0, severeHouseholds + generalHouseholds + unknownDegreeHouseholds - severe - general);
            severeR = Math.max(Math.max(reported.severeRooms(), severeRooms), severe);
            generalR = Math.max(Math.max(reported.generalRooms(), generalRooms + unknownDegreeHouseholds), general);
        }
        return new DisasterIndicators(Math.max(reported.affectedPeople(), persons), deaths, reported.missing(),
                reported.relocated(), reported.needingAssistance(), reported.cropAffectedMu().max(cropLossMu),
                reported.cropDamagedMu(), reported.cropLostMu(), collapsedHouseholds, collapsedRooms, severe, severeR,
                general, generalR, reported.directLoss());
    }

    /** Refuses a 核报 that disagrees with the register, naming each figure and the register's value. */
    public void check(DisasterIndicators report) {
        List<String> problems = new ArrayList<>();
        if (report.deaths() != deaths) {
            problems.add("死亡人口应与核定的受灾户登记册一致（登记册：" + deaths + "人）");
        }
        same(problems, "倒塌房屋户数", report.collapsedHouseholds(), collapsedHouseholds, "户");
        same(problems, "倒塌房屋间数", report.collapsedRooms(), collapsedRooms, "间");
        if (exact()) {
            same(problems, "严重损坏房屋户数", report.severeHouseholds(), severeHouseholds, "户");
            same(problems, "严重损坏房屋间数", report.severeRooms(), severeRooms, "间");
            same(problems, "一般损坏房屋户数", report.generalHouseholds(), generalHouseholds, "户");
            same(problems, "一般损坏房屋间数", report.generalRooms(), generalRooms, "间");
        } else {
            atLeast(problems, "严重损坏房屋户数", report.severeHouseholds(), severeHouseholds, "户");
            atLeast(problems, "严重损坏房屋间数", report.severeRooms(), severeRooms, "间");
            atLeast(problems, "一般损坏房屋户数", report.generalHouseholds(), generalHouseholds, "户");
            atLeast(problems, "一般损坏房屋间数", report.generalRooms(), generalRooms, "间");
            int damaged = severeHouseholds + generalHouseholds + unknownDegreeHouseholds;
            if (report.severeHouseholds() + report.generalHouseholds() < damaged) {
                problems.add("严重损坏和一般损坏房屋户数之和不能少于登记册中房屋损坏的户数（" + damaged + "户，其中"
                        + unknownDegreeHouseholds + "户损坏程度未登记）");
            }
        }
        if (report.affectedPeople() < persons) {
            problems.add("受灾人口不能少于登记册中受灾户的人口（" + persons + "人）");
        }
        if (report.cropAffectedMu().compareTo(cropLossMu) < 0) {
            problems.add("农作物受灾面积不能少于登记册的合计（" + Money.format(cropLossMu) + "亩）");
        }
        if (!problems.isEmpty()) {
            throw new RuleViolation("REPORT_DIFFERS_FROM_REGISTER", "核报与核定的受灾户登记册不符：" + String.join("；", problems));
        }
    }

    private static void same(List<String> problems, String label, int reported, int register, String unit) {
        if (reported != register) {
            problems.add(label + "应与核定的受灾户登记册一致（登记册：" + register + unit + "）");
        }
    }

    private static void atLeast(List<String> problems, String label, int reported, int register, String unit) {
        if (reported < register) {
            problems.add(label + "不能少于登记册的（" + register + unit + "）");
        }
    }
}
