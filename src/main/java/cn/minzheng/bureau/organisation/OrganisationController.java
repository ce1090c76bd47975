package cn.minzheng.bureau.organisation;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.minzheng.bureau.access.Groups;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.deadline.StatutoryTimeLimit;
import cn.minzheng.bureau.deadline.StatutoryTimeLimits;
import cn.minzheng.bureau.engine.EngineAuthentication;
import cn.minzheng.bureau.engine.EngineClock;
import cn.minzheng.bureau.organisation.AnnualInspectionRepository.Inspection;
import cn.minzheng.bureau.organisation.OrganisationDocumentRepository.Document;
import cn.minzheng.bureau.organisation.OrganisationRepository.Organisation;
import cn.minzheng.bureau.organisation.OrganisationRepository.StatusChange;

/**
 * 民间组织登记 for the 民间组织管理科: the register with each organisation's history, the name check and the 名称预先核准
 * reservation, the annual inspections. 成立登记 itself starts the process (Tasklist or engine REST), through the same
 * service rules; a 年度检查 starts here too, through the process's start (the same rules as its start form).
 */
@RestController
@RequestMapping("/api/organisations")
public class OrganisationController {

    private final OrganisationRepository register;
    private final OrganisationRegistrationService service;
    private final OrganisationSettings settings;
    private final IdentityService identityService;
    private final AnnualInspectionRepository inspections;
    private final FormService formService;
    private final RepositoryService repositoryService;
    private final OrganisationDocumentService documents;
    private final OrganisationChangeService changes;
    private final StatutoryTimeLimits timeLimits;

    public OrganisationController(OrganisationRepository register, OrganisationRegistrationService service,
                                  OrganisationSettings settings, IdentityService identityService,
                                  AnnualInspectionRepository inspections, FormService formService,
                                  RepositoryService repositoryService, OrganisationDocumentService documents,
                                  OrganisationChangeService changes, StatutoryTimeLimits timeLimits) {
        this.timeLimits = timeLimits;
        this.documents = documents;
        this.changes = changes;
        this.register = register;
        this.service = service;
        this.settings = settings;
        this.identityService = identityService;
        this.inspections = inspections;
        this.formService = formService;
        this.repositoryService = repositoryService;
    }

    public record InspectionRequest(String creditCode, Object inspectionYear) {
    }

    public record InspectionStarted(String processInstanceId) {
    }

    public record OrganisationView(Organisation organisation, List<StatusChange> history) {
    }

    public record ExtensionRequest(String reason) {
    }

    public record NameRequest(String name, String kind) {
    }

    public record Reservation(String reservationNo, String name, LocalDate reservedUntil) {
    }

    @Operation(summary = "民间组织登记簿")
    @GetMapping
    public List<Organisation> list() {
        requireSection();
        return register.list();
    }

    @Operation(summary = "一个民间组织及其状态历史")
    @GetMapping("/{id}")
    public OrganisationView get(@PathVariable long id) {
        requireSection();
        Organisation organisation = register.find(id).orElseThrow(() -> RuleViolation.notFound("民间组织" + id));
        return new OrganisationView(organisation, register.history(id));
    }

    @Operation(summary = "名称核准（只查询，不保留）")
    @GetMapping("/name-check")
    public OrganisationRegistrationService.NameCheck checkName(@RequestParam(required = false) String name,
                                                                @RequestParam(required = false) String kind) {
        requireSection();
        return service.checkName(name, kind);
    }

    @Operation(summary = "名称预先核准：保留名称，给出通知书编号")
    @PostMapping("/name-reservations")
    @ResponseStatus(HttpStatus.CREATED)
    public Reservation reserve(@RequestBody NameRequest request) {
        requireSection();
        String number = service.reserveName(request.name(), request.kind(), EngineAuthentication.userId(identityService));
        return new Reservation(number, request.name().strip(), EngineClock.today().plus(settings.getReservationPeriod()));
    }

    @Operation(summary = "各类型的最低注册资金（元）")
    @GetMapping("/minimum-funds")
    public Map<OrganisationKind, String> minimumFunds() {
        requireSection();
        return Map.of(OrganisationKind.SOCIAL_GROUP, service.minimumFunds(OrganisationKind.SOCIAL_GROUP).toPlainString(),
                OrganisationKind.PRIVATE_NON_ENTERPRISE, service.minimumFunds(OrganisationKind.PRIVATE_NON_ENTERPRISE).toPlainString());
    }

    @Operation(summary = "一个民间组织的历年年度检查")
    @GetMapping("/{id}/inspections")
    public List<Inspection> inspections(@PathVariable long id) {
        requireSection();
        register.find(id).orElseThrow(() -> RuleViolation.notFound("民间组织" + id));
        return inspections.ofOrganisation(id);
    }

    @Operation(summary = "一个民间组织的变更登记、注销登记申请及结果")
    @GetMapping("/{id}/changes")
    public List<OrganisationRepository.Change> changes(@PathVariable long id) {
        requireSection();
        register.find(id).orElseThrow(() -> RuleViolation.notFound("民间组织" + id));
        return register.changes(id);
    }

    @Operation(summary = "一个民间组织的法定办理期限（成立登记60个工作日，变更、注销20个工作日）及超期、督办、延长情况")
    @GetMapping("/{id}/time-limits")
    public List<StatutoryTimeLimit> timeLimits(@PathVariable long id) {
        requireSection();
        register.find(id).orElseThrow(() -> RuleViolation.notFound("民间组织" + id));
        return timeLimits.of(OrganisationLimit.SUBJECT, id);
    }

    @Operation(summary = "科负责人批准延长变更、注销登记的办理期限10个工作日（行政许可法第四十二条，只能一次，须在期限届满前）")
    @PostMapping("/{id}/change-time-limit-extension")
    public StatutoryTimeLimit extendChangeTimeLimit(@PathVariable long id, @RequestBody(required = false) ExtensionRequest request) {
        requireSection();
        return changes.extendTimeLimit(id, request == null ? null : request.reason(),
                EngineAuthentication.userId(identityService), EngineAuthentication.groupIds(identityService));
    }

    @Operation(summary = "开展年度检查（与Tasklist启动表单同一规则）")
    @PostMapping("/inspections")
    @ResponseStatus(HttpStatus.CREATED)
    public InspectionStarted startInspection(@RequestBody InspectionRequest request) {
        requireSection();
        String definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(AnnualInspectionProcess.KEY)
                .latestVersion().singleResult().getId();
        Map<String, Object> variables = new java.util.HashMap<>();
        variables.put(AnnualInspectionProcess.CREDIT_CODE.name(), request.creditCode());
        variables.put(AnnualInspectionProcess.INSPECTION_YEAR.name(), request.inspectionYear());
        ProcessInstance instance = formService.submitStartForm(definition, variables);
        return new InspectionStarted(instance.getId());
    }

    @Operation(summary = "一个民间组织的登记材料（文件信息及SHA-256，不含内容）")
    @GetMapping("/{id}/documents")
    public List<Document> documents(@PathVariable long id) {
        requireLogin();
        return documents.list(id, EngineAuthentication.groupIds(identityService));
    }

    @Operation(summary = "上传登记材料（kind：CHARTER 章程 / SUPERVISOR_APPROVAL 业务主管单位批准文件 / AUDIT_REPORT 年度审计报告 / "
            + "LIQUIDATION_REPORT 清算报告 / OTHER 其他；file：PDF、JPEG或PNG，不超过10 MB）")
    @PostMapping(value = "/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    public Document upload(@PathVariable long id, @RequestParam(required = false) String kind,
                           @RequestParam(name = "file", required = false) MultipartFile file) throws IOException {
        requireLogin();
        List<String> groups = EngineAuthentication.groupIds(identityService);
        long documentId = documents.upload(id, kind, file == null ? null : file.getOriginalFilename(),
                file == null ? null : file.getBytes(), EngineAuthentication.userId(identityService), groups);
        return documents.list(id, groups).stream().filter(d -> d.id() == documentId).findFirst().orElseThrow();
    }

    @Operation(summary = "下载登记材料（先核对SHA-256，与上传时不符则拒绝）")
    @GetMapping("/{id}/documents/{documentId}/content")
    public ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long documentId) {
        requireLogin();
        return OrganisationLedgerController.attachment(
                documents.download(id, documentId, EngineAuthentication.groupIds(identityService)));
    }

    private void requireLogin() {
        if (!EngineAuthentication.isPresent(identityService)) {
            throw new RuleViolation("UNAUTHENTICATED", "请先登录", 401);
        }
    }

    private void requireSection() {
        if (!EngineAuthentication.isPresent(identityService)) {
            throw new RuleViolation("UNAUTHENTICATED", "请先登录", 401);
        }
        List<String> groups = EngineAuthentication.groupIds(identityService);
        if (!groups.contains(Groups.ORGANISATION_SECTION) && !groups.contains(Groups.ORGANISATION_HEAD)) {
            throw new RuleViolation("ORGANISATION_SECTION_ONLY", "只有区民政局民间组织管理科的工作人员可以办理民间组织登记", 403);
        }
    }
}
