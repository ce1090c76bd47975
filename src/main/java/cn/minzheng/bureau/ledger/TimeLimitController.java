package cn.minzheng.bureau.ledger;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.dibao.deadline.DibaoDeadlines;
import cn.minzheng.bureau.dibao.deadline.TimeLimit;
import cn.minzheng.bureau.dibao.deadline.TimeLimitRepository;
import cn.minzheng.bureau.web.LedgerUser;
import cn.minzheng.bureau.dibao.DibaoCaseRepository;
import cn.minzheng.bureau.engine.EngineAuthentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The statutory time limits of 低保 applications: the warning list, one case's limits, the extension. */
@RestController
@RequestMapping("/api/dibao")
@Tag(name = "低保法定期限", description = "临近或超过法定期限的案件、案件的各项期限、延长办理期限")
public class TimeLimitController {

    private final LedgerLists lists;
    private final TimeLimitRepository limits;
    private final DibaoCaseRepository cases;
    private final DibaoDeadlines deadlines;
    private final IdentityService identityService;

    public TimeLimitController(LedgerLists lists, TimeLimitRepository limits, DibaoCaseRepository cases,
                               DibaoDeadlines deadlines, IdentityService identityService) {
        this.lists = lists;
        this.limits = limits;
        this.cases = cases;
        this.deadlines = deadlines;
        this.identityService = identityService;
    }

    public record WarningList(List<String> columns, List<List<Object>> rows, long total, int page) {
    }

    public record ExtensionRequest(String reason) {
    }

    @Operation(summary = "法定期限预警", description = "剩余不超过2个工作日或已超期的期限；乡镇人员只看本乡镇，区级角色可按 township 筛选")
    @GetMapping("/time-limits")
    public WarningList warnings(@RequestParam(required = false) String township, @RequestParam(defaultValue = "0") int page) {
        LedgerQueries.Page<List<Object>> result = lists.page(LedgerLists.Kind.TIME_LIMITS, user(), township, page);
        return new WarningList(LedgerLists.Kind.TIME_LIMITS.columns(), result.rows(), result.total(), result.page());
    }

    @Operation(summary = "案件的各项法定期限")
    @GetMapping("/cases/{caseId}/time-limits")
    public List<TimeLimit> ofCase(@PathVariable long caseId) {
        LedgerUser user = user();
        cases.find(caseId).filter(c -> user.maySee(c.townshipCode()))
                .orElseThrow(() -> RuleViolation.notFound("案件" + caseId));
        return limits.forCase(caseId);
    }

    @Operation(summary = "延长办理期限", description = "受理后30个工作日的办理期限延长至45个工作日，只能延长一次，须写明理由，"
            + "须在期限届满前决定。区民政局审批人或低保科负责人可用。")
    @PostMapping("/cases/{caseId}/procedure-extension")
    public TimeLimit extend(@PathVariable long caseId, @RequestBody(required = false) ExtensionRequest request) {
        return deadlines.extendProcedure(caseId, request == null ? null : request.reason());
    }

    private LedgerUser user() {
        if (!EngineAuthentication.isPresent(identityService)) {
            throw new RuleViolation("UNAUTHENTICATED", "请先登录", 401);
        }
        return new LedgerUser(EngineAuthentication.userId(identityService), EngineAuthentication.groupIds(identityService));
    }
}
