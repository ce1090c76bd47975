package cn.minzheng.bureau.linshi;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.minzheng.bureau.access.CurrentUser;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.linshi.LinshiRepository.LinshiCase;

/** 临时救助台账: the cases of the user's township (district roles: every township). */
@RestController
@RequestMapping("/api/linshi/cases")
public class LinshiController {

    private final LinshiRepository cases;
    private final CurrentUser user;

    public LinshiController(LinshiRepository cases, CurrentUser user) {
        this.cases = cases;
        this.user = user;
    }

    @Operation(summary = "临时救助案件列表")
    @GetMapping
    public List<LinshiCase> list(@RequestParam(required = false) String township) {
        return cases.list(township).stream().filter(c -> user.maySee(c.townshipCode())).toList();
    }

    @Operation(summary = "一件临时救助案件")
    @GetMapping("/{id}")
    public LinshiCase get(@PathVariable long id) {
        LinshiCase c = cases.find(id).orElseThrow(() -> RuleViolation.notFound("临时救助案件" + id));
        if (!user.maySee(c.townshipCode())) {
            throw RuleViolation.notFound("临时救助案件" + id);
        }
        return c;
    }
}
