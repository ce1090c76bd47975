package cn.minzheng.bureau.ledger;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.minzheng.bureau.audit.AuditEvent;
import cn.minzheng.bureau.dibao.CaseCategory;
import cn.minzheng.bureau.dibao.CaseStatus;
import cn.minzheng.bureau.dibao.appeal.Appeal;
import cn.minzheng.bureau.deadline.StatutoryLimit;
import cn.minzheng.bureau.dibao.deadline.LimitKind;
import cn.minzheng.bureau.dibao.recovery.RecoveryProcess;
import cn.minzheng.bureau.dibao.report.Report;
import cn.minzheng.bureau.household.Labelled;
import cn.minzheng.bureau.organisation.OrganisationLimit;
import cn.minzheng.bureau.region.Region;
import cn.minzheng.bureau.region.RegionRepository;
import cn.minzheng.bureau.relief.HouseDamage;
import cn.minzheng.bureau.relief.HouseholdCategory;

/**
 * The audit trail as a clerk reads it: who (by name and post), what (低保案件, 状态变更), why, and each
 * change as 状态：已申请 → 入户调查中, with codes turned into their Chinese labels. The stored entries keep
 * their codes and JSON; this only reads them. A code without a label here is shown as stored.
 */
@Component
public class AuditLines {

    /** One entry: the changed fields in the order they were recorded. */
    public record Line(LocalDateTime occurredAt, String actor, String object, String action, String reason,
                       List<Change> changes) {
    }

    /** One field: its value before and after; either may be missing (created, removed). */
    public record Change(String field, String before, String after) {

        public String text() {
            if (before == null) {
                return field + "：" + after;
            }
            if (after == null) {
                return field + "：" + before + "（已删除）";
            }
            return field + "：" + before + " → " + after;
        }
    }

    private static final Map<String, String> OBJECTS = Map.ofEntries(
            Map.entry("DIBAO_CASE", "低保案件"),
            Map.entry("HOUSEHOLD", "家庭"),
            Map.entry("APPEAL", "申诉复核"),
            Map.entry("REPORT", "举报"),
            Map.entry("RECOVERY", "多发追回"),
            Map.entry("RELIEF_HOUSEHOLD", "受灾登记户"),
            Map.entry("IMPORT_BATCH", "名册导入"));

    private static final Map<String, String> ACTIONS = Map.ofEntries(
            Map.entry("CREATED", "登记"),
            Map.entry("IMPORTED", "名册导入"),
            Map.entry("STATUS_CHANGED", "状态变更"),
            Map.entry("CALCULATED", "测算低保金"),
            Map.entry("REVIEWED_AMOUNT", "复核调整补助"),
            Map.entry("START_MONTH_SET", "确定起始发放月份"),
            Map.entry("DECIDED", "办理决定"),
            Map.entry("REORGANISED", "区划调整"),
            Map.entry("TIME_LIMIT_OVERRUN", "超过法定期限"),
            Map.entry("TIME_LIMIT_SUPERVISED", "超期督办"),
            Map.entry("TIME_LIMIT_EXTENDED", "延长办理期限"),
            Map.entry("REFUSAL_NOTICE_DELIVERED", "送达不予批准通知"),
            Map.entry("ECONOMIC_CHECK_AUTHORISED", "签署经济状况核对授权书"),
            Map.entry("ECONOMIC_CHECK_ANSWERED", "家庭经济状况核对结果"),
            Map.entry("APPEAL_REGISTERED", "登记申诉"),
            Map.entry("REINVESTIGATED", "重新调查"),
            Map.entry("APPEAL_DECIDED", "复核决定"),
            Map.entry("REPORT_REGISTERED", "登记举报"),
            Map.entry("INVESTIGATOR_ASSIGNED", "指派调查人员"),
            Map.entry("INVESTIGATED", "调查核实"),
            Map.entry("REPORT_DECIDED", "举报处理决定"),
            Map.entry("OVERPAYMENT_COMPUTED", "核算多发金额"),
            Map.entry("RECOVERY_DECIDED", "决定追回方式"),
            Map.entry("HEAD_CHANGED", "变更户主（原户主已故）"),
            Map.entry("REGISTERED", "登记"));

    /** Field labels, in the order a line shows its fields. */
    private static final Map<String, String> FIELDS = ordered(
            "caseNumber", "案件编号",
            "step", "办理环节",
            "decision", "决定",
            "outcome", "结果",
            "status", "状态",
            "category", "类别",
            "members", "家庭成员",
            "relatedToStaff", "工作人员近亲属",
            "perCapitaIncome", "人均收入（元）",
            "monthlyStandard", "低保标准（元）",
            "categoryAddition", "分类施保加发（元）",
            "monthlyAmount", "月补助（元）",
            "startMonth", "起始发放月份",
            "effectiveMonth", "生效月份",
            "newAmount", "新月补助（元）",
            "townshipCode", "乡镇（街道）",
            "communityCode", "村（社区）",
            "address", "住址",
            "bankAccount", "银行账号",
            "limit", "法定期限",
            "workingDays", "期限（工作日）",
            "dueAt", "届满时间",
            "supervisorGroup", "督办",
            "deliveryMethod", "送达方式",
            "deliveredTo", "送达对象",
            "note", "备注",
            "contested", "申诉事项",
            "noticeDate", "收到决定日期",
            "channel", "举报方式",
            "anonymous", "匿名",
            "factKind", "举报事项",
            "investigator", "调查人员",
            "founded", "举报属实",
            "factFromMonth", "不符合条件起始月份",
            "fromMonth", "多发起始月份",
            "entitledAmount", "应发月补助（元）",
            "totalAmount", "多发合计（元）",
            "months", "月数",
            "method", "追回方式",
            "installmentAmount", "每月抵扣（元）",
            "disasterId", "灾害编号",
            "head", "户主",
            "houseDamage", "房屋受损",
            "needAmount", "救助需求（元）",
            "importBatchId", "导入批次",
            "fileName", "文件",
            "row", "行号");
    private static final List<String> FIELD_ORDER = List.copyOf(FIELDS.keySet());

    private static final Map<String, String> DELIVERY_METHODS = Map.of(
            "IN_PERSON", "直接送达", "POST", "邮寄送达", "LEFT_AT_HOME", "留置送达");
    private static final Map<String, String> RECOVERY_METHODS = Map.of(
            RecoveryProcess.REPAYMENT, "责令退回", RecoveryProcess.DEDUCTION, "按月抵扣", RecoveryProcess.WAIVER, "申请减免");
    private static final Map<String, String> APPEAL_STATUSES = Map.of(
            "REGISTERED", "已登记", "DECIDING", "待复核决定", "UPHELD", "维持原决定", "CHANGED", "变更原决定",
            "REVERSED", "撤销原决定");
    private static final Map<String, String> REPORT_STATUSES = Map.of(
            "REGISTERED", "已登记", "INVESTIGATING", "调查中", "DECIDING", "待处理决定", "UNFOUNDED", "举报不实",
            "FOUNDED", "查实");
    private static final Map<String, String> RECOVERY_STATUSES = Map.of(
            "OPEN", "待决定", "DEDUCTING", "按月抵扣中", "REPAID", "已退回", "RECOVERED", "已抵扣完毕", "WAIVED", "已减免",
            "NONE", "无多发");

    private final ObjectMapper json;
    private final PersonNames people;
    private final StepNames steps;
    private final RegionRepository regions;
    private final IdentityService identityService;

    public AuditLines(ObjectMapper json, PersonNames people, StepNames steps, RegionRepository regions,
                      IdentityService identityService) {
        this.json = json;
        this.people = people;
        this.steps = steps;
        this.regions = regions;
        this.identityService = identityService;
    }

    public List<Line> of(List<AuditEvent> events) {
        return events.stream().map(this::line).toList();
    }

    Line line(AuditEvent event) {
        String type = event.entityType();
        Map<String, Object> before = state(event.beforeState());
        Map<String, Object> after = state(event.afterState());
        Set<String> fields = new LinkedHashSet<>(before.keySet());
        fields.addAll(after.keySet());
        List<Change> changes = new ArrayList<>();
        for (String field : fields.stream().sorted(Comparator.comparingInt(AuditLines::rank)).toList()) {
            String was = before.containsKey(field) ? value(type, field, before.get(field)) : null;
            String is = after.containsKey(field) ? value(type, field, after.get(field)) : null;
            if (was != null && was.equals(is)) {
                continue; // recorded, but not changed
            }
            Object sample = after.containsKey(field) ? after.get(field) : before.get(field);
            changes.add(new Change("members".equals(field) && sample instanceof Number ? "家庭人口"
                    : FIELDS.getOrDefault(field, field), was, is));
        }
        return new Line(event.occurredAt(), people.of(event.actor()), OBJECTS.getOrDefault(type, type),
                ACTIONS.getOrDefault(event.action(), event.action()), event.reason(), changes);
    }

    private static int rank(String field) {
        int known = FIELD_ORDER.indexOf(field);
        return known < 0 ? FIELD_ORDER.size() : known;
    }

    private static Map<String, String> ordered(String... labels) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            map.put(labels[i], labels[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }

    private Map<String, Object> state(String stored) {
        if (stored == null || stored.isBlank()) {
            return Map.of();
        }
        try {
            return json.readerFor(new TypeReference<LinkedHashMap<String, Object>>() { })
                    .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readValue(stored);
        } catch (JsonProcessingException notJson) { // truncated at 4,000 characters, or not an object
            return Map.of("内容", stored);
        }
    }

    private String value(String type, String field, Object value) {
        if (value == null) {
            return "—";
        }
        if (value instanceof Boolean b) {
            return b ? "是" : "否";
        }
        if (value instanceof Collection<?> items) {
            return items.stream().map(String::valueOf).collect(Collectors.joining("、"));
        }
        if (value instanceof BigDecimal amount) {
            return amount.toPlainString();
        }
        String code = value.toString();
        return switch (field) {
            case "status" -> switch (type) {
                case "APPEAL" -> APPEAL_STATUSES.getOrDefault(code, code);
                case "REPORT" -> REPORT_STATUSES.getOrDefault(code, code);
                case "RECOVERY" -> RECOVERY_STATUSES.getOrDefault(code, code);
                default -> label(CaseStatus.class, code);
            };
            case "category" -> "RELIEF_HOUSEHOLD".equals(type) ? label(HouseholdCategory.class, code)
                    : label(CaseCategory.class, code);
            case "houseDamage" -> label(HouseDamage.class, code);
            case "limit" -> Arrays.<StatutoryLimit>stream("SOCIAL_ORGANISATION".equals(type) ? OrganisationLimit.values() : LimitKind.values())
                    .filter(k -> k.name().equals(code)).map(StatutoryLimit::label).findFirst().orElse(code);
            case "step" -> steps.of(code);
            case "decision", "outcome" -> DecisionLabels.of(code);
            case "townshipCode", "communityCode" -> regions.find(code).map(Region::name).orElse(code);
            case "supervisorGroup" -> groupName(code);
            case "investigator" -> people.of(code);
            case "deliveryMethod" -> DELIVERY_METHODS.getOrDefault(code, code);
            case "method" -> RECOVERY_METHODS.getOrDefault(code, code);
            case "contested" -> Appeal.contestedLabel(code);
            case "channel" -> Report.channelLabel(code);
            case "factKind" -> Report.factKindLabel(code);
            default -> code;
        };
    }

    private String groupName(String groupId) {
        Group group = identityService.createGroupQuery().groupId(groupId).singleResult();
        return group == null || group.getName() == null ? groupId : group.getName();
    }

    private static <E extends Enum<E> & Labelled> String label(Class<E> type, String code) {
        return Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(code)).map(Labelled::label)
                .findFirst().orElse(code);
    }
}
