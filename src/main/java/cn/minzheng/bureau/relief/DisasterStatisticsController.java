package cn.minzheng.bureau.relief;

import java.time.LocalDate;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.web.LedgerPage;
import cn.minzheng.bureau.web.LedgerUser;

/** 灾情统计: a year's disaster statistics by kind, for district roles (the district reports them to the city). */
@Controller
@LedgerPage
@RequestMapping("/ledger/relief/statistics")
public class DisasterStatisticsController {

    private final DisasterStatistics statistics;

    public DisasterStatisticsController(DisasterStatistics statistics) {
        this.statistics = statistics;
    }

    @GetMapping
    public String year(@RequestAttribute(LedgerUser.ATTRIBUTE) LedgerUser user,
                       @RequestParam(required = false) Integer year, Model model) {
        if (!user.districtWide()) {
            throw RuleViolation.notFound("页面");
        }
        int shown = year == null ? LocalDate.now().getYear() : year;
        if (shown < 2000 || shown > LocalDate.now().getYear()) {
            throw new RuleViolation("INVALID_PARAMETER", "年份“" + year + "”无效");
        }
        model.addAttribute("user", user);
        model.addAttribute("totals", statistics.of(shown));
        return "ledger/disaster-statistics";
    }
}
