package cn.minzheng.bureau.importing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.engine.EngineAuthentication;
import cn.minzheng.bureau.importing.kind.RosterKind;

/** REST API of the roster import (HTTP Basic, administrator only). */
@RestController
@RequestMapping("/api/imports")
public class ImportController {

    private final RosterImports imports;
    private final ImportRepository batches;
    private final RosterWorkbooks workbooks;
    private final RosterKinds kinds;
    private final IdentityService identity;

    public ImportController(RosterImports imports, ImportRepository batches, RosterWorkbooks workbooks,
                            RosterKinds kinds, IdentityService identity) {
        this.imports = imports;
        this.batches = batches;
        this.workbooks = workbooks;
        this.kinds = kinds;
        this.identity = identity;
    }

    /** {@code kind}: DIBAO (default) or DISASTER (受灾户名册). */
    @Operation(summary = "名册导入模板（Excel）")
    @GetMapping("/template.xlsx")
    public void template(@RequestParam(required = false) String kind, HttpServletResponse response) throws IOException {
        userId();
        RosterKind k = kinds.of(kind);
        xlsx(response, k.templateFile());
        workbooks.template(k, response.getOutputStream());
    }

    /** {@code kind}: DIBAO (default) or DISASTER, which names the disaster ({@code disasterId}) the rows belong to. */
    @Operation(summary = "上传名册")
    @PostMapping(consumes = "multipart/form-data")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public ImportProgressView upload(@RequestParam("file") MultipartFile file, @RequestParam(required = false) String kind,
                                     @RequestParam(required = false) Long disasterId) throws IOException {
        RosterKind k = kinds.of(kind);
        String user = importer(k);
        if (file.isEmpty()) {
            throw new RuleViolation("EMPTY_FILE", "上传的文件是空的", 400);
        }
        try (InputStream in = file.getInputStream()) {
            return ImportProgressView.of(imports.progress(imports.upload(k, disasterId, file.getOriginalFilename(), in, user).id()));
        }
    }

    @Operation(summary = "名册导入批次列表")
    @GetMapping
    public List<ImportProgressView> recent() {
        userId();
        List<RosterKind> mine = kinds.kindsFor(EngineAuthentication.groupIds(identity));
        return batches.recent(50, mine).stream().map(b -> ImportProgressView.of(imports.progress(b.id()))).toList();
    }

    @Operation(summary = "导入批次的进度")
    @GetMapping("/{id}")
    public ImportProgressView progress(@PathVariable long id) {
        importerOf(id);
        return ImportProgressView.of(imports.progress(id));
    }

    /**
     * The report's rows in file order from row {@code from}; {@code problems=true}: warnings and rejections only. A
     * roster of persons has no 户编号: its rows carry none (the key the checker gives each person is internal).
     */
    @Operation(summary = "校验报告的行")
    @GetMapping("/{id}/rows")
    public List<ImportRepository.ReportRow> rows(@PathVariable long id, @RequestParam(defaultValue = "0") int from,
                                                 @RequestParam(defaultValue = "true") boolean problems,
                                                 @RequestParam(defaultValue = "200") int limit) {
        RosterKind kind = kinds.of(imports.batch(id).kind());
        importer(kind);
        List<ImportRepository.ReportRow> rows = batches.reportRows(id, from, Math.max(1, Math.min(limit, 1000)), problems);
        return kind.rowsArePersons() ? rows.stream().map(ImportRepository.ReportRow::withoutHouseholdKey).toList() : rows;
    }

    @Operation(summary = "校验报告（Excel）")
    @GetMapping("/{id}/report.xlsx")
    public void report(@PathVariable long id, HttpServletResponse response) throws IOException {
        importerOf(id);
        ImportBatch batch = imports.batch(id);
        xlsx(response, "校验报告-" + batch.fileName());
        workbooks.report(batch, response.getOutputStream());
    }

    public record CommitRequest(Boolean acceptWarnings) {
    }

    @Operation(summary = "确认导入")
    @PostMapping("/{id}/commit")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public ImportProgressView commit(@PathVariable long id, @RequestBody(required = false) CommitRequest request) {
        String user = importerOf(id);
        boolean accept = request != null && Boolean.TRUE.equals(request.acceptWarnings());
        return ImportProgressView.of(imports.progress(imports.commit(id, user, accept).id()));
    }

    /** The active cases in the template's layout (district roles): what a later import takes in again. */
    @Operation(summary = "在保名册（Excel，可再次导入）")
    @GetMapping("/roster.xlsx")
    public void export(@RequestParam(required = false) Long batch, @RequestParam(required = false) String township,
                       HttpServletResponse response) throws IOException {
        RosterKind kind = kinds.of(RosterKinds.DEFAULT);
        importer(kind);
        xlsx(response, kind.label() + "名册.xlsx");
        workbooks.export(kind, batch, township, response.getOutputStream());
    }

    private String importer(RosterKind kind) {
        String user = userId();
        RosterKinds.requireImporter(EngineAuthentication.groupIds(identity), kind);
        return user;
    }

    /** The batch's kind decides who may see and commit it. */
    private String importerOf(long id) {
        return importer(kinds.of(imports.batch(id).kind()));
    }

    private String userId() {
        String user = EngineAuthentication.userId(identity);
        if (user == null) {
            throw new RuleViolation("UNAUTHENTICATED", "请先登录", 401);
        }
        return user;
    }

    static void xlsx(HttpServletResponse response, String fileName) {
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''"
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    /** Where a batch stands, as the page and REST clients read it. */
    public record ImportProgressView(long id, String kind, Long disasterId, String fileName, String status, String statusLabel, String phase, int done,
                                     int total, Long secondsLeft, int households, int accepted, int warnings,
                                     int rejected, String failure, boolean finished, boolean committable,
                                     String uploadedBy, String committedBy, String warningsAcceptedBy) {

        static ImportProgressView of(RosterImports.Progress p) {
            ImportBatch b = p.batch();
            return new ImportProgressView(b.id(), b.kind(), b.disasterId(), b.fileName(), b.status().name(), b.status().label(), p.phase(), p.done(),
                    p.total(), p.secondsLeft(), b.householdCount(), b.acceptedCount(), b.warningCount(), b.rejectedCount(),
                    b.failure(), p.finished(), b.committable(), b.uploadedBy(), b.committedBy(), b.warningsAcceptedBy());
        }

    }
}
