package cn.minzheng.bureau.distribution;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Year;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.common.RecordRows;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.distribution.DistributionRules.Definition;
import cn.minzheng.bureau.engine.EngineClock;

/**
 * Distributions to enrolled groups, their frozen recipient lists and the townships' sign-offs; the one writer of
 * group_distribution, group_distribution_recipient and group_distribution_signoff. Reads the group from the
 * enrolments (active ones) and the household file.
 */
@Repository
public class DistributionRepository {

    private final JdbcClient jdbc;

    public DistributionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Distribution(long id, String distributionNumber, String name, Occasion occasion, List<String> programCodes,
                               List<String> townships, BigDecimal cashPerRecipient, String itemName, int itemQuantity,
                               String itemUnit, String status, String createdBy) {

        public Definition definition() {
            return new Definition(name, occasion, programCodes, townships, cashPerRecipient, itemName, itemQuantity, itemUnit);
        }
    }

    public record Recipient(String townshipCode, long householdId, String idNumber, String name, String address,
                            String programCodes, boolean signed) {
    }

    /** A township's sign-off. */
    public record SignOff(String townshipCode, int recipients, BigDecimal cash, int itemQuantity, String signedBy) {
    }

    private record Row(long id, String distributionNumber, String name, String occasion, String programCodes,
                       String townshipFilter, BigDecimal cashPerRecipient, String itemName, int itemQuantity,
                       String itemUnit, String status, String createdBy) {

        Distribution distribution() {
            return new Distribution(id, distributionNumber, name, Occasion.valueOf(occasion), split(programCodes),
                    split(townshipFilter), Money.of(cashPerRecipient), itemName, itemQuantity, itemUnit, status, createdBy);
        }
    }

    private static List<String> split(String codes) {
        return codes == null ? List.of() : Arrays.stream(codes.split(",")).filter(c -> !c.isBlank()).toList();
    }

    /**
     * The group as it stands: one entry per living person (ID number) with an active enrolment in one of the programs
     * in one of the townships (all without a filter); a household's enrolment (低保) names its head. A person in two
     * of the programs is listed once, with both.
     */
    public List<Recipient> group(List<String> programCodes, List<String> townships) {
        String inPrograms = String.join(",", programCodes.stream().map(c -> "?").toList());
        String inTownships = townships.isEmpty() ? "" : " and e.township_code in ("
                + String.join(",", townships.stream().map(c -> "?").toList()) + ")";
        List<Object> params = new ArrayList<>(programCodes);
        params.addAll(townships);
        Map<String, Recipient> byPerson = new LinkedHashMap<>();
        jdbc.sql("""
                select e.township_code, e.household_id, m.id_number, m.name, h.address, e.program_code
                from enrolment e join household h on h.id = e.household_id
                join household_member m on m.household_id = e.household_id and m.died_on is null
                    and ((e.person_id_number is not null and m.id_number = e.person_id_number)
                      or (e.person_id_number is null and m.relation = 'HEAD'))
                where e.status = 'ACTIVE' and e.program_code in (""" + inPrograms + ")" + inTownships + """
                 order by e.township_code, m.id_number, e.program_code""")
                .params(params)
                .query(rs -> {
                    String idNumber = rs.getString("id_number").toUpperCase();
                    Recipient known = byPerson.get(idNumber);
                    String program = rs.getString("program_code");
                    if (known == null) {
                        byPerson.put(idNumber, new Recipient(rs.getString("township_code"), rs.getLong("household_id"),
                                idNumber, rs.getString("name"), rs.getString("address"), program, false));
                    } else if (!Arrays.asList(known.programCodes().split(",")).contains(program)) {
                        byPerson.put(idNumber, new Recipient(known.townshipCode(), known.householdId(), idNumber,
                                known.name(), known.address(), known.programCodes() + "," + program, false));
                    }
                });
        return List.copyOf(byPerson.values());
    }

    /** Stores the distribution with its frozen list; the number is WW-&lt;year&gt;-&lt;nnnn&gt;. */
    public Distribution insert(Definition d, List<Recipient> recipients, String processInstanceId, String actor) {
        KeyHolder key = new GeneratedKeyHolder();
        Timestamp now = Timestamp.from(EngineClock.instant());
        jdbc.sql("""
                insert into group_distribution (distribution_number, name, occasion, program_codes, township_filter,
                    cash_per_recipient, item_name, item_quantity, item_unit, status, process_instance_id, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'DISTRIBUTING', ?, ?, ?)""")
                .params("PENDING-" + UUID.randomUUID().toString().substring(0, 20), d.name(), d.occasion().name(),
                        String.join(",", d.programCodes()), d.townships().isEmpty() ? null : String.join(",", d.townships()),
                        d.cashPerRecipient(), d.itemName(), d.itemQuantity(), d.itemUnit(), processInstanceId, actor, now)
                .update(key, "id");
        long id = key.getKey().longValue();
        jdbc.sql("update group_distribution set distribution_number = ? where id = ?")
                .params("WW-" + Year.from(EngineClock.today()) + "-" + String.format("%04d", id), id).update();
        for (Recipient r : recipients) {
            jdbc.sql("""
                    insert into group_distribution_recipient (distribution_id, township_code, household_id, id_number, name,
                        address, program_codes, signed) values (?, ?, ?, ?, ?, ?, ?, false)""")
                    .params(id, r.townshipCode(), r.householdId(), r.idNumber(), r.name(), r.address(), r.programCodes())
                    .update();
        }
        return find(id);
    }

    public Distribution find(long id) {
        return jdbc.sql("""
                select id, distribution_number, name, occasion, program_codes, township_filter, cash_per_recipient, item_name,
                    item_quantity, item_unit, status, created_by from group_distribution where id = ?""")
                .param(id).query(RecordRows.of(Row.class)).optional().map(Row::distribution)
                .orElseThrow(() -> RuleViolation.notFound("发放" + id));
    }

    public Optional<Distribution> ofProcess(String processInstanceId) {
        return jdbc.sql("select id from group_distribution where process_instance_id = ?").param(processInstanceId)
                .query(Long.class).optional().map(this::find);
    }

    public List<Distribution> all() {
        return jdbc.sql("""
                select id, distribution_number, name, occasion, program_codes, township_filter, cash_per_recipient, item_name,
                    item_quantity, item_unit, status, created_by from group_distribution order by id desc""")
                .query(RecordRows.of(Row.class)).list().stream().map(Row::distribution).toList();
    }

    public List<Recipient> recipients(long distributionId) {
        return jdbc.sql("""
                select township_code, household_id, id_number, name, address, program_codes, signed
                from group_distribution_recipient where distribution_id = ? order by township_code, id""")
                .param(distributionId).query(RecordRows.of(Recipient.class)).list();
    }

    public List<SignOff> signOffs(long distributionId) {
        return jdbc.sql("""
                select township_code, recipients, cash, item_quantity, signed_by from group_distribution_signoff
                where distribution_id = ? order by township_code""")
                .param(distributionId).query(RecordRows.of(SignOff.class)).list();
    }

    /** A township's sign-off, once: the signed people marked, the totals recorded (the primary key refuses a second). */
    public void signOff(long distributionId, String township, List<String> signed, BigDecimal cash, int itemQuantity,
                        String actor) {
        if (jdbc.sql("select count(*) from group_distribution_signoff where distribution_id = ? and township_code = ?")
                .params(distributionId, township).query(Long.class).single() > 0) {
            throw new RuleViolation("ALREADY_SIGNED_OFF", "本乡镇（街道）已签领确认过本次发放，不能重复登记", 409);
        }
        jdbc.sql("""
                insert into group_distribution_signoff (distribution_id, township_code, recipients, cash, item_quantity,
                    signed_by, signed_at) values (?, ?, ?, ?, ?, ?, ?)""")
                .params(distributionId, township, signed.size(), cash, itemQuantity, actor, Timestamp.from(EngineClock.instant()))
                .update();
        for (String idNumber : signed) {
            jdbc.sql("""
                    update group_distribution_recipient set signed = true
                    where distribution_id = ? and township_code = ? and id_number = ?""")
                    .params(distributionId, township, idNumber).update();
        }
    }

    public void complete(long distributionId) {
        jdbc.sql("update group_distribution set status = 'COMPLETED' where id = ?").param(distributionId).update();
    }
}
