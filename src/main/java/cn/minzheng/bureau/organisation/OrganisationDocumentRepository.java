package cn.minzheng.bureau.organisation;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import cn.minzheng.bureau.audit.AuditTrail;
import cn.minzheng.bureau.common.RecordRows;

/**
 * The documents kept for each organisation (章程, 业务主管单位批准文件, audit and liquidation reports): the only writer
 * of social_organisation_document. Each upload with its audit entry (entity {@code SOCIAL_ORGANISATION}); the bytes are
 * read only by {@link #content}, the lists carry the metadata and the SHA-256.
 */
@Repository
public class OrganisationDocumentRepository {

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    public OrganisationDocumentRepository(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** A document as listed: everything but its bytes. */
    public record Document(long id, long organisationId, OrganisationDocumentKind kind, String fileName, String contentType,
                           long sizeBytes, String sha256, String uploadedBy, LocalDateTime uploadedAt) {
    }

    /** A document with the bytes as stored. */
    public record Content(long id, long organisationId, String fileName, String contentType, String sha256, byte[] content) {
    }

    private static final String COLUMNS = """
            id, organisation_id, kind, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at""";

    @Transactional
    public long add(long organisationId, OrganisationDocumentKind kind, String fileName, String contentType, byte[] content,
                    String sha256, LocalDateTime uploadedAt, String actor) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into social_organisation_document (organisation_id, kind, file_name, content_type, size_bytes, sha256,
                    content, uploaded_by, uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(organisationId, kind.name(), fileName, contentType, (long) content.length, sha256, content, actor,
                        Timestamp.valueOf(uploadedAt))
                .update(key, "id");
        long id = key.getKey().longValue();
        audit.record(OrganisationRepository.ENTITY, organisationId, null, null, "DOCUMENT_UPLOADED", actor, fileName, null,
                Map.of("documentId", id, "kind", kind.name(), "sizeBytes", content.length, "sha256", sha256));
        return id;
    }

    public List<Document> ofOrganisation(long organisationId) {
        return jdbc.sql("select " + COLUMNS + " from social_organisation_document where organisation_id = ? order by id")
                .param(organisationId).query(RecordRows.of(Document.class)).list();
    }

    public Optional<Content> content(long organisationId, long documentId) {
        return jdbc.sql("""
                select id, organisation_id, file_name, content_type, sha256, content from social_organisation_document
                where id = ? and organisation_id = ?""").params(documentId, organisationId)
                .query(RecordRows.of(Content.class)).optional();
    }
}
