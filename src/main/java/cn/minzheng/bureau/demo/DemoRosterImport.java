package cn.minzheng.bureau.demo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.household.ResidentIdNumber;
import cn.minzheng.bureau.importing.RosterImports;

/**
 * Demo: a small roster upload (three households, one amount that disagrees with the current standard),
 * validated and waiting for the administrator to accept the warning and commit on 名册导入.
 */
@Component
@ConditionalOnProperty(name = "bureau.demo-data.enabled", havingValue = "true")
public class DemoRosterImport {

    static final String FILE_NAME = "示例-岳村乡在保名册.xlsx";
    private static final Logger log = LoggerFactory.getLogger(DemoRosterImport.class);

    private final RosterImports imports;
    private final JdbcClient jdbc;
    private final boolean applications;

    public DemoRosterImport(RosterImports imports, JdbcClient jdbc,
                            @Value("${bureau.demo-data.applications:true}") boolean applications) {
        this.imports = imports;
        this.jdbc = jdbc;
        this.applications = applications;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(4)
    public void seed() {
        if (!applications || jdbc.sql("select count(*) from import_batch where file_name = ?").param(FILE_NAME).query(Long.class).single() > 0) {
            return;
        }
        imports.upload(FILE_NAME, new ByteArrayInputStream(workbook()), "admin");
        log.info("demo data: a roster upload waiting for the administrator");
    }

    private static String id(LocalDate birth, int sequence) {
        String first17 = "410802" + birth.toString().replace("-", "") + String.format("%03d", sequence);
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    static byte[] workbook() {
        return workbook(rows());
    }

    private static List<String[]> rows() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"1", "岳村乡", "西岳村", "西岳村12号", "中国农业银行", "6228480012340000011", "赵春生",
                id(LocalDate.of(1956, 3, 2), 11), "户主", "丧失劳动能力", "无", "200", "0", "一般困难家庭", "640", "2023-07"});
        rows.add(new String[] {"1", null, null, null, null, null, "孙桂兰", id(LocalDate.of(1958, 9, 14), 22), "配偶",
                "丧失劳动能力", "无", "0", "200", null, null, null});
        rows.add(new String[] {"2", "岳村乡", "岳村", "岳村3组7号", "岳村信用社", "6230520012340000022", "钱德贵",
                id(LocalDate.of(1949, 12, 1), 31), "户主", "退休", "重度（一、二级）", "0", "150", "老年人家庭", "440", "2022-01"});
        rows.add(new String[] {"3", "岳村乡", "东岳村", "东岳村21号", "中国农业银行", "6228480012340000033", "周小红",
                id(LocalDate.of(1985, 6, 30), 42), "户主", "灵活就业", "无", "300", "0", "一般困难家庭", "300", "2025-03"});
        rows.add(new String[] {"3", null, null, null, null, null, "周乐乐", id(LocalDate.of(2015, 2, 8), 51), "子女",
                "在校学生", "无", "0", "0", null, null, null});
        return rows;
    }

    /** A workbook in the template of 名册导入 (one row per member, the household's columns on the head's row). */
    static byte[] workbook(List<String[]> rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("低保在保家庭");
            List<String> headers = List.of("户编号", "乡镇（街道）", "村（社区）", "家庭住址", "开户银行", "银行账号", "姓名",
                    "公民身份号码", "与户主关系", "就业状况", "残疾等级", "工资性收入（元/月）", "其他收入（元/月）", "低保类别",
                    "月保障金（元）", "起始月份");
            Row header = sheet.createRow(0);
            for (int i = 0; i < headers.size(); i++) {
                header.createCell(i).setCellValue(headers.get(i));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                String[] cells = rows.get(r);
                for (int i = 0; i < cells.length; i++) {
                    if (cells[i] != null) {
                        row.createCell(i).setCellValue(cells[i]);
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
