package cn.minzheng.bureau.organisation;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 民间组织公开名录: anonymous and read-only, GET /public/organisations?q=…; the organisations registered and announced
 * by the bureau with their public fields ({@link OrganisationQueries}), searchable by name or credit code.
 */
@Controller
@RequestMapping("/public/organisations")
public class PublicRegisterController {

    private final OrganisationQueries queries;

    public PublicRegisterController(OrganisationQueries queries) {
        this.queries = queries;
    }

    @GetMapping
    public String register(@RequestParam(required = false) String q, Model model) {
        String search = q == null ? null : q.strip();
        if (search != null && search.length() > 50) {
            search = search.substring(0, 50);
        }
        model.addAttribute("q", search == null ? "" : search);
        model.addAttribute("organisations", queries.publicRegister(search));
        return "public/organisations";
    }
}
