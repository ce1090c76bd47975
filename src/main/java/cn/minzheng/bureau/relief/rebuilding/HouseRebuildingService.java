package cn.minzheng.bureau.relief.rebuilding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.springframework.stereotype.Service;

import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.common.Quantities;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.region.Region;
import cn.minzheng.bureau.region.RegionRepository;
import cn.minzheng.bureau.relief.AffectedHousehold;
import cn.minzheng.bureau.relief.HouseDamage;
import cn.minzheng.bureau.relief.ReliefSettings;
import cn.minzheng.bureau.relief.RosterRepository;

/**
 * The rules of house-rebuilding.bpmn: only a collapsed house is rebuilt, no more rooms than collapsed, a majority of
 * the appraisal, the grant per room, a completion date not in the future. {@link HouseRebuildingSteps} reads the
 * variables and calls these.
 */
@Service
public class HouseRebuildingService {

    private final RebuildingRepository rebuildings;
    private final RosterRepository roster;
    private final RegionRepository regions;
    private final ReliefSettings settings;

    public HouseRebuildingService(RebuildingRepository rebuildings, RosterRepository roster, RegionRepository regions,
                                  ReliefSettings settings) {
        this.rebuildings = rebuildings;
        this.roster = roster;
        this.regions = regions;
        this.settings = settings;
    }

    /** A rebuilding case opened for a household of the roster, and what its forms show of the household. */
    public record Opened(long rebuildingId, AffectedHousehold household, String address) {
    }

    /** 登记倒房户: the household from the disaster roster; only a collapsed house is rebuilt. */
    public Opened open(long disasterId, long householdId, String processInstanceId) {
        AffectedHousehold household = roster.find(householdId)
                .orElseThrow(() -> RuleViolation.notFound("受灾户" + householdId));
        if (household.houseDamage() != HouseDamage.COLLAPSED) {
            throw new RuleViolation("NOT_COLLAPSED", household.headName() + "的房屋未倒塌，不能办理倒房重建");
        }
        long id = rebuildings.open(disasterId, householdId, household.townshipCode(), processInstanceId);
        return new Opened(id, household, regions.find(household.villageCode()).map(Region::name).orElse("")
                + " " + household.address());
    }

    /** 申请或评议提名: the rooms to rebuild, at least one and no more than collapsed. */
    public int apply(long rebuildingId, String source, Object rooms, int collapsedRooms, String actor) {
        int approved = (int) Quantities.whole(rooms, "重建间数", 1, collapsedRooms);
        rebuildings.apply(rebuildingId, source, approved, actor);
        return approved;
    }

    /** 民主评议: a majority of those present agrees; returns whether it did. */
    public boolean appraise(long rebuildingId, Object attendeesValue, Object votesForValue, String minutes) {
        int attendees = (int) Quantities.whole(attendeesValue, "参加评议人数", 1, 500);
        int votesFor = (int) Quantities.whole(votesForValue, "同意票数", 0, attendees);
        boolean agreed = votesFor * 2 > attendees;
        rebuildings.appraise(rebuildingId, agreed, votesFor, attendees, minutes);
        return agreed;
    }

    /** Why an appraisal that did not pass ended the case. */
    public static String appraisalRejection(Object attendees, Object votesFor) {
        return "民主评议未通过（" + votesFor + "/" + attendees + "票同意）";
    }

    /** 核定补助: the grant is the rooms approved for rebuilding times the grant per room. */
    public String grant(long rebuildingId, int rooms) {
        BigDecimal grant = Money.of(settings.getRebuildingGrantPerRoom().multiply(BigDecimal.valueOf(rooms)));
        rebuildings.grant(rebuildingId, grant);
        return Money.format(grant);
    }

    /** 重建竣工确认: the date the house was finished (not in the future) and what the inspection found. */
    public void rebuilt(long rebuildingId, String rebuiltOnText, String inspectionNote) {
        LocalDate rebuiltOn;
        try {
            rebuiltOn = LocalDate.parse(rebuiltOnText.length() > 10 ? rebuiltOnText.substring(0, 10) : rebuiltOnText);
        } catch (DateTimeParseException e) {
            throw new RuleViolation("INVALID_DATE", "竣工日期格式不正确，应为“2026-11-20”");
        }
        if (rebuiltOn.isAfter(LocalDate.now())) {
            throw new RuleViolation("INVALID_DATE", "竣工日期不能晚于今天");
        }
        rebuildings.rebuilt(rebuildingId, rebuiltOn, inspectionNote);
    }
}
