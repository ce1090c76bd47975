package cn.minzheng.bureau.dibao.review;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.minzheng.bureau.access.CurrentUser;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.dibao.DibaoCaseRepository;

/** 家庭情况变化报告 and the reviews of a case, in the project's REST API. */
@RestController
@RequestMapping("/api/dibao/cases/{caseId}")
public class ReviewController {

    private final ReviewStarter starter;
    private final ReviewRepository reviews;
    private final DibaoCaseRepository cases;
    private final CurrentUser currentUser;

    public ReviewController(ReviewStarter starter, ReviewRepository reviews, DibaoCaseRepository cases, CurrentUser currentUser) {
        this.starter = starter;
        this.reviews = reviews;
        this.cases = cases;
        this.currentUser = currentUser;
    }

    public record ChangeReport(String description) {
    }

    @Operation(summary = "报告家庭情况变化（发起复核）")
    @PostMapping("/changes")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, Object> reportChange(@PathVariable long caseId, @RequestBody(required = false) ChangeReport report) {
        DibaoCase dibaoCase = visibleCase(caseId);
        currentUser.requireTownship(dibaoCase.townshipCode());
        String instance = starter.start(caseId, ReviewStarter.CHANGE_REPORTED, report == null ? null : report.description());
        return Map.of("caseId", caseId, "processInstanceId", instance);
    }

    @Operation(summary = "案件的复核记录")
    @GetMapping("/reviews")
    public List<ReviewRepository.Review> reviews(@PathVariable long caseId) {
        visibleCase(caseId);
        return reviews.ofCase(caseId);
    }

    private DibaoCase visibleCase(long caseId) {
        return cases.find(caseId).filter(c -> currentUser.maySee(c.townshipCode()))
                .orElseThrow(() -> RuleViolation.notFound("低保案件" + caseId));
    }
}
