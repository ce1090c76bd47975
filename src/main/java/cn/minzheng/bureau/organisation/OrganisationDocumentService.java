package cn.minzheng.bureau.organisation;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import cn.minzheng.bureau.access.Groups;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.engine.EngineClock;
import cn.minzheng.bureau.organisation.OrganisationDocumentRepository.Content;
import cn.minzheng.bureau.organisation.OrganisationDocumentRepository.Document;

/**
 * The documents kept for an organisation, for the 民间组织管理科 (and the administrator) only — the register page and
 * {@code /api} both come here. An upload is a PDF, JPEG or PNG (by its first bytes, and a name that says so) of at
 * most 10 MB, not empty; its SHA-256 is stored with it. A download computes the SHA-256 of the stored bytes again and
 * refuses them if it differs from the one taken at upload. Anyone else is told the organisation does not exist.
 */
@Service
public class OrganisationDocumentService {

    /** The largest file taken: 10 MB. */
    public static final long MAX_BYTES = 10L * 1024 * 1024;
    static final int MAX_NAME_LENGTH = 200;

    private static final Logger log = LoggerFactory.getLogger(OrganisationDocumentService.class);
    private static final List<String> MAY_HANDLE = List.of(Groups.ORGANISATION_SECTION, Groups.ORGANISATION_HEAD, Groups.ADMIN);

    private final OrganisationRepository register;
    private final OrganisationDocumentRepository documents;

    public OrganisationDocumentService(OrganisationRepository register, OrganisationDocumentRepository documents) {
        this.register = register;
        this.documents = documents;
    }

    /** The file types taken, recognised by their first bytes; each with the endings its name may have. */
    enum FileType {
        PDF("application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'}, ".pdf"),
        JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, ".jpg", ".jpeg"),
        PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, ".png");

        final String contentType;
        private final byte[] magic;
        private final List<String> endings;

        FileType(String contentType, byte[] magic, String... endings) {
            this.contentType = contentType;
            this.magic = magic;
            this.endings = List.of(endings);
        }

        static FileType of(byte[] content) {
            return Arrays.stream(values()).filter(t -> content.length >= t.magic.length
                    && Arrays.equals(content, 0, t.magic.length, t.magic, 0, t.magic.length)).findFirst().orElse(null);
        }

        boolean named(String fileName) {
            String lower = fileName.toLowerCase(Locale.ROOT);
            return endings.stream().anyMatch(lower::endsWith);
        }
    }

    public static boolean mayHandle(Collection<String> groups) {
        return groups.stream().anyMatch(MAY_HANDLE::contains);
    }

    public List<Document> list(long organisationId, Collection<String> groups) {
        requireOrganisation(organisationId, groups);
        return documents.ofOrganisation(organisationId);
    }

    /** Every rule is checked before anything is written; the new document's id. */
    public long upload(long organisationId, String kind, String fileName, byte[] content, String actor,
                       Collection<String> groups) {
        requireOrganisation(organisationId, groups);
        OrganisationDocumentKind documentKind = OrganisationDocumentKind.parse(kind);
        String name = baseName(fileName);
        if (content == null || content.length == 0) {
            throw new RuleViolation("EMPTY_FILE", name.isEmpty() ? "请选择要上传的文件（PDF、JPEG或PNG）"
                    : "文件“" + name + "”是空的，请重新选择", 400);
        }
        if (name.isEmpty()) {
            throw new RuleViolation("MISSING_FILE_NAME", "上传的文件没有文件名");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new RuleViolation("FILE_NAME_TOO_LONG", "文件名不得超过" + MAX_NAME_LENGTH + "个字符");
        }
        if (content.length > MAX_BYTES) {
            throw new RuleViolation("FILE_TOO_LARGE", "文件“" + name + "”有" + megabytes(content.length)
                    + "，超过10 MB的上限", 413);
        }
        FileType type = FileType.of(content);
        if (type == null) {
            throw new RuleViolation("UNSUPPORTED_FILE_TYPE", "只能上传PDF、JPEG或PNG文件，“" + name + "”不是这三种格式", 415);
        }
        if (!type.named(name)) {
            throw new RuleViolation("FILE_NAME_MISMATCH", "文件“" + name + "”的内容是" + type.name()
                    + "，文件名的扩展名与内容不符", 415);
        }
        return documents.add(organisationId, documentKind, name, type.contentType, content, sha256(content),
                EngineClock.dateTime(), actor);
    }

    /** The stored bytes, after their SHA-256 is found equal to the one taken at upload. */
    public Content download(long organisationId, long documentId, Collection<String> groups) {
        requireOrganisation(organisationId, groups);
        Content stored = documents.content(organisationId, documentId)
                .orElseThrow(() -> RuleViolation.notFound("材料" + documentId));
        String computed = sha256(stored.content());
        if (!computed.equals(stored.sha256())) {
            log.error("document {} of organisation {} ({}) fails its checksum: SHA-256 {} recorded at upload, {} of the "
                    + "stored bytes; download refused", documentId, organisationId, stored.fileName(), stored.sha256(), computed);
            throw new RuleViolation("DOCUMENT_CHECKSUM_MISMATCH", "材料“" + stored.fileName()
                    + "”的存储内容与上传时的SHA-256校验值不符，可能已损坏或被改动，已拒绝下载；请联系系统管理员", 500);
        }
        return stored;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void requireOrganisation(long organisationId, Collection<String> groups) {
        if (!mayHandle(groups) || register.find(organisationId).isEmpty()) {
            throw RuleViolation.notFound("社会组织" + organisationId);
        }
    }

    /** The name without any folder a browser may send with it. */
    private static String baseName(String fileName) {
        if (fileName == null) {
            return "";
        }
        String name = fileName.strip();
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return name.substring(slash + 1).strip();
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1024.0 / 1024.0);
    }
}
