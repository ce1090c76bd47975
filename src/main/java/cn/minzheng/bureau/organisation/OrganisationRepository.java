package cn.minzheng.bureau.organisation;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import cn.minzheng.bureau.audit.AuditTrail;
import cn.minzheng.bureau.common.RecordRows;
import cn.minzheng.bureau.common.RuleViolation;

/**
 * The register of social organisations: the only writer of social_organisation, its status history, the names
 * taken (registered or reserved) and the certificate numbers. Every change with its dated history row and audit entry.
 */
@Repository
public class OrganisationRepository {

    static final String ENTITY = "SOCIAL_ORGANISATION";

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    public OrganisationRepository(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** What a 成立登记 application says of the organisation. */
    public record Application(String name, OrganisationKind kind, String legalRepresentative, String domicile,
                              BigDecimal registeredFunds, String businessScope, String supervisorUnit,
                              String supervisorApprovalNo, LocalDate supervisorApprovedOn) {
    }

    public record Organisation(long id, String name, OrganisationKind kind, String creditCode, String legalRepresentative,
                               String domicile, BigDecimal registeredFunds, String businessScope, String supervisorUnit,
                               String supervisorApprovalNo, LocalDate supervisorApprovedOn, OrganisationStatus status,
                               String certificateNo, LocalDate registeredOn, LocalDate announcedOn, String processInstanceId,
                               String appliedBy, String reviewedBy, String approvedBy) {
    }

    public record StatusChange(OrganisationStatus status, LocalDate changedOn, String changedBy, String note) {
    }

    /** A name taken: by an organisation (applied or registered), or by a reservation not yet used. */
    public record NameHold(String name, Long organisationId, String reservationNo, LocalDate reservedUntil) {
    }

    private static final String COLUMNS = """
            id, name, kind, credit_code, legal_representative, domicile, registered_funds, business_scope, supervisor_unit,
            supervisor_approval_no, supervisor_approved_on, status, certificate_no, registered_on, announced_on,
            process_instance_id, applied_by, reviewed_by, approved_by""";

    public Optional<Organisation> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from social_organisation where id = ?").param(id)
                .query(RecordRows.of(Organisation.class)).optional();
    }

    public Optional<Organisation> findByCreditCode(String creditCode) {
        return jdbc.sql("select " + COLUMNS + " from social_organisation where credit_code = ?").param(creditCode)
                .query(RecordRows.of(Organisation.class)).optional();
    }

    public List<Organisation> list() {
        return jdbc.sql("select " + COLUMNS + " from social_organisation order by id").query(RecordRows.of(Organisation.class)).list();
    }

    public List<StatusChange> history(long id) {
        return jdbc.sql("""
                select status, changed_on, changed_by, note from social_organisation_status_history
                where organisation_id = ? order by id""").param(id).query(RecordRows.of(StatusChange.class)).list();
    }

    /** Who holds the name now; a reservation past its day holds nothing. */
    public Optional<NameHold> holder(String name, LocalDate today) {
        return jdbc.sql("""
                select name, organisation_id, reservation_no, reserved_until from social_organisation_name
                where name = ? and (organisation_id is not null or reserved_until >= ?)""")
                .params(name, today).query(RecordRows.of(NameHold.class)).optional();
    }

    /** 名称预先核准: the name kept for the applicant until the day given; the reservation's number. */
    @Transactional
    public String reserve(String name, LocalDate until, LocalDate today, String actor) {
        releaseExpired(name, today);
        int year = today.getYear();
        String prefix = "名核" + year + "-";
        int last = jdbc.sql("select count(*) from social_organisation_name where reservation_no like ?").param(prefix + "%")
                .query(Integer.class).single();
        String number = prefix + String.format("%04d", last + 1);
        try {
            jdbc.sql("""
                    insert into social_organisation_name (name, reservation_no, reserved_until, reserved_by, reserved_at)
                    values (?, ?, ?, ?, ?)""").params(name, number, until, actor, Timestamp.from(Instant.now())).update();
        } catch (DuplicateKeyException taken) {
            throw nameTaken(name);
        }
        audit.record(ENTITY, 0, null, null, "NAME_RESERVED", actor, name, null, Map.of("reservationNo", number,
                "until", until.toString()));
        return number;
    }

    /**
     * 成立登记 applied for: the organisation in the register as {@link OrganisationStatus#APPLIED}, its name taken
     * (the applicant's own reservation, if named, is used up).
     */
    @Transactional
    public long apply(Application application, String reservationNo, LocalDate today, String processInstanceId, String actor) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into social_organisation (name, kind, legal_representative, domicile, registered_funds, business_scope,
                    supervisor_unit, supervisor_approval_no, supervisor_approved_on, status, process_instance_id, applied_by,
                    created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(application.name(), application.kind().name(), application.legalRepresentative(), application.domicile(),
                        application.registeredFunds(), application.businessScope(), application.supervisorUnit(),
                        application.supervisorApprovalNo(), application.supervisorApprovedOn(), OrganisationStatus.APPLIED.name(),
                        processInstanceId, actor, Timestamp.from(Instant.now()))
                .update(key, "id");
        long id = key.getKey().longValue();
        if (reservationNo != null) {
            int claimed = jdbc.sql("""
                    update social_organisation_name set organisation_id = ? where name = ? and reservation_no = ?
                    and organisation_id is null and reserved_until >= ?""").params(id, application.name(), reservationNo, today).update();
            if (claimed != 1) {
                throw new RuleViolation("RESERVATION_MISMATCH", "名称预先核准通知书编号“" + reservationNo + "”与名称“"
                        + application.name() + "”不符或已过期");
            }
        } else {
            releaseExpired(application.name(), today);
            try {
                jdbc.sql("insert into social_organisation_name (name, organisation_id, reserved_by, reserved_at) values (?, ?, ?, ?)")
                        .params(application.name(), id, actor, Timestamp.from(Instant.now())).update();
            } catch (DuplicateKeyException taken) {
                throw nameTaken(application.name());
            }
        }
        history(id, OrganisationStatus.APPLIED, today, actor, "申请成立登记");
        audit.record(ENTITY, id, null, null, "APPLIED", actor, application.name(), null,
                Map.of("kind", application.kind().name(), "registeredFunds", application.registeredFunds().toPlainString(),
                        "supervisorUnit", application.supervisorUnit()));
        return id;
    }

    /** A 社区社会组织's 备案 as the street office's clerk entered it. */
    public record Filing(String name, String leader, String activityPlace, String activities, String townshipCode,
                         String streetOffice) {
    }

    /**
     * 社区社会组织备案 applied for at the street office: in the register as {@link OrganisationStatus#APPLIED} with
     * kind {@link OrganisationKind#COMMUNITY_ORGANISATION}, the street office as 备案机关, the name taken.
     */
    @Transactional
    public long applyForFiling(Filing filing, LocalDate today, String processInstanceId, String actor) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into social_organisation (name, kind, legal_representative, domicile, business_scope, supervisor_unit,
                    township_code, status, process_instance_id, applied_by, created_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(filing.name(), OrganisationKind.COMMUNITY_ORGANISATION.name(), filing.leader(), filing.activityPlace(),
                        filing.activities(), filing.streetOffice(), filing.townshipCode(), OrganisationStatus.APPLIED.name(),
                        processInstanceId, actor, Timestamp.from(Instant.now()))
                .update(key, "id");
        long id = key.getKey().longValue();
        releaseExpired(filing.name(), today);
        try {
            jdbc.sql("insert into social_organisation_name (name, organisation_id, reserved_by, reserved_at) values (?, ?, ?, ?)")
                    .params(filing.name(), id, actor, Timestamp.from(Instant.now())).update();
        } catch (DuplicateKeyException taken) {
            throw nameTaken(filing.name());
        }
        history(id, OrganisationStatus.APPLIED, today, actor, "向" + filing.streetOffice() + "申请社区社会组织备案");
        audit.record(ENTITY, id, null, null, "FILING_APPLIED", actor, filing.name(), null,
                Map.of("kind", OrganisationKind.COMMUNITY_ORGANISATION.name(), "townshipCode", filing.townshipCode()));
        return id;
    }

    /**
     * 备案 recorded by the street office's reviewer: the next filing number of the street office and year
     * (“岳村乡社备字（2026）第0001号”), status {@link OrganisationStatus#FILED}, on the public register from today.
     */
    @Transactional
    public String filed(long id, LocalDate on, String actor) {
        requireStatus(id, OrganisationStatus.APPLIED);
        Map<String, Object> row = jdbc.sql("select township_code, supervisor_unit from social_organisation where id = ?")
                .param(id).query().singleRow();
        String township = (String) row.get("township_code");
        int year = on.getYear();
        int updated = jdbc.sql("""
                update community_organisation_filing_seq set last_number = last_number + 1
                where township_code = ? and filing_year = ?""").params(township, year).update();
        if (updated == 0) {
            jdbc.sql("insert into community_organisation_filing_seq (township_code, filing_year, last_number) values (?, ?, 1)")
                    .params(township, year).update();
        }
        int number = jdbc.sql("select last_number from community_organisation_filing_seq where township_code = ? and filing_year = ?")
                .params(township, year).query(Integer.class).single();
        String filingNo = row.get("supervisor_unit") + "社备字（" + year + "）第" + String.format("%04d", number) + "号";
        jdbc.sql("""
                update social_organisation set status = ?, certificate_no = ?, registered_on = ?, announced_on = ?,
                    reviewed_by = ?, approved_by = ? where id = ?""")
                .params(OrganisationStatus.FILED.name(), filingNo, on, on, actor, actor, id).update();
        history(id, OrganisationStatus.FILED, on, actor, "准予备案，备案编号" + filingNo);
        audit.record(ENTITY, id, null, null, "FILED", actor, filingNo, null, Map.of("filingNo", filingNo));
        return filingNo;
    }

    @Transactional
    public void reviewed(long id, String actor, String comment) {
        jdbc.sql("update social_organisation set reviewed_by = ? where id = ?").params(actor, id).update();
        audit.record(ENTITY, id, null, null, "REVIEWED", actor, comment, null, null);
    }

    @Transactional
    public void approved(long id, String actor, String comment) {
        jdbc.sql("update social_organisation set approved_by = ? where id = ?").params(actor, id).update();
        audit.record(ENTITY, id, null, null, "APPROVED", actor, comment, null, null);
    }

    /** 不予登记: the name is free again. */
    @Transactional
    public void refused(long id, LocalDate today, String actor, String reason) {
        requireStatus(id, OrganisationStatus.APPLIED);
        jdbc.sql("update social_organisation set status = ? where id = ?").params(OrganisationStatus.REFUSED.name(), id).update();
        jdbc.sql("delete from social_organisation_name where organisation_id = ?").param(id).update();
        history(id, OrganisationStatus.REFUSED, today, actor, reason);
        audit.record(ENTITY, id, null, null, "REFUSED", actor, reason, null, Map.of("status", OrganisationStatus.REFUSED.name()));
    }

    /** 准予登记, certificate issued: the credit code recorded (unique), the next certificate number of the year. */
    @Transactional
    public String registered(long id, String creditCode, LocalDate registeredOn, String actor) {
        requireStatus(id, OrganisationStatus.APPLIED);
        // checked before writing: on PostgreSQL a failed insert or update aborts the whole transaction
        if (jdbc.sql("select count(*) from social_organisation where credit_code = ? and id <> ?").params(creditCode, id)
                .query(Long.class).single() > 0) {
            throw creditCodeTaken(creditCode);
        }
        int year = registeredOn.getYear();
        int updated = jdbc.sql("update social_organisation_certificate_seq set last_number = last_number + 1 where cert_year = ?")
                .param(year).update();
        if (updated == 0) {
            jdbc.sql("insert into social_organisation_certificate_seq (cert_year, last_number) values (?, 1)").param(year).update();
        }
        int number = jdbc.sql("select last_number from social_organisation_certificate_seq where cert_year = ?").param(year)
                .query(Integer.class).single();
        String certificate = "区民社证字（" + year + "）第" + String.format("%04d", number) + "号";
        try {
            jdbc.sql("""
                    update social_organisation set status = ?, credit_code = ?, certificate_no = ?, registered_on = ?
                    where id = ?""").params(OrganisationStatus.REGISTERED.name(), creditCode, certificate, registeredOn, id).update();
        } catch (DuplicateKeyException taken) {
            throw creditCodeTaken(creditCode);
        }
        history(id, OrganisationStatus.REGISTERED, registeredOn, actor, "准予成立登记，颁发登记证书" + certificate);
        audit.record(ENTITY, id, null, null, "REGISTERED", actor, certificate, null,
                Map.of("creditCode", creditCode, "certificateNo", certificate));
        return certificate;
    }

    /** 公告: the registration published; the public register shows the organisation from now on. */
    @Transactional
    public void announced(long id, LocalDate on) {
        jdbc.sql("update social_organisation set announced_on = ? where id = ? and status = ?")
                .params(on, id, OrganisationStatus.REGISTERED.name()).update();
        audit.record(ENTITY, id, null, null, "ANNOUNCED", "system", "成立登记公告", null, Map.of("announcedOn", on.toString()));
    }

    /** 责令整改 after the annual inspection: still registered, shown as such on the public register. */
    @Transactional
    public void orderedToRectify(long id, LocalDate on, LocalDate until, String reason) {
        changeStatus(id, OrganisationStatus.REGISTERED, OrganisationStatus.RECTIFYING, on, null,
                "责令整改（期限至" + until + "）：" + reason);
    }

    /** 整改完成: back to normal. */
    @Transactional
    public void rectified(long id, LocalDate on, String actor, String note) {
        changeStatus(id, OrganisationStatus.RECTIFYING, OrganisationStatus.REGISTERED, on, actor, "整改完成：" + note);
    }

    /** 撤销登记: the rectification was not made. */
    @Transactional
    public void revoked(long id, LocalDate on, String actor, String reason) {
        changeStatus(id, OrganisationStatus.RECTIFYING, OrganisationStatus.REVOKED, on, actor, "撤销登记：" + reason);
    }

    private void changeStatus(long id, OrganisationStatus from, OrganisationStatus to, LocalDate on, String actor, String note) {
        requireStatus(id, from);
        jdbc.sql("update social_organisation set status = ? where id = ?").params(to.name(), id).update();
        history(id, to, on, actor, note);
        audit.record(ENTITY, id, null, null, to.name(), actor == null ? "system" : actor, note, null, Map.of("status", to.name()));
    }

    /** A 变更登记 or 注销登记 applied for. */
    public record ChangeApplication(ChangeKind kind, String newValue, String reason, LocalDate liquidationReportDate,
                                    String netAssetsDestination) {
    }

    public record Change(long id, long organisationId, ChangeKind kind, String oldValue, String newValue, String reason,
                         LocalDate liquidationReportDate, String netAssetsDestination, String status, LocalDate appliedOn,
                         LocalDate decidedOn, String appliedBy, String reviewedBy, String approvedBy) {
    }

    public List<Change> changes(long organisationId) {
        return jdbc.sql("""
                select id, organisation_id, kind, old_value, new_value, reason, liquidation_report_date, net_assets_destination,
                       status, applied_on, decided_on, applied_by, reviewed_by, approved_by
                from social_organisation_change where organisation_id = ? order by id""")
                .param(organisationId).query(RecordRows.of(Change.class)).list();
    }

    public Optional<Change> change(long changeId) {
        return jdbc.sql("""
                select id, organisation_id, kind, old_value, new_value, reason, liquidation_report_date, net_assets_destination,
                       status, applied_on, decided_on, applied_by, reviewed_by, approved_by
                from social_organisation_change where id = ?""").param(changeId).query(RecordRows.of(Change.class)).optional();
    }

    /**
     * 变更登记 / 注销登记 applied for: the change recorded as pending with the value before; a new name is taken at once
     * (so nobody else can apply for it meanwhile) and freed again if the change is refused.
     */
    @Transactional
    public long applyForChange(long id, ChangeApplication application, String oldValue, LocalDate today, String processInstanceId,
                               String actor) {
        requireStatus(id, OrganisationStatus.REGISTERED);
        if (jdbc.sql("select count(*) from social_organisation_change where organisation_id = ? and status = 'PENDING'")
                .param(id).query(Long.class).single() > 0) {
            throw new RuleViolation("CHANGE_PENDING", "该组织有尚未办结的变更或注销申请，请办结后再申请", 409);
        }
        if (application.kind() == ChangeKind.NAME) {
            releaseExpired(application.newValue(), today);
            try {
                jdbc.sql("insert into social_organisation_name (name, organisation_id, reserved_by, reserved_at) values (?, ?, ?, ?)")
                        .params(application.newValue(), id, actor, Timestamp.from(Instant.now())).update();
            } catch (DuplicateKeyException taken) {
                throw nameTaken(application.newValue());
            }
        }
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into social_organisation_change (organisation_id, kind, old_value, new_value, reason, liquidation_report_date,
                    net_assets_destination, status, applied_on, applied_by, process_instance_id, created_at)
                values (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?, ?)""")
                .params(id, application.kind().name(), oldValue, application.newValue(), application.reason(),
                        application.liquidationReportDate(), application.netAssetsDestination(), today, actor, processInstanceId,
                        Timestamp.from(Instant.now()))
                .update(key, "id");
        long changeId = key.getKey().longValue();
        audit.record(ENTITY, id, null, null, "CHANGE_APPLIED", actor, application.kind().label() + "：" + application.reason(), null,
                Map.of("changeId", changeId, "kind", application.kind().name()));
        return changeId;
    }

    @Transactional
    public void changeReviewed(long changeId, String actor) {
        jdbc.sql("update social_organisation_change set reviewed_by = ? where id = ?").params(actor, changeId).update();
    }

    /** 准予变更 / 准予注销: the register changed, with its history; a cancelled organisation's names are free. */
    @Transactional
    public void changeApproved(long changeId, LocalDate today, String actor) {
        Change change = change(changeId).orElseThrow();
        long id = change.organisationId();
        requireStatus(id, OrganisationStatus.REGISTERED);
        if (change.kind() == ChangeKind.CANCELLATION) {
            jdbc.sql("update social_organisation set status = ? where id = ?").params(OrganisationStatus.CANCELLED.name(), id).update();
            jdbc.sql("delete from social_organisation_name where organisation_id = ?").param(id).update();
            history(id, OrganisationStatus.CANCELLED, today, actor, "注销登记：" + change.reason() + "（清算报告" + change.liquidationReportDate()
                    + "，剩余财产" + change.netAssetsDestination() + "）");
        } else {
            Object value = change.kind() == ChangeKind.FUNDS ? new BigDecimal(change.newValue()) : change.newValue();
            jdbc.sql("update social_organisation set " + change.kind().column() + " = ? where id = ?").params(value, id).update();
            if (change.kind() == ChangeKind.NAME) {
                jdbc.sql("delete from social_organisation_name where organisation_id = ? and name = ?").params(id, change.oldValue()).update();
            }
            history(id, OrganisationStatus.REGISTERED, today, actor, change.kind().label() + "：“" + change.oldValue() + "”变更为“"
                    + change.newValue() + "”，理由：" + change.reason());
        }
        jdbc.sql("update social_organisation_change set status = 'APPROVED', approved_by = ?, decided_on = ? where id = ?")
                .params(actor, today, changeId).update();
        audit.record(ENTITY, id, null, null, "CHANGE_APPROVED", actor, change.kind().label(), null,
                Map.of("changeId", changeId, "kind", change.kind().name()));
    }

    /** 不予变更: a new name taken for the change is free again. */
    @Transactional
    public void changeRefused(long changeId, LocalDate today, String actor, String reason) {
        Change change = change(changeId).orElseThrow();
        if (change.kind() == ChangeKind.NAME) {
            jdbc.sql("delete from social_organisation_name where organisation_id = ? and name = ?")
                    .params(change.organisationId(), change.newValue()).update();
        }
        jdbc.sql("update social_organisation_change set status = 'REFUSED', decided_on = ? where id = ?").params(today, changeId).update();
        audit.record(ENTITY, change.organisationId(), null, null, "CHANGE_REFUSED", actor, reason, null, Map.of("changeId", changeId));
    }

    private void requireStatus(long id, OrganisationStatus expected) {
        OrganisationStatus status = find(id).orElseThrow(() -> RuleViolation.notFound("组织" + id)).status();
        if (status != expected) {
            throw new RuleViolation("WRONG_STATUS", "该组织当前状态为“" + status.label() + "”，不能办理此项", 409);
        }
    }

    private void history(long id, OrganisationStatus status, LocalDate on, String actor, String note) {
        jdbc.sql("""
                insert into social_organisation_status_history (organisation_id, status, changed_on, changed_at, changed_by, note)
                values (?, ?, ?, ?, ?, ?)""").params(id, status.name(), on, Timestamp.from(Instant.now()), actor, note).update();
    }

    private void releaseExpired(String name, LocalDate today) {
        jdbc.sql("delete from social_organisation_name where name = ? and organisation_id is null and reserved_until < ?")
                .params(name, today).update();
    }

    private static RuleViolation creditCodeTaken(String creditCode) {
        return new RuleViolation("CREDIT_CODE_TAKEN", "统一社会信用代码“" + creditCode + "”已登记给其他组织", 409);
    }

    private static RuleViolation nameTaken(String name) {
        return new RuleViolation("NAME_TAKEN", "名称“" + name + "”已被登记或预先核准保留，请另拟名称", 409);
    }
}
