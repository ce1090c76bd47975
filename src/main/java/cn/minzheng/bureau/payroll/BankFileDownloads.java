package cn.minzheng.bureau.payroll;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The bank file of an approved payroll as a download, for the REST API (HTTP Basic) and the ledger page
 * (the webapps' session) alike: refused before approval, then streamed by {@link BankFileExporter}.
 */
@Component
public class BankFileDownloads {

    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final BankFileExporter bankFiles;
    private final PayrollPrograms programs;

    public BankFileDownloads(BankFileExporter bankFiles, PayrollPrograms programs) {
        this.bankFiles = bankFiles;
        this.programs = programs;
    }

    public ResponseEntity<StreamingResponseBody> csv(long payrollId) {
        Payroll payroll = bankFiles.requireApproved(payrollId);
        return download(payroll, "csv", CSV, out -> bankFiles.writeCsv(payrollId, out));
    }

    public ResponseEntity<StreamingResponseBody> xlsx(long payrollId) {
        Payroll payroll = bankFiles.requireApproved(payrollId);
        return download(payroll, "xlsx", XLSX, out -> bankFiles.writeXlsx(payrollId, out));
    }

    /** 低保代发-2026-05.csv (a 低保 payroll's file, as it always was named). */
    static String filename(Payroll payroll, String extension) {
        return filename(PayrollPrograms.shortName(payroll.programCode(), payroll.programCode()), payroll, extension);
    }

    /** 低保代发-2026-05.csv, 高龄津贴代发-2026-05.csv: the program's short name, the month. */
    static String filename(String programShortName, Payroll payroll, String extension) {
        return programShortName + "代发-" + payroll.payrollMonth() + "." + extension;
    }

    private ResponseEntity<StreamingResponseBody> download(Payroll payroll, String extension, MediaType type,
                                                                  StreamingResponseBody body) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(filename(programs.shortName(payroll.programCode()), payroll, extension), StandardCharsets.UTF_8).build().toString())
                .contentType(type)
                .body(body);
    }
}
