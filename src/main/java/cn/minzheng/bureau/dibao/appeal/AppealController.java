package cn.minzheng.bureau.dibao.appeal;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.minzheng.bureau.access.CurrentUser;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.dibao.VisibleCases;

/** REST for appeals (申诉), with the area rule of the other /api/dibao endpoints. */
@RestController
@RequestMapping("/api/dibao")
public class AppealController {

    private final AppealService appeals;
    private final AppealRepository appealRepository;
    private final VisibleCases cases;
    private final CurrentUser currentUser;

    public AppealController(AppealService appeals, AppealRepository appealRepository, VisibleCases cases,
                            CurrentUser currentUser) {
        this.appeals = appeals;
        this.appealRepository = appealRepository;
        this.cases = cases;
        this.currentUser = currentUser;
    }

    public record AppealView(Appeal appeal, List<AppealRepository.BackPay> backPay) {
    }

    @Operation(summary = "提出申诉")
    @PostMapping("/appeals")
    public ResponseEntity<AppealView> appeal(@RequestBody AppealService.Registration form) {
        cases.get(form == null ? null : form.caseId());
        Appeal appeal = appeals.register(form, currentUser.id());
        return ResponseEntity.created(URI.create("/api/dibao/appeals/" + appeal.id()))
                .body(new AppealView(appeal, appealRepository.backPay(appeal.caseId())));
    }

    @Operation(summary = "一件申诉")
    @GetMapping("/appeals/{id}")
    public AppealView appeal(@PathVariable long id) {
        Appeal appeal = appealRepository.find(id).filter(a -> currentUser.maySee(a.townshipCode()))
                .orElseThrow(() -> RuleViolation.notFound("申诉" + id));
        return new AppealView(appeal, appealRepository.backPay(appeal.caseId()));
    }
}
