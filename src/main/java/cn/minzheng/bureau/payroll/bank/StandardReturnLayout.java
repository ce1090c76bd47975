package cn.minzheng.bureau.payroll.bank;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Component;

/**
 * The bureau's own layout, also what finance types into the 银行回盘对账 form: 付款流水号,银行账号,金额,失败原因,
 * a header line allowed. A reason may contain commas (quoted or not: whatever follows the third comma is the
 * reason), and a line typed with full-width commas (，) is read as well.
 */
@Component
public class StandardReturnLayout implements BankReturnLayout {

    public static final String NAME = "standard";

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(true)
            .setTrim(true)
            .get();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CSVFormat format() {
        return FORMAT;
    }

    @Override
    public boolean isHeader(CSVRecord first) {
        String value = first.get(0);
        return value.isEmpty() || !Character.isDigit(value.charAt(0));
    }

    @Override
    public ReturnedPayment read(CSVRecord record) {
        List<String> fields = fields(record);
        if (fields.size() < 4 || fields.get(3).isBlank()) {
            return null;
        }
        String reason = String.join(",", fields.subList(3, fields.size())).trim();
        return new ReturnedPayment(fields.get(0).trim(), fields.get(1).trim(), fields.get(2).trim(), reason);
    }

    @Override
    public String expectedColumns() {
        return "付款流水号,银行账号,金额,失败原因";
    }

    /** The record's fields; a line of fewer than four is split again at full-width commas, as typed by hand. */
    private static List<String> fields(CSVRecord record) {
        List<String> fields = new ArrayList<>(record.toList());
        if (fields.size() >= 4) {
            return fields;
        }
        String line = String.join(",", fields);
        return List.of(line.split("[,，]", 4));
    }
}
