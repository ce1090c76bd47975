package cn.minzheng.bureau.payroll.bank;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * How one bank lays out its return file (回盘文件): the CSV dialect, which first line is a header, and
 * where a failed payment's fields stand. One implementation per layout, a Spring bean;
 * {@code bureau.payroll.bank-return-layout} names the one in use (docs/dibao-money.md, *Bank files*).
 * The checks against the issued payments are the same for every layout ({@code BankReturnImport}).
 */
public interface BankReturnLayout {

    /** The name the setting uses, e.g. {@code standard}. */
    String name();

    /** The CSV dialect: delimiter, quotes, blank lines. */
    CSVFormat format();

    /** Whether this first record of the file is a header line rather than a payment. */
    boolean isHeader(CSVRecord first);

    /**
     * The failed payment this record reports, its fields as the bank wrote them (checked afterwards), or
     * {@code null} when the record does not have this layout's columns.
     */
    ReturnedPayment read(CSVRecord record);

    /** What a user is told a line should look like (Chinese), e.g. “付款流水号,银行账号,金额,失败原因”. */
    String expectedColumns();
}
