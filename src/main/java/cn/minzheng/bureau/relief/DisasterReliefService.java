package cn.minzheng.bureau.relief;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Service;

import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.common.Quantities;
import cn.minzheng.bureau.common.FormDate;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.household.Labelled;
import cn.minzheng.bureau.region.Region;
import cn.minzheng.bureau.region.RegionKind;
import cn.minzheng.bureau.region.RegionRepository;
import cn.minzheng.bureau.relief.DisasterRepository.NewDisaster;
import cn.minzheng.bureau.relief.ReliefAllocation.Claim;
import cn.minzheng.bureau.relief.ReliefAllocation.Result;
import cn.minzheng.bureau.engine.EngineClock;

/**
 * The rules of disaster-relief.bpmn's steps that are more than a call: registering a disaster from its start form
 * (kind, dates, affected villages, first estimates), the amounts the fund tasks take, the allocation of the city's
 * fund, the payment. {@link DisasterReliefSteps} reads the variables and calls these.
 */
@Service
public class DisasterReliefService {

    private final DisasterRepository disasters;
    private final RosterRepository roster;
    private final RegionRepository regions;
    private final ReliefSettings settings;

    public DisasterReliefService(DisasterRepository disasters, RosterRepository roster, RegionRepository regions,
                                 ReliefSettings settings) {
        this.disasters = disasters;
        this.roster = roster;
        this.regions = regions;
        this.settings = settings;
    }

    /** The start form's raw values. */
    public record DisasterForm(Object kind, String name, Object occurredAt, String endedOn, Object affectedVillages,
                               Object cropAreaMu, Object housesDamaged, Object housesCollapsed, Object peopleAffected) {
    }

    /** A registered disaster and what its forms show of it. */
    public record Registered(Disaster disaster, String kindLabel, String occurredAtText, Date initialReportDue,
                             String affectedArea, String estimatesSummary) {
    }

    /** 登记灾害: checks the start form and stores the disaster with one roster per affected township. */
    public Registered register(DisasterForm form, String initiator) {
        DisasterKind kind = Labelled.parse(DisasterKind.class, form.kind(), "灾害种类");
        LocalDateTime occurredAt = dateTime(form.occurredAt());
        if (occurredAt.isAfter(EngineClock.dateTime().plusMinutes(5))) {
            throw new RuleViolation("INVALID_DATE", "灾害发生时间不能晚于现在");
        }
        LocalDate endedOn = FormDate.optional(form.endedOn(), "灾害结束日期");
        if (endedOn != null && endedOn.isBefore(occurredAt.toLocalDate())) {
            throw new RuleViolation("INVALID_DATE", "灾害结束日期不能早于发生日期");
        }
        List<Region> villages = villages(form.affectedVillages());
        Set<String> townships = new LinkedHashSet<>();
        villages.forEach(v -> townships.add(v.parentCode()));
        BigDecimal cropArea = Money.parse(form.cropAreaMu(), "农作物受灾面积（亩）");
        int damaged = (int) Quantities.whole(form.housesDamaged(), "损坏房屋（间）", 0, 1_000_000);
        int collapsed = (int) Quantities.whole(form.housesCollapsed(), "倒塌房屋（间）", 0, 1_000_000);
        int people = (int) Quantities.whole(form.peopleAffected(), "受灾人口（人）", 0, 10_000_000);
        Disaster disaster = disasters.insert(new NewDisaster(kind, form.name(), occurredAt, endedOn, cropArea, damaged,
                collapsed, people, villages.stream().map(Region::code).toList(), new ArrayList<>(townships)), initiator);
        Date due = after(settings.getInitialReportDeadline(), Date.from(occurredAt.atZone(ZoneId.systemDefault()).toInstant()));
        String area = String.join("、", villages.stream()
                .map(v -> regions.find(v.parentCode()).map(Region::name).orElse("") + v.name()).toList());
        return new Registered(disaster, kind.label(), occurredAt.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")),
                due, area, "农作物受灾" + Money.format(cropArea) + "亩，损坏房屋" + damaged + "间，倒塌房屋" + collapsed
                + "间，受灾人口" + people + "人");
    }

    /** 核定报告: the city fund asked for must be more than zero. */
    public static void checkFundRequest(BigDecimal requested) {
        if (requested.signum() == 0) {
            throw new RuleViolation("INVALID_AMOUNT", "申请市级救灾资金必须大于零");
        }
    }

    public void requestFund(long disasterId, BigDecimal requested) {
        checkFundRequest(requested);
        disasters.requestFund(disasterId, requested);
    }

    public void receiveCityFund(long disasterId, BigDecimal fund) {
        if (fund.signum() == 0) {
            throw new RuleViolation("INVALID_AMOUNT", "市级下拨救灾资金必须大于零");
        }
        disasters.receiveCityFund(disasterId, fund);
    }

    /** 分配救灾资金: the city's fund to the roster households by priority and need ({@link ReliefAllocation}). */
    public Result allocate(long disasterId) {
        Disaster disaster = disasters.get(disasterId);
        if (disaster.cityFund() == null) {
            throw new RuleViolation("NO_FUND", "市级救灾资金尚未登记，不能分配");
        }
        List<Claim> claims = roster.list(disasterId, null).stream()
                .map(h -> new Claim(h.id(), h.tier(), h.needAmount().longValueExact()))
                .toList();
        Result result = ReliefAllocation.allocate(disaster.cityFund(), claims);
        roster.allocate(disasterId, result.amounts());
        disasters.recordBalance(disasterId, result.balance());
        return result;
    }

    /** 发放: every allocated household is paid once; refused until the payment is confirmed. */
    public int pay(long disasterId, boolean confirmed, String actor) {
        if (!confirmed) {
            throw new RuleViolation("NOT_CONFIRMED", "请确认救灾资金已按分配方案发放（打卡发放）");
        }
        int paid = roster.pay(disasterId, actor);
        disasters.changeStatus(disasterId, DisasterStatus.PAID);
        return paid;
    }

    public void confirmReceipts(long disasterId, String townshipCode, boolean confirmed, String actor) {
        if (!confirmed) {
            throw new RuleViolation("NOT_CONFIRMED", "请逐户核对并确认受灾户已收到救灾资金");
        }
        roster.confirmReceipts(disasterId, townshipCode, actor);
    }

    private List<Region> villages(Object value) {
        List<String> codes = new ArrayList<>();
        if (value instanceof SpinJsonNode node && node.isArray()) {
            node.elements().forEach(e -> codes.add(e.stringValue()));
        } else if (value instanceof List<?> list) {
            list.forEach(e -> codes.add(String.valueOf(e)));
        } else if (value != null && !value.toString().isBlank()) {
            for (String code : value.toString().replace("[", "").replace("]", "").replace("\"", "").split("[,，\\s]+")) {
                if (!code.isBlank()) {
                    codes.add(code.trim());
                }
            }
        }
        if (codes.isEmpty()) {
            throw new RuleViolation("MISSING_FIELD", "请选择受灾的村（社区）");
        }
        List<Region> villages = new ArrayList<>();
        for (String code : new LinkedHashSet<>(codes)) {
            Region region = regions.find(code).orElse(null);
            if (region == null || (region.kind() != RegionKind.VILLAGE && region.kind() != RegionKind.COMMUNITY)) {
                throw new RuleViolation("INVALID_CODE", "受灾村（社区）“" + code + "”不是本区的村或社区");
            }
            villages.add(region);
        }
        return villages;
    }

    private static LocalDateTime dateTime(Object value) {
        if (value instanceof Date date) {
            return LocalDateTime.ofInstant(date.toInstant(), ZoneId.systemDefault());
        }
        if (value == null || value.toString().isBlank()) {
            throw new RuleViolation("MISSING_FIELD", "灾害发生时间不能为空");
        }
        String text = value.toString().trim();
        try {
            return OffsetDateTime.parse(text).atZoneSameInstant(ZoneId.systemDefault()).toLocalDateTime();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(text.replace(' ', 'T'));
            } catch (DateTimeParseException e) {
                throw new RuleViolation("INVALID_DATE", "灾害发生时间格式不正确，应为“2026-05-01 14:30”");
            }
        }
    }

    /** The ISO 8601 duration (PT2H, P1D) after {@code start}, as the engine's timers read it (JAXP's duration). */
    static Date after(String isoDuration, Date start) {
        try {
            Date end = new Date(start.getTime());
            javax.xml.datatype.DatatypeFactory.newInstance().newDuration(isoDuration).addTo(end);
            return end;
        } catch (javax.xml.datatype.DatatypeConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
