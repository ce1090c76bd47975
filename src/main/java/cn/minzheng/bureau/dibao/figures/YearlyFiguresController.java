package cn.minzheng.bureau.dibao.figures;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.minzheng.bureau.access.CurrentUser;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.region.RegionKind;
import cn.minzheng.bureau.region.RegionRepository;

/**
 * 低保年度统计: JSON and an .xlsx in the layout of the bureau's year-end summary; the other programs' figures beside
 * them ({@code /api/programs/yearly-figures}, and the .xlsx's second sheet).
 */
@RestController
public class YearlyFiguresController {

    private static final String[] COLUMNS = {"乡镇（街道）", "年末在保户数", "年末在保人数", "新增户数", "新增人数", "停保户数", "停保人数"};

    private final YearlyFiguresService figures;
    private final RegionRepository regions;
    private final CurrentUser currentUser;

    public YearlyFiguresController(YearlyFiguresService figures, RegionRepository regions, CurrentUser currentUser) {
        this.figures = figures;
        this.regions = regions;
        this.currentUser = currentUser;
    }

    @Operation(summary = "低保年度统计")
    @GetMapping("/api/dibao/yearly-figures")
    public YearlyFigures json(@RequestParam int year, @RequestParam String area) {
        requireArea(area);
        return figures.compute(year, area);
    }

    @Operation(summary = "各救助项目年度统计（低保以外）")
    @GetMapping("/api/programs/yearly-figures")
    public java.util.List<ProgramFigures> programs(@RequestParam int year, @RequestParam String area) {
        requireArea(area);
        return figures.programs(year, area);
    }

    @Operation(summary = "低保年度统计（Excel）")
    @GetMapping("/api/dibao/yearly-figures.xlsx")
    public ResponseEntity<byte[]> xlsx(@RequestParam int year, @RequestParam String area) throws IOException {
        requireArea(area);
        YearlyFigures f = figures.compute(year, area);
        try (XSSFWorkbook workbook = new XSSFWorkbook(); var out = new java.io.ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(year + "年低保统计");
            CellStyle money = workbook.createCellStyle();
            money.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
            sheet.createRow(0).createCell(0).setCellValue(f.areaName() + year + "年城乡最低生活保障工作统计（年末在保按"
                    + (f.coveredMonth() == null ? "—" : f.coveredMonth()) + "发放计）");
            Row header = sheet.createRow(1);
            for (int i = 0; i < COLUMNS.length; i++) {
                header.createCell(i).setCellValue(COLUMNS[i]);
            }
            for (int m = 1; m <= 12; m++) {
                header.createCell(COLUMNS.length + m - 1).setCellValue(m + "月发放（元）");
            }
            header.createCell(COLUMNS.length + 12).setCellValue("全年发放（元）");
            int r = 2;
            for (YearlyFigures.Row row : f.townships()) {
                write(sheet.createRow(r++), row, money);
            }
            write(sheet.createRow(r), f.total(), money);
            programSheet(workbook.createSheet(year + "年各救助项目"), figures.programs(year, area), money);
            workbook.write(out);
            String filename = f.areaName() + year + "年低保统计.xlsx";
            return ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
                    .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                    .body(out.toByteArray());
        }
    }

    /** Each other program: its area total, then its townships, under a line naming it. */
    private static void programSheet(Sheet sheet, java.util.List<ProgramFigures> programs, CellStyle money) {
        int r = 0;
        Row header = sheet.createRow(r++);
        String[] columns = {"乡镇（街道）", "年末享受户数", "年末享受人数", "新纳入户数", "新纳入人数", "终止户数", "终止人数"};
        for (int i = 0; i < columns.length; i++) {
            header.createCell(i).setCellValue(columns[i]);
        }
        for (int m = 1; m <= 12; m++) {
            header.createCell(columns.length + m - 1).setCellValue(m + "月发放（元）");
        }
        header.createCell(columns.length + 12).setCellValue("全年发放（元）");
        for (ProgramFigures program : programs) {
            sheet.createRow(r++).createCell(0).setCellValue(program.programName() + "（" + program.kindLabel() + "，"
                    + (program.monthly() ? "年末享受按" + (program.coveredMonth() == null ? "—" : program.coveredMonth()) + "发放计"
                            : "年末享受按全年发放计") + "）");
            for (YearlyFigures.Row row : program.townships()) {
                write(sheet.createRow(r++), row, money);
            }
            write(sheet.createRow(r++), program.total(), money);
        }
    }

    private static void write(Row row, YearlyFigures.Row figures, CellStyle money) {
        row.createCell(0).setCellValue(figures.townshipName());
        long[] counts = {figures.householdsCovered(), figures.peopleCovered(), figures.householdsAdded(),
                figures.peopleAdded(), figures.householdsCancelled(), figures.peopleCancelled()};
        for (int i = 0; i < counts.length; i++) {
            row.createCell(i + 1).setCellValue(counts[i]);
        }
        for (int m = 0; m < 12; m++) {
            Cell cell = row.createCell(COLUMNS.length + m);
            cell.setCellValue(figures.paidByMonth().get(m).doubleValue());
            cell.setCellStyle(money);
        }
        Cell total = row.createCell(COLUMNS.length + 12);
        total.setCellValue(figures.paidInYear().doubleValue());
        total.setCellStyle(money);
    }

    /** The district's figures for district roles; a township's for its own staff. */
    private void requireArea(String area) {
        var region = regions.find(area).orElseThrow(() -> RuleViolation.notFound("地区" + area));
        if (region.kind() == RegionKind.DISTRICT) {
            if (!currentUser.maySee("__district__")) { // only district-wide roles see a township that is none of theirs
                throw new RuleViolation("OUTSIDE_AREA", "全区统计仅限区民政局人员查看", 403);
            }
        } else {
            currentUser.requireTownship(area);
        }
    }
}
