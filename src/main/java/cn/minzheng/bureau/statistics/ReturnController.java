package cn.minzheng.bureau.statistics;

import java.time.LocalDateTime;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.engine.EngineAuthentication;
import cn.minzheng.bureau.statistics.ReturnRepository.StatisticalReturn;
import io.swagger.v3.oas.annotations.Operation;

/**
 * The monthly returns read over the API: every version, and one version's stored figures with their checksum. For the
 * district's statistics roles only ({@link MonthlyReturnAccess#READERS}); to everyone else they do not exist (404),
 * as on the ledger page.
 */
@RestController
@RequestMapping("/api/statistics/returns")
public class ReturnController {

    private final ReturnService service;
    private final IdentityService identityService;

    public ReturnController(ReturnService service, IdentityService identityService) {
        this.service = service;
        this.identityService = identityService;
    }

    /** A version as listed: its month, number, status and who did what when. */
    public record Version(long id, String month, int versionNo, String status, String statusLabel,
                          String returnNumber, Integer submissionNo, String correctionReason, String checksum,
                          String preparedBy, LocalDateTime preparedAt, String checkedBy, LocalDateTime checkedAt,
                          String checkNote, String decidedBy, LocalDateTime decidedAt, String returnReason,
                          LocalDateTime submittedAt) {

        static Version of(StatisticalReturn r) {
            return new Version(r.id(), r.returnMonth(), r.versionNo(), r.status().name(), r.status().label(),
                    r.returnNumber(), r.submissionNo(), r.correctionReason(), r.checksum(), r.preparedBy(),
                    r.preparedAt(), r.checkedBy(), r.checkedAt(), r.checkNote(), r.decidedBy(), r.decidedAt(),
                    r.returnReason(), r.submittedAt());
        }
    }

    /**
     * A version with its figures as stored (SHA-256 {@code checksum} over the stored text) and the automatic checks'
     * findings. Figures a version was stored without (the breakdown, the year to date, the standard) are null.
     */
    public record Figures(Version version, String checksum, MonthlyFigures figures, List<ReturnChecks.Finding> findings) {
    }

    @Operation(summary = "民政统计月报：各月各版本")
    @GetMapping
    public List<Version> list() {
        requireReader();
        return service.all().stream().map(Version::of).toList();
    }

    @Operation(summary = "民政统计月报：一个版本的数据（JSON，含SHA-256校验值）")
    @GetMapping("/{id}")
    public Figures get(@PathVariable long id) {
        requireReader();
        StatisticalReturn r = service.get(id);
        if (!ReturnService.checksum(r.figures()).equals(r.checksum())) {
            throw new RuleViolation("CHECKSUM_MISMATCH", "月报数据与校验值不符，不能读取", 409);
        }
        return new Figures(Version.of(r), r.checksum(), service.figuresOf(r), service.findings(r));
    }

    private void requireReader() {
        if (!EngineAuthentication.isPresent(identityService)) {
            throw new RuleViolation("UNAUTHENTICATED", "请先登录", 401);
        }
        if (!MonthlyReturnAccess.mayRead(EngineAuthentication.groupIds(identityService))) {
            throw RuleViolation.notFound("统计月报");
        }
    }
}
