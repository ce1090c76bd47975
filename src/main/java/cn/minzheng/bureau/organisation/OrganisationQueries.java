package cn.minzheng.bureau.organisation;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.RecordRows;

/**
 * Read-only SQL of the public register: registered and announced organisations, with their public fields only. What
 * is not selected here cannot reach the page (registered funds, the 业务主管单位's approval number, staff, ids).
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
                              LocalDate registeredOn, OrganisationStatus status) {

        public String kindLabel() {
            return kind.label();
        }

        public String statusLabel() {
            return status.label();
        }
    }

    /** The public register, by registration date (newest first); {@code search} matches part of the name or code. */
    public List<PublicEntry> publicRegister(String search) {
        String pattern = search == null || search.isBlank() ? null : "%" + search.strip().toUpperCase() + "%";
        return jdbc.sql("""
                select name, kind, credit_code, legal_representative, domicile, business_scope, supervisor_unit,
                       certificate_no, registered_on, status
                from social_organisation
                where status = 'REGISTERED' and announced_on is not null
                  and (cast(? as varchar(120)) is null or upper(name) like ? or credit_code like ?)
                order by registered_on desc, name""")
                .params(pattern, pattern, pattern).query(RecordRows.of(PublicEntry.class)).list();
    }
}
