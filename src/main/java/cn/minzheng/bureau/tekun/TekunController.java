package cn.minzheng.bureau.tekun;

import java.net.URI;
import java.time.Year;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

import cn.minzheng.bureau.access.CurrentUser;
import cn.minzheng.bureau.access.Groups;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.engine.EngineAuthentication;

/**
 * 特困人员救助供养 over /api: an application starts tekun-application with the start form's fields (the same
 * validation as Tasklist's start form, in the process's first step); cases of the user's area; 终止供养.
 */
@RestController
@RequestMapping("/api/tekun")
public class TekunController {

    private final TekunService service;
    private final TekunCaseRepository cases;
    private final RuntimeService runtime;
    private final CurrentUser currentUser;
    private final TekunReviewRepository reviews;
    private final IdentityService identity;

    public TekunController(TekunService service, TekunCaseRepository cases, RuntimeService runtime,
                           CurrentUser currentUser, TekunReviewRepository reviews, IdentityService identity) {
        this.service = service;
        this.cases = cases;
        this.runtime = runtime;
        this.currentUser = currentUser;
        this.reviews = reviews;
        this.identity = identity;
    }

    public record YearRequest(Integer year) {
    }

    @Operation(summary = "手工发起指定年度的特困人员年度复核（每年定时发起；区民政局审批人）")
    @PostMapping("/annual-reviews")
    public ResponseEntity<Map<String, Object>> startReview(@RequestBody(required = false) YearRequest request) {
        currentUser.id();
        if (!EngineAuthentication.groupIds(identity).contains(Groups.DISTRICT_APPROVER)) {
            throw new RuleViolation("FORBIDDEN", "特困人员年度复核只能由区民政局审批人手工发起", 403);
        }
        int year = request == null || request.year() == null ? Year.now().getValue() : request.year();
        if (year < 2000 || year > Year.now().getValue() + 1) {
            throw new RuleViolation("INVALID_YEAR", "年度" + year + "不在2000年至明年之间");
        }
        ProcessInstance instance = runtime.startProcessInstanceByMessage(TekunReviewProcess.MESSAGE_START,
                "tekun-review-" + year, Map.of(TekunReviewProcess.REVIEW_YEAR.name(), year));
        int listed = reviews.listedBy(instance.getId()).size();
        return ResponseEntity.created(URI.create("/api/tekun/annual-reviews?year=" + year)).body(Map.of("year", year,
                "processInstanceId", instance.getId(), "listed", listed));
    }

    @Operation(summary = "某年度的特困人员年度复核（本人工作范围，按乡镇（街道））")
    @GetMapping("/annual-reviews")
    public List<TekunReview> annualReviews(@RequestParam(required = false) Integer year,
                                           @RequestParam(required = false) String township) {
        int y = year == null ? Year.now().getValue() : year;
        return reviews.ofYear(y, township).stream().filter(r -> currentUser.maySee(r.townshipCode())).toList();
    }

    @Operation(summary = "登记特困人员救助供养申请（或乡镇主动提出）")
    @PostMapping("/applications")
    @Transactional
    public ResponseEntity<TekunCase> apply(@RequestBody(required = false) Map<String, Object> form) {
        if (form == null) {
            throw new RuleViolation("INVALID_APPLICATION", "申请内容不能为空");
        }
        Map<String, Object> variables = new HashMap<>();
        for (var variable : List.of(TekunProcess.ID_NUMBER, TekunProcess.PROPOSED_BY_TOWNSHIP,
                TekunProcess.SUPPORTER_SITUATION, TekunProcess.SUPPORTER_NOTE, TekunProcess.CARE_MODE,
                TekunProcess.CARE_INSTITUTION, TekunProcess.CARER_NAME, TekunProcess.CARE_AGREEMENT)) {
            Object value = form.get(variable.name());
            variables.put(variable.name(), value == null || value instanceof Boolean ? value : value.toString());
        }
        ProcessInstance instance = runtime.startProcessInstanceByKey(TekunProcess.KEY, variables);
        long caseId = ((Number) runtime.getVariable(instance.getId(), TekunProcess.CASE_ID.name())).longValue();
        return ResponseEntity.created(URI.create("/api/tekun/cases/" + caseId)).body(service.get(caseId));
    }

    @Operation(summary = "特困供养案件列表（本人工作范围）")
    @GetMapping("/cases")
    public List<TekunCase> list(@RequestParam(required = false) String township) {
        return cases.list(township).stream().filter(c -> currentUser.maySee(c.townshipCode())).toList();
    }

    @Operation(summary = "一件特困供养案件")
    @GetMapping("/cases/{caseId}")
    public TekunCase find(@PathVariable long caseId) {
        return visible(caseId);
    }

    /** 终止供养: the reason, a note, and the date of death when the reason is 死亡. */
    public record Ending(String reason, String note, String deathDate) {
    }

    @Operation(summary = "终止供养（死亡、有了义务人或收入、迁出本区）")
    @PostMapping("/cases/{caseId}/end")
    public TekunCase end(@PathVariable long caseId, @RequestBody(required = false) Ending ending) {
        visible(caseId);
        return service.end(caseId, ending == null ? null : ending.reason(), ending == null ? null : ending.note(),
                ending == null ? null : ending.deathDate(), currentUser.id());
    }

    private TekunCase visible(long caseId) {
        TekunCase c = cases.find(caseId).orElseThrow(() -> RuleViolation.notFound("特困供养案件" + caseId));
        if (!currentUser.maySee(c.townshipCode())) {
            throw RuleViolation.notFound("特困供养案件" + caseId);
        }
        return c;
    }
}
