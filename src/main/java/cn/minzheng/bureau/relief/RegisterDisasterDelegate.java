package cn.minzheng.bureau.relief;

import static cn.minzheng.bureau.relief.DisasterReliefProcess.VAR_DISASTER_ID;

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

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.calendar.DurationHelper;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.common.Quantities;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.common.TaskInput;
import cn.minzheng.bureau.household.Labelled;
import cn.minzheng.bureau.region.Region;
import cn.minzheng.bureau.region.RegionKind;
import cn.minzheng.bureau.region.RegionRepository;
import cn.minzheng.bureau.relief.DisasterRepository.NewDisaster;

/**
 * 登记灾害: validates the start form (kind, dates, affected villages, first estimates) and stores the
 * disaster with one roster per affected township; the process keeps the disaster's id.
 */
@Component("registerDisaster")
public class RegisterDisasterDelegate implements JavaDelegate {

    static final List<String> FORM_VARIABLES = List.of("disasterKind", "occurredAt", "endedOn", "affectedVillages",
            "cropAreaMu", "housesDamaged", "housesCollapsed", "peopleAffected");

    private final DisasterRepository disasters;
    private final RegionRepository regions;
    private final ReliefSettings settings;

    public RegisterDisasterDelegate(DisasterRepository disasters, RegionRepository regions, ReliefSettings settings) {
        this.disasters = disasters;
        this.regions = regions;
        this.settings = settings;
    }

    @Override
    public void execute(DelegateExecution execution) throws Exception {
        TaskInput input = new TaskInput(execution);
        DisasterKind kind = Labelled.parse(DisasterKind.class, execution.getVariable("disasterKind"), "灾害种类");
        String name = input.text("disasterName", "灾害名称", 100);
        LocalDateTime occurredAt = dateTime(execution.getVariable("occurredAt"));
        if (occurredAt.isAfter(LocalDateTime.now().plusMinutes(5))) {
            throw new RuleViolation("INVALID_DATE", "灾害发生时间不能晚于现在");
        }
        String endedText = input.optionalText("endedOn", "灾害结束日期", 30);
        LocalDate endedOn = endedText == null ? null : date(endedText);
        if (endedOn != null && endedOn.isBefore(occurredAt.toLocalDate())) {
            throw new RuleViolation("INVALID_DATE", "灾害结束日期不能早于发生日期");
        }
        List<Region> villages = villages(execution.getVariable("affectedVillages"));
        Set<String> townships = new LinkedHashSet<>();
        villages.forEach(v -> townships.add(v.parentCode()));
        BigDecimal cropArea = Money.parse(execution.getVariable("cropAreaMu"), "农作物受灾面积（亩）");
        int damaged = (int) Quantities.whole(execution.getVariable("housesDamaged"), "损坏房屋（间）", 0, 1_000_000);
        int collapsed = (int) Quantities.whole(execution.getVariable("housesCollapsed"), "倒塌房屋（间）", 0, 1_000_000);
        int people = (int) Quantities.whole(execution.getVariable("peopleAffected"), "受灾人口（人）", 0, 10_000_000);

        Disaster disaster = disasters.insert(new NewDisaster(kind, name, occurredAt, endedOn, cropArea, damaged, collapsed,
                people, villages.stream().map(Region::code).toList(), new ArrayList<>(townships)), initiator(execution));
        disasters.setProcessInstance(disaster.id(), execution.getProcessInstanceId());

        Date initialReportDue = new DurationHelper(settings.getInitialReportDeadline(),
                Date.from(occurredAt.atZone(ZoneId.systemDefault()).toInstant())).getDateAfter();
        execution.removeVariables(FORM_VARIABLES);
        execution.setVariable(VAR_DISASTER_ID, disaster.id());
        execution.setVariable("disasterNumber", disaster.disasterNumber());
        execution.setVariable("disasterKindLabel", kind.label());
        execution.setVariable("occurredAtText", occurredAt.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
        execution.setVariable("initialReportDue", initialReportDue);
        execution.setVariable("affectedArea", String.join("、", villages.stream()
                .map(v -> regions.find(v.parentCode()).map(Region::name).orElse("") + v.name()).toList()));
        execution.setVariable("estimatesSummary", "农作物受灾" + Money.format(cropArea) + "亩，损坏房屋" + damaged
                + "间，倒塌房屋" + collapsed + "间，受灾人口" + people + "人");
        execution.setProcessBusinessKey(disaster.disasterNumber());
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

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw new RuleViolation("INVALID_DATE", "灾害结束日期格式不正确，应为“2026-05-03”");
        }
    }

    private static String initiator(DelegateExecution execution) {
        Object initiator = execution.getVariable("initiator");
        return initiator == null ? "system" : initiator.toString();
    }
}
