package cn.minzheng.bureau.relief;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.Year;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import cn.minzheng.bureau.common.RecordRows;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.engine.EngineClock;

/** Disasters, their affected area, township rosters' sign-off, reports and escalations. */
@Repository
public class DisasterRepository {

    private static final String COLUMNS = """
            id, disaster_number, kind, name, occurred_at, ended_on, crop_area_mu, houses_damaged, houses_collapsed,
            people_affected, status, fund_requested, city_fund, fund_balance, process_instance_id""";

    private final JdbcClient jdbc;

    public DisasterRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record NewDisaster(DisasterKind kind, String name, LocalDateTime occurredAt, java.time.LocalDate endedOn,
                              BigDecimal cropAreaMu, int housesDamaged, int housesCollapsed, int peopleAffected,
                              List<String> villageCodes, List<String> townshipCodes) {
    }

    public Disaster insert(NewDisaster disaster, String actor) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into relief_disaster (disaster_number, kind, name, occurred_at, ended_on, crop_area_mu,
                    houses_damaged, houses_collapsed, people_affected, status, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params("PENDING-" + UUID.randomUUID().toString().substring(0, 20), disaster.kind().name(), disaster.name(),
                        Timestamp.valueOf(disaster.occurredAt()), disaster.endedOn(), disaster.cropAreaMu(),
                        disaster.housesDamaged(), disaster.housesCollapsed(), disaster.peopleAffected(),
                        DisasterStatus.REGISTERED.name(), actor, Timestamp.from(EngineClock.instant()))
                .update(key, "id");
        long id = key.getKey().longValue();
        jdbc.sql("update relief_disaster set disaster_number = ? where id = ?")
                .params("ZH" + Year.from(EngineClock.today()) + "-" + String.format("%04d", id), id).update();
        for (String village : disaster.villageCodes()) {
            jdbc.sql("insert into relief_disaster_village (disaster_id, village_code) values (?, ?)").params(id, village).update();
        }
        for (String township : disaster.townshipCodes()) {
            jdbc.sql("insert into relief_township_roster (disaster_id, township_code, status) values (?, ?, ?)")
                    .params(id, township, RosterStatus.OPEN.name()).update();
        }
        return find(id).orElseThrow();
    }

    public Optional<Disaster> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from relief_disaster where id = ?").param(id).query(RecordRows.of(Disaster.class)).optional();
    }

    /** The disasters whose rosters are being registered (灾情核查中), newest first. */
    public List<Disaster> registering() {
        return jdbc.sql("select " + COLUMNS + " from relief_disaster where status = ? order by id desc")
                .param(DisasterStatus.REGISTERED.name()).query(RecordRows.of(Disaster.class)).list();
    }

    public Disaster get(long id) {
        return find(id).orElseThrow(() -> RuleViolation.notFound("灾害事件" + id));
    }

    public void setProcessInstance(long id, String processInstanceId) {
        jdbc.sql("update relief_disaster set process_instance_id = ? where id = ?").params(processInstanceId, id).update();
    }

    public void changeStatus(long id, DisasterStatus status) {
        jdbc.sql("update relief_disaster set status = ? where id = ?").params(status.name(), id).update();
    }

    public void verify(long id, String note) {
        jdbc.sql("update relief_disaster set status = ?, verification_note = ? where id = ?")
                .params(DisasterStatus.VERIFIED.name(), note, id).update();
    }

    public void requestFund(long id, BigDecimal amount) {
        jdbc.sql("update relief_disaster set status = ?, fund_requested = ? where id = ?")
                .params(DisasterStatus.FUND_REQUESTED.name(), amount, id).update();
    }

    public void receiveCityFund(long id, BigDecimal amount) {
        jdbc.sql("update relief_disaster set status = ?, city_fund = ? where id = ?")
                .params(DisasterStatus.FUND_RECEIVED.name(), amount, id).update();
    }

    public void recordBalance(long id, BigDecimal balance) {
        jdbc.sql("update relief_disaster set status = ?, fund_balance = ? where id = ?")
                .params(DisasterStatus.ALLOCATED.name(), balance, id).update();
    }

    public List<String> villages(long id) {
        return jdbc.sql("select village_code from relief_disaster_village where disaster_id = ? order by village_code")
                .param(id).query(String.class).list();
    }

    public List<String> townships(long id) {
        return jdbc.sql("select township_code from relief_township_roster where disaster_id = ? order by township_code")
                .param(id).query(String.class).list();
    }

    public record TownshipRoster(String townshipCode, RosterStatus status, String registeredBy, String signedOffBy,
                                 String reviewComment) {
    }

    public List<TownshipRoster> rosters(long id) {
        return jdbc.sql("""
                select township_code, status, registered_by, signed_off_by, review_comment
                from relief_township_roster where disaster_id = ? order by township_code""")
                .param(id).query(RecordRows.of(TownshipRoster.class)).list();
    }

    public void rosterRegistered(long id, String township, String actor) {
        jdbc.sql("update relief_township_roster set status = ?, registered_by = ? where disaster_id = ? and township_code = ?")
                .params(RosterStatus.REGISTERED.name(), actor, id, township).update();
    }

    public void rosterReviewed(long id, String township, RosterStatus status, String actor, String comment) {
        jdbc.sql("""
                update relief_township_roster set status = ?, signed_off_by = ?, signed_off_at = ?, review_comment = ?
                where disaster_id = ? and township_code = ?""")
                .params(status.name(), actor, Timestamp.from(EngineClock.instant()), comment, id, township).update();
    }

    public void fileReport(long id, ReportStage stage, String content, DisasterIndicators i, String actor) {
        jdbc.sql("""
                insert into relief_report (disaster_id, stage, content, filed_by, filed_at, affected_people, deaths,
                    missing_people, relocated, needing_assistance, crop_affected_mu, crop_damaged_mu, crop_lost_mu,
                    collapsed_households, collapsed_rooms, severe_households, severe_rooms, general_households,
                    general_rooms, direct_loss)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, stage.name(), content, actor, Timestamp.from(EngineClock.instant()), i.affectedPeople(), i.deaths(),
                        i.missing(), i.relocated(), i.needingAssistance(), i.cropAffectedMu(), i.cropDamagedMu(),
                        i.cropLostMu(), i.collapsedHouseholds(), i.collapsedRooms(), i.severeHouseholds(), i.severeRooms(),
                        i.generalHouseholds(), i.generalRooms(), i.directLoss())
                .update();
    }

    /** A filed report; {@code indicators} is null for a report filed before they were recorded as numbers. */
    public record Report(ReportStage stage, String content, String filedBy, DisasterIndicators indicators) {
    }

    public List<Report> reports(long id) {
        return jdbc.sql("""
                select stage, content, filed_by, affected_people, deaths, missing_people, relocated, needing_assistance,
                       crop_affected_mu, crop_damaged_mu, crop_lost_mu, collapsed_households, collapsed_rooms,
                       severe_households, severe_rooms, general_households, general_rooms, direct_loss
                from relief_report where disaster_id = ? order by id""")
                .param(id).query((rs, n) -> new Report(ReportStage.valueOf(rs.getString("stage")), rs.getString("content"),
                        rs.getString("filed_by"), rs.getObject("affected_people") == null ? null : new DisasterIndicators(
                        rs.getInt("affected_people"), rs.getInt("deaths"), rs.getInt("missing_people"),
                        rs.getInt("relocated"), rs.getInt("needing_assistance"), rs.getBigDecimal("crop_affected_mu"),
                        rs.getBigDecimal("crop_damaged_mu"), rs.getBigDecimal("crop_lost_mu"),
                        rs.getInt("collapsed_households"), rs.getInt("collapsed_rooms"), rs.getInt("severe_households"),
                        rs.getInt("severe_rooms"), rs.getInt("general_households"), rs.getInt("general_rooms"),
                        rs.getBigDecimal("direct_loss")))).list();
    }

    public long escalate(long id, ReportStage stage) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into relief_escalation (disaster_id, stage, escalated_at) values (?, ?, ?)")
                .params(id, stage.name(), Timestamp.from(EngineClock.instant())).update(key, "id");
        return key.getKey().longValue();
    }

    public void handleEscalation(long escalationId, String actor, String instruction) {
        jdbc.sql("update relief_escalation set handled_by = ?, handled_at = ?, instruction = ? where id = ?")
                .params(actor, Timestamp.from(EngineClock.instant()), instruction, escalationId).update();
    }

    public record Escalation(ReportStage stage, String handledBy, String instruction) {
    }

    public List<Escalation> escalations(long id) {
        return jdbc.sql("select stage, handled_by, instruction from relief_escalation where disaster_id = ? order by id")
                .param(id).query(RecordRows.of(Escalation.class)).list();
    }
}
