package cn.minzheng.bureau.importing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.minzheng.bureau.dibao.roster.DibaoRosterColumns;
import cn.minzheng.bureau.household.ResidentIdNumber;

/** Roster workbooks for tests, built with POI: rows of 16 cells in the template's column order. */
final class RosterSheets {

    /** Fresh valid ID numbers: an address code of this run's own, so runs on a kept database never collide. */
    static final class Ids {
        private final String address = String.valueOf(100000 + ThreadLocalRandom.current().nextInt(899999));
        private final AtomicLong next = new AtomicLong();

        String next() {
            long n = next.getAndIncrement();
            LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(n % 20000);
            String first17 = address + birth.toString().replace("-", "") + String.format("%03d", (n / 20000) % 1000);
            return first17 + ResidentIdNumber.checkCharacter(first17);
        }
    }

    /** A rural (岳村乡) ordinary household of two: incomes 300 + 100, so the current standard gives 640.00. */
    static List<String[]> household(String key, Ids ids, String amount) {
        String[] head = {key, "岳村乡", "东岳村", "东岳村" + key + "号", "中国农业银行", "6228480012345678901", "王建设",
                ids.next(), "户主", "灵活就业", "无", "300", "0", "一般困难家庭", amount, "2024-01"};
        String[] spouse = {key, null, null, null, null, null, "李秀英", ids.next(), "配偶", "丧失劳动能力",
                "重度（一、二级）", "0", "100", null, null, null};
        return new ArrayList<>(List.of(head, spouse));
    }

    static byte[] workbook(List<String[]> rows) {
        return workbook(DibaoRosterColumns.HEADERS, rows);
    }

    static byte[] workbook(List<String> headers, List<String[]> rows) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("低保在保家庭");
            Row header = sheet.createRow(0);
            for (int i = 0; i < headers.size(); i++) {
                header.createCell(i).setCellValue(headers.get(i));
            }
            int r = 1;
            for (String[] cells : rows) {
                Row row = sheet.createRow(r++);
                for (int i = 0; i < cells.length; i++) {
                    if (cells[i] != null) {
                        row.createCell(i).setCellValue(cells[i]);
                    }
                }
            }
            workbook.write(out);
            workbook.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every row of the first sheet as text, as Excel shows it. */
    static List<List<String>> read(byte[] xlsx) {
        try (InputStream in = new ByteArrayInputStream(xlsx); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            DataFormatter format = new DataFormatter();
            List<List<String>> rows = new ArrayList<>();
            for (Row row : workbook.getSheetAt(0)) {
                String[] cells = new String[Math.max(row.getLastCellNum(), 0)];
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = row.getCell(i) == null ? "" : format.formatCellValue(row.getCell(i));
                }
                rows.add(Arrays.asList(cells));
            }
            return rows;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private RosterSheets() {
    }
}
