package cn.minzheng.bureau.statistics;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;

import cn.minzheng.bureau.access.StaffNames;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.statistics.ReturnRepository.StatisticalReturn;
import cn.minzheng.bureau.web.LedgerPage;
import cn.minzheng.bureau.web.LedgerUser;

/**
 * 统计月报: every version of the monthly returns with its status, who did what and when, and its .xlsx; for the
 * district's statistics roles only ({@link MonthlyReturnAccess#READERS}), to everyone else the page does not exist.
 */
@Controller
@LedgerPage
@RequestMapping("/ledger/statistics/returns")
public class StatisticalReturnPageController {

    private final ReturnService service;
    private final StaffNames staffNames;

    public StatisticalReturnPageController(ReturnService service, StaffNames staffNames) {
        this.service = service;
        this.staffNames = staffNames;
    }

    @GetMapping
    public String list(@RequestAttribute(LedgerUser.ATTRIBUTE) LedgerUser user, Model model) {
        requireReader(user);
        Map<String, String> names = new LinkedHashMap<>();
        for (StatisticalReturn r : service.all()) {
            for (String id : new String[] {r.preparedBy(), r.checkedBy(), r.decidedBy()}) {
                if (id != null) {
                    names.computeIfAbsent(id, staffNames::of);
                }
            }
        }
        model.addAttribute("user", user);
        model.addAttribute("returns", service.all());
        model.addAttribute("names", names);
        return "ledger/statistical-returns";
    }

    @GetMapping("/{id}.xlsx")
    public void download(@RequestAttribute(LedgerUser.ATTRIBUTE) LedgerUser user, @PathVariable long id,
                         HttpServletResponse response) throws IOException {
        requireReader(user);
        StatisticalReturn r = service.get(id);
        byte[] workbook = service.workbook(r);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''"
                + URLEncoder.encode(service.fileName(r), StandardCharsets.UTF_8).replace("+", "%20"));
        response.setHeader("X-Figures-SHA256", r.checksum());
        response.setContentLength(workbook.length);
        response.getOutputStream().write(workbook);
    }

    private static void requireReader(LedgerUser user) {
        if (!MonthlyReturnAccess.mayRead(user.groups())) {
            throw RuleViolation.notFound("页面");
        }
    }
}
