package cn.minzheng.bureau.relief.documents;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.access.StaffNames;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.documents.Document;
import cn.minzheng.bureau.region.Region;
import cn.minzheng.bureau.region.RegionRepository;
import cn.minzheng.bureau.relief.AffectedHousehold;
import cn.minzheng.bureau.relief.Disaster;
import cn.minzheng.bureau.relief.DisasterRepository;
import cn.minzheng.bureau.relief.RosterRepository;

/**
 * The relief documents of a disaster, built from its stored roster (relief_disaster, relief_township_roster,
 * relief_household), one section per township: 救灾对象登记表 (the registered households, their losses and needs,
 * who registered and who signed off) and 救助款物发放登记表 (the paid households with a column for the recipient's
 * signature). ID numbers are masked. Which townships a user may ask for is the controller's business.
 */
@Component
public class ReliefDocuments {

    static final String ISSUER = "区民政局";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final DisasterRepository disasters;
    private final RosterRepository roster;
    private final RegionRepository regions;
    private final StaffNames staffNames;
    private final ReliefDocumentQueries queries;

    public ReliefDocuments(DisasterRepository disasters, RosterRepository roster, RegionRepository regions,
                           StaffNames staffNames, ReliefDocumentQueries queries) {
        this.disasters = disasters;
        this.roster = roster;
        this.regions = regions;
        this.staffNames = staffNames;
        this.queries = queries;
    }

    /** 救灾对象登记表 of the given townships of the disaster (those without registered households are left out). */
    public Document register(Disaster disaster, List<String> townships) {
        List<Map<String, Object>> sections = new ArrayList<>();
        List<DisasterRepository.TownshipRoster> rosters = disasters.rosters(disaster.id());
        for (String township : townships) {
            List<AffectedHousehold> households = roster.list(disaster.id(), township);
            if (households.isEmpty()) {
                continue;
            }
            Map<String, Object> section = section(township, households);
            rosters.stream().filter(r -> r.townshipCode().equals(township)).findFirst().ifPresent(r -> {
                section.put("registeredBy", r.registeredBy() == null ? "" : staffNames.of(r.registeredBy()));
                section.put("signedOffBy", r.signedOffBy() == null ? "" : staffNames.of(r.signedOffBy()));
                section.put("signedOff", r.status() == cn.minzheng.bureau.relief.RosterStatus.SIGNED_OFF);
            });
            section.put("rows", households.stream().map(h -> row(h, Map.of(
                    "category", h.category().label(), "damage", h.houseDamage().label()
                            + (h.damagedRooms() > 0 ? h.damagedRooms() + "间" : ""),
                    "cropLoss", h.cropLossMu().stripTrailingZeros().toPlainString(),
                    "needs", h.needsLabel(), "need", money(h.needAmount())))).toList());
            section.put("total", money(sum(households.stream().map(AffectedHousehold::needAmount).toList())));
            sections.add(section);
        }
        if (sections.isEmpty()) {
            throw RuleViolation.notFound(disaster.disasterNumber() + "的受灾户登记");
        }
        LocalDateTime issued = latest(townships, t -> queries.lastRegistered(disaster.id(), t).orElse(null));
        return document("relief/register", disaster, sections, "救灾对象登记表", "register", townships, issued);
    }

    /** 救助款物发放登记表 of the given townships: the paid households, each with a line for the recipient to sign. */
    public Document distribution(Disaster disaster, List<String> townships) {
        List<Map<String, Object>> sections = new ArrayList<>();
        for (String township : townships) {
            List<AffectedHousehold> paid = roster.list(disaster.id(), township).stream()
                    .filter(AffectedHousehold::paid).toList();
            if (paid.isEmpty()) {
                continue;
            }
            Map<String, Object> section = section(township, paid);
            section.put("rows", paid.stream().map(h -> row(h, Map.of(
                    "category", h.category().label(), "amount", money(h.allocatedAmount())))).toList());
            section.put("total", money(sum(paid.stream().map(AffectedHousehold::allocatedAmount).toList())));
            sections.add(section);
        }
        if (sections.isEmpty()) {
            throw new RuleViolation("NOT_PAID", disaster.disasterNumber() + "的救灾资金尚未发放，没有发放登记表", 409);
        }
        LocalDateTime issued = latest(townships, t -> queries.lastPaid(disaster.id(), t).orElse(null));
        return document("relief/distribution", disaster, sections, "救灾救助款物发放登记表", "distribution", townships, issued);
    }

    private Document document(String template, Disaster disaster, List<Map<String, Object>> sections, String title,
                              String kind, List<String> townships, LocalDateTime issued) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("issuer", ISSUER);
        model.put("disasterNumber", disaster.disasterNumber());
        model.put("disasterName", disaster.name());
        model.put("disasterKind", disaster.kind().label());
        model.put("occurredAt", DAY.format(disaster.occurredAt()));
        model.put("sections", sections);
        model.put("date", DAY.format(issued));
        String key = kind + ":" + disaster.disasterNumber() + ":" + String.join(",", townships) + ":" + issued;
        return new Document(template, model, title, key, issued);
    }

    private Map<String, Object> section(String township, List<AffectedHousehold> households) {
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("township", regions.find(township).map(Region::name).orElse(township));
        section.put("households", households.size());
        section.put("persons", households.stream().mapToInt(AffectedHousehold::persons).sum());
        return section;
    }

    private Map<String, Object> row(AffectedHousehold h, Map<String, Object> more) {
        Map<String, Object> row = new LinkedHashMap<>(more);
        row.put("village", regions.find(h.villageCode()).map(Region::name).orElse(h.villageCode()));
        row.put("name", h.headName());
        row.put("idNumber", h.idNumber().masked());
        row.put("persons", h.persons());
        row.put("address", h.address());
        return row;
    }

    private static LocalDateTime latest(List<String> townships, java.util.function.Function<String, LocalDateTime> of) {
        return townships.stream().map(of).filter(Objects::nonNull).max(LocalDateTime::compareTo).orElseThrow();
    }

    private static BigDecimal sum(List<BigDecimal> amounts) {
        return amounts.stream().filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static String money(BigDecimal amount) {
        return amount == null ? "" : amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
