package cn.minzheng.bureau.organisation;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.RecordRows;

/**
 * Read-only SQL of the public register: registered and announced organisations (also those under 责令整改 or revoked),
 * with their public fields and the latest published annual-inspection result only. What is not selected here cannot reach the page (registered funds, the 业务主管单位's approval number, staff, ids).
 */
@Component
public class OrganisationQueries {

    private final JdbcClient jdbc;

    public OrganisationQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One line of the public register. */
    public record PublicEntry(String name, OrganisationKind kind, String creditCode, String legalRepresentative,
                              String domicile, String businessScope, String supervisorUnit, String certificateNo,
                              LocalDate registeredOn, OrganisationStatus status, Integer inspectionYear,
                              InspectionResult inspectionResult) {

        public String kindLabel() {
            return kind.label();
        }

        public String statusLabel() {
            return status.label();
        }

        /** The latest published annual inspection: “2025年度 合格”, or empty. */
        public String inspectionLabel() {
            return inspectionResult == null ? "" : inspectionYear + "年度 " + inspectionResult.label();
        }
    }

    /** The public register, by registration date (newest first); {@code search} matches part of the name or code. */
    public List<PublicEntry> publicRegister(String search) {
        String pattern = search == null || search.isBlank() ? null : "%" + search.strip().toUpperCase() + "%";
        return jdbc.sql("""
                select o.name, o.kind, o.credit_code, o.legal_representative, o.domicile, o.business_scope, o.supervisor_unit,
                       o.certificate_no, o.registered_on, o.status, i.inspection_year, i.result as inspection_result
                from social_organisation o
                left join social_organisation_inspection i on i.organisation_id = o.id and i.status = 'PUBLISHED'
                  and i.inspection_year = (select max(l.inspection_year) from social_organisation_inspection l
                                           where l.organisation_id = o.id and l.status = 'PUBLISHED')
                where o.status in ('REGISTERED', 'RECTIFYING', 'REVOKED', 'CANCELLED', 'FILED') and o.announced_on is not null
                  and (cast(? as varchar(120)) is null or upper(o.name) like ? or o.credit_code like ?)
                order by o.registered_on desc, o.name""")
                .params(pattern, pattern, pattern).query(RecordRows.of(PublicEntry.class)).list();
    }
}
