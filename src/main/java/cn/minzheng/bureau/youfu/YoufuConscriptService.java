package cn.minzheng.bureau.youfu;

import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.minzheng.bureau.access.CurrentUser;
import cn.minzheng.bureau.common.JsonRows;
import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.household.ResidentIdNumber;
import cn.minzheng.bureau.region.AreaType;
import cn.minzheng.bureau.region.Region;
import cn.minzheng.bureau.region.RegionRepository;
import cn.minzheng.bureau.youfu.YoufuConscriptRepository.Grant;
import cn.minzheng.bureau.youfu.YoufuConscriptRepository.GrantStatus;

/**
 * The rules of 义务兵家庭优待金: a conscript is registered with the family member who is paid (one validation for
 * /api and tests); each year the conscripts in service on 1 August (八一) are listed with the year's amount from
 * youfu-conscript-allowance.dmn, once per conscript and year; the township's clerk decides 发放 or 不发放 for each,
 * and a grant is paid once by the program's next payroll.
 */
@Service
public class YoufuConscriptService {

    public static final String GRANT = "GRANT";
    public static final String NOT_GRANTED = "NOT_GRANTED";
    /** 义务兵 are enlisted aged 17 to 24 (full years) on the day of enlistment. */
    static final int MIN_AGE = 17;
    static final int MAX_AGE = 24;

    private final JdbcClient jdbc;
    private final YoufuConscriptRepository conscripts;
    private final YoufuConscriptAllowance allowance;
    private final RegionRepository regions;
    private final CurrentUser currentUser;

    public YoufuConscriptService(JdbcClient jdbc, YoufuConscriptRepository conscripts, YoufuConscriptAllowance allowance,
                                 RegionRepository regions, CurrentUser currentUser) {
        this.jdbc = jdbc;
        this.conscripts = conscripts;
        this.allowance = allowance;
        this.regions = regions;
        this.currentUser = currentUser;
    }

    /** The day of the year on which a conscript in service makes the family due that year's grant. */
    public static LocalDate dueDay(int year) {
        return LocalDate.of(year, 8, 1);
    }

    private record Member(long householdId, String townshipCode, String name, LocalDate birthDate) {
    }

    /** Registers a conscript and the family member paid; everything is checked before anything is written. */
    @Transactional
    public YoufuConscript register(Object idNumberValue, Object payeeIdNumberValue, Object enlistmentValue,
                                   Object dischargeValue, String actor) {
        String idNumber = ResidentIdNumber.require(idNumberValue, "义务兵身份证号");
        String payeeIdNumber = ResidentIdNumber.require(payeeIdNumberValue, "领取优待金的家属身份证号");
        if (idNumber.equals(payeeIdNumber)) {
            throw new RuleViolation("PAYEE_IS_CONSCRIPT", "优待金发给义务兵家属，领取人不能是义务兵本人");
        }
        Member conscript = member(idNumber, null).orElseThrow(() -> new RuleViolation("PERSON_NOT_FOUND",
                "身份证号" + idNumber + "不在户籍家庭信息中，请先登记其家庭", 404));
        Region township = regions.findCurrent(conscript.townshipCode()).orElseThrow();
        if (currentUser.isAuthenticated() && !currentUser.maySee(conscript.townshipCode())) {
            throw new RuleViolation("OUTSIDE_AREA", "您只能登记本乡镇（街道）的义务兵，" + conscript.name() + "的户籍在"
                    + township.name(), 403);
        }
        Member payee = member(payeeIdNumber, conscript.householdId()).orElseThrow(() -> new RuleViolation(
                "PAYEE_NOT_FAMILY", "身份证号" + payeeIdNumber + "不是" + conscript.name() + "家庭的成员，优待金只能发给义务兵家属"));
        LocalDate today = LocalDate.now();
        LocalDate enlisted = YoufuRules.date(enlistmentValue, "入伍日期");
        if (enlisted.isAfter(today)) {
            throw new RuleViolation("DATE_IN_FUTURE", "入伍日期" + enlisted + "不能晚于今天");
        }
        int age = Period.between(conscript.birthDate(), enlisted).getYears();
        if (age < MIN_AGE || age > MAX_AGE) {
            throw new RuleViolation("ENLISTMENT_AGE", conscript.name() + "入伍时" + age + "周岁，义务兵入伍年龄应为"
                    + MIN_AGE + "至" + MAX_AGE + "周岁，请核对入伍日期");
        }
        LocalDate discharged = dischargeValue == null || dischargeValue.toString().isBlank() ? null
                : YoufuRules.date(dischargeValue, "退役日期");
        if (discharged != null && !discharged.isAfter(enlisted)) {
            throw new RuleViolation("DISCHARGE_BEFORE_ENLISTMENT", "退役日期" + discharged + "应晚于入伍日期" + enlisted);
        }
        if (discharged != null && discharged.isAfter(today)) {
            throw new RuleViolation("DATE_IN_FUTURE", "退役日期" + discharged + "不能晚于今天");
        }
        conscripts.findByPerson(idNumber).ifPresent(c -> {
            throw new RuleViolation("ALREADY_REGISTERED", conscript.name() + "（身份证号" + idNumber + "）已登记为义务兵（编号"
                    + c.id() + "），不能重复登记", 409);
        });
        return conscripts.insert(new YoufuConscript(0, idNumber, conscript.name(), conscript.householdId(),
                conscript.townshipCode(), payeeIdNumber, payee.name(), enlisted, discharged), actor);
    }

    /** The person's newest record on the household register (in the given household, if one is given). */
    private java.util.Optional<Member> member(String idNumber, Long householdId) {
        return jdbc.sql("""
                select m.household_id, h.township_code, m.name, m.birth_date
                from household_member m join household h on h.id = m.household_id
                where m.id_number = ? and (cast(? as bigint) is null or m.household_id = ?) order by m.id desc""")
                .params(idNumber, householdId, householdId)
                .query((rs, n) -> new Member(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate()))
                .list().stream().findFirst();
    }

    /** Lists the year's grants (a conscript granted the year already is not listed); returns the townships. */
    @Transactional
    public List<String> list(int year, String processInstanceId) {
        for (YoufuConscript c : conscripts.inService(dueDay(year))) {
            AreaType area = regions.findCurrent(c.townshipCode()).orElseThrow().kind().areaType();
            YoufuConscriptAllowance.Amount amount = allowance.of(year, area);
            conscripts.propose(c, year, amount.amount(), amount.snapshot(), processInstanceId);
        }
        return conscripts.townships(processInstanceId);
    }

    public List<Map<String, Object>> rows(String processInstanceId, String townshipCode) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Grant g : conscripts.grants(processInstanceId, townshipCode)) {
            if (g.status() != GrantStatus.PROPOSED) {
                continue;
            }
            YoufuConscript c = conscripts.find(g.conscriptId()).orElseThrow();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("grantId", g.id());
            row.put("conscriptName", c.personName());
            row.put("idNumber", c.personIdNumber());
            row.put("enlistmentDate", c.enlistmentDate().toString());
            row.put("payeeName", c.payeeName());
            row.put("amount", Money.format(g.amount()));
            rows.add(row);
        }
        return rows;
    }

    /**
     * The clerk's answers for every listed conscript of the township, checked in full before any is written; each
     * 发放 becomes an enrolment the program's next payroll pays once.
     */
    @Transactional
    public int answer(String processInstanceId, String townshipCode, Object submitted, String actor) {
        Map<Long, Grant> open = new LinkedHashMap<>();
        for (Grant g : conscripts.grants(processInstanceId, townshipCode)) {
            if (g.status() == GrantStatus.PROPOSED) {
                open.put(g.id(), g);
            }
        }
        Map<Long, String> decisions = new HashMap<>();
        Map<Long, String> reasons = new HashMap<>();
        Set<Long> seen = new HashSet<>();
        for (Map<String, Object> row : JsonRows.of(submitted, "优待金名单")) {
            Long id = id(row.get("grantId"));
            Grant grant = id == null ? null : open.get(id);
            if (grant == null || !seen.add(id)) {
                throw new RuleViolation("YOUDAI_UNKNOWN", "优待金名单中有不属于本次发放的人员（编号" + row.get("grantId") + "）");
            }
            String name = conscripts.find(grant.conscriptId()).orElseThrow().personName();
            String decision = JsonRows.text(row, "decision");
            if (!GRANT.equals(decision) && !NOT_GRANTED.equals(decision)) {
                throw new RuleViolation("YOUDAI_DECISION_MISSING", "请选择" + name + "的核对结论（在役，发放优待金；或不发放）");
            }
            String reason = JsonRows.text(row, "reason");
            if (NOT_GRANTED.equals(decision) && reason == null) {
                throw new RuleViolation("YOUDAI_REASON_MISSING", name + "不发放优待金，请填写原因（如已退役、被除名、转改士官）");
            }
            if (reason != null && reason.length() > 500) {
                throw new RuleViolation("YOUDAI_REASON_TOO_LONG", name + "的原因不能超过500字");
            }
            decisions.put(id, decision);
            reasons.put(id, reason);
        }
        for (Grant g : open.values()) {
            if (!decisions.containsKey(g.id())) {
                throw new RuleViolation("YOUDAI_DECISION_MISSING", "请对名单中的每名义务兵作出核对结论，"
                        + conscripts.find(g.conscriptId()).orElseThrow().personName() + "尚未核对");
            }
        }
        int granted = 0;
        String month = YearMonth.now().toString();
        for (Grant g : open.values()) {
            if (GRANT.equals(decisions.get(g.id()))) {
                conscripts.grant(g.id(), month, actor);
                granted++;
            } else {
                conscripts.refuse(g.id(), reasons.get(g.id()), actor);
            }
        }
        return granted;
    }

    private static Long id(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        try {
            return value == null ? null : Long.valueOf(value.toString().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
