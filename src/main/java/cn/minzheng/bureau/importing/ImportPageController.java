package cn.minzheng.bureau.importing;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.importing.kind.RosterKind;
import cn.minzheng.bureau.web.LedgerPage;
import cn.minzheng.bureau.web.LedgerUser;

/**
 * 名册导入 pages, next to the ledgers and behind the same webapp login: upload, progress (the page polls
 * the JSON below, so a reload or a second tab shows the same job), the report and the commit.
 */
@Controller
@LedgerPage
@RequestMapping("/ledger/import")
public class ImportPageController {

    /** The ledgers' request attribute holding the logged-in user (see ledger.LedgerLogin). */
    static final String USER = "ledgerUser";

    private final RosterImports imports;
    private final ImportRepository batches;
    private final RosterWorkbooks workbooks;
    private final RosterKinds kinds;

    public ImportPageController(RosterImports imports, ImportRepository batches, RosterWorkbooks workbooks,
                                RosterKinds kinds) {
        this.imports = imports;
        this.batches = batches;
        this.workbooks = workbooks;
        this.kinds = kinds;
    }

    @GetMapping
    public String list(@RequestAttribute(USER) LedgerUser user, Model model) {
        java.util.List<RosterKind> mine = kinds.kindsFor(user.groups());
        model.addAttribute("user", user);
        model.addAttribute("kinds", mine);
        model.addAttribute("kindCodes", mine.stream().map(RosterKind::code).toList());
        model.addAttribute("kindLabels", kinds.all().stream()
                .collect(java.util.stream.Collectors.toMap(RosterKind::code, RosterKind::label)));
        model.addAttribute("disasters", mine.stream().filter(RosterKind::scoped).flatMap(k -> k.openScopes().stream())
                .toList());
        model.addAttribute("batches", batches.recent(30, mine));
        return "ledger/imports";
    }

    @PostMapping
    public String upload(@RequestAttribute(USER) LedgerUser user, @RequestParam("file") MultipartFile file,
                         @RequestParam(required = false) String kind, @RequestParam(required = false) Long disasterId,
                         RedirectAttributes redirect) throws IOException {
        RosterKind k = kinds.of(kind);
        RosterKinds.requireImporter(user.groups(), k);
        if (file.isEmpty()) {
            throw new RuleViolation("EMPTY_FILE", "请选择要上传的 Excel 文件", 400);
        }
        try (InputStream in = file.getInputStream()) {
            long id = imports.upload(k, disasterId, file.getOriginalFilename(), in, user.id()).id();
            return "redirect:/ledger/import/" + id;
        }
    }

    @GetMapping("/template.xlsx")
    public void template(@RequestAttribute(USER) LedgerUser user, @RequestParam(required = false) String kind,
                         HttpServletResponse response) throws IOException {
        RosterKind k = kinds.of(kind);
        ImportController.xlsx(response, k.templateFile());
        workbooks.template(k, response.getOutputStream());
    }

    @GetMapping("/{id}")
    public String batch(@RequestAttribute(USER) LedgerUser user, @PathVariable long id, Model model) {
        RosterKind kind = kinds.of(imports.batch(id).kind());
        RosterKinds.requireImporter(user.groups(), kind);
        model.addAttribute("user", user);
        model.addAttribute("progress", ImportController.ImportProgressView.of(imports.progress(id)));
        model.addAttribute("kindLabel", kind.label());
        model.addAttribute("rowsArePersons", kind.rowsArePersons());
        model.addAttribute("rows", batches.reportRows(id, 0, 200, true));
        return "ledger/import";
    }

    @GetMapping("/{id}/progress")
    @ResponseBody
    public ImportController.ImportProgressView progress(@RequestAttribute(USER) LedgerUser user, @PathVariable long id) {
        RosterKinds.requireImporter(user.groups(), kinds.of(imports.batch(id).kind()));
        return ImportController.ImportProgressView.of(imports.progress(id));
    }

    @PostMapping("/{id}/commit")
    public String commit(@RequestAttribute(USER) LedgerUser user, @PathVariable long id,
                         @RequestParam(defaultValue = "false") boolean acceptWarnings, RedirectAttributes redirect) {
        RosterKinds.requireImporter(user.groups(), kinds.of(imports.batch(id).kind()));
        try {
            imports.commit(id, user.id(), acceptWarnings);
        } catch (RuleViolation refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/ledger/import/" + id;
    }

    @GetMapping("/{id}/report.xlsx")
    public void report(@RequestAttribute(USER) LedgerUser user, @PathVariable long id, HttpServletResponse response)
            throws IOException {
        RosterKinds.requireImporter(user.groups(), kinds.of(imports.batch(id).kind()));
        ImportBatch batch = imports.batch(id);
        ImportController.xlsx(response, "校验报告-" + batch.fileName());
        workbooks.report(batch, response.getOutputStream());
    }
}
