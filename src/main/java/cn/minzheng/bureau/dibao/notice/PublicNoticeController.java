package cn.minzheng.bureau.dibao.notice;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.dibao.CaseStatus;
import cn.minzheng.bureau.region.Region;
import cn.minzheng.bureau.region.RegionRepository;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The public notice page (公示), anonymous and read-only but for the objection: per township, the applications
 * now in 公示 and the approved cases in 长期公示 (name, village, household size, amount; nothing else), how to
 * object and until when. All public endpoints are here: GET /public/notices, GET /public/notices/{township},
 * POST /public/notices/{township}/objections (a plain form post).
 */
@Controller
@RequestMapping("/public/notices")
public class PublicNoticeController {

    private final RegionRepository regions;
    private final PublicNoticeQueries queries;
    private final PublicNoticeService service;
    private final NoticePeriod noticePeriod;

    public PublicNoticeController(RegionRepository regions, PublicNoticeQueries queries, PublicNoticeService service,
                                  NoticePeriod noticePeriod) {
        this.regions = regions;
        this.queries = queries;
        this.service = service;
        this.noticePeriod = noticePeriod;
    }

    /** A line as the page shows it: the notice's last day for a case in notice. */
    public record Shown(long caseId, String name, String village, int householdSize, String amount, LocalDate until) {
    }

    @GetMapping
    public String townships(Model model) {
        model.addAttribute("townships", regions.townships());
        return "public/notices";
    }

    @GetMapping("/{township}")
    public String township(@PathVariable String township, Model model) {
        model.addAttribute("township", township(township));
        model.addAttribute("inNotice", shown(township, CaseStatus.IN_NOTICE));
        model.addAttribute("approved", shown(township, CaseStatus.APPROVED));
        return "public/notice";
    }

    @PostMapping("/{township}/objections")
    public String object(@PathVariable String township, @RequestParam(required = false) Long caseId,
                         @RequestParam(required = false) String name, @RequestParam(required = false) String contact,
                         @RequestParam(required = false) String content, Model model, HttpServletResponse response) {
        Region region = township(township);
        try {
            service.object(region.code(), caseId, new PublicNoticeService.Objection(name, contact, content));
            model.addAttribute("submitted", true);
        } catch (RuleViolation refused) {
            response.setStatus(refused.getHttpStatus());
            model.addAttribute("error", refused.getMessage());
            model.addAttribute("form", new PublicNoticeService.Objection(name, contact, content));
            model.addAttribute("chosen", caseId);
        }
        model.addAttribute("township", region);
        model.addAttribute("inNotice", shown(township, CaseStatus.IN_NOTICE));
        model.addAttribute("approved", shown(township, CaseStatus.APPROVED));
        return "public/notice";
    }

    private Region township(String code) {
        return regions.townships().stream().filter(t -> t.code().equals(code)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private List<Shown> shown(String township, CaseStatus status) {
        return queries.ofTownship(township, status).stream()
                .map(l -> new Shown(l.caseId(), l.name(), l.village(), l.householdSize(),
                        l.monthlyAmount() == null ? "" : l.monthlyAmount().setScale(2).toPlainString(),
                        status == CaseStatus.IN_NOTICE && l.noticeStartedAt() != null ? noticePeriod.endOf(l.noticeStartedAt()) : null))
                .filter(Objects::nonNull)
                .sorted(Comparator.comparing(Shown::village).thenComparing(Shown::name))
                .toList();
    }
}
