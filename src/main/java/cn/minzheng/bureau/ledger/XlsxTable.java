package cn.minzheng.bureau.ledger;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.zip.Deflater;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * A list as an .xlsx sheet, streamed row by row into the response as it is read: a long list never sits in memory
 * whole, and the first bytes leave before the last row is read. Written with fastexcel, which writes the sheet's XML
 * straight into the zip (POI's streaming workbook wrote each row to a temporary file first, at a quarter of the
 * speed); strings inline, the zip at the fastest compression (docs/benchmarks.md, exports).
 */
public final class XlsxTable implements AutoCloseable {

    /** Rows kept before they are written out. */
    private static final int FLUSH_EVERY = 1000;
    private static final String MONEY = "#,##0.00";

    private final Workbook workbook;
    private final Worksheet sheet;
    private int nextRow;

    public XlsxTable(OutputStream out, String sheetName, List<String> headers) {
        workbook = new Workbook(out, "区民政局业务平台", "1.0");
        workbook.setCompressionLevel(Deflater.BEST_SPEED);
        sheet = workbook.newWorksheet(sheetName);
        for (int i = 0; i < headers.size(); i++) {
            sheet.inlineString(nextRow, i, headers.get(i));
            sheet.style(nextRow, i).bold().set();
        }
        nextRow++;
    }

    /** The next row; no values is an empty row. */
    public void row(Object... values) {
        int row = nextRow++;
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value instanceof BigDecimal amount) {
                sheet.value(row, i, amount);
                sheet.style(row, i).format(MONEY).set();
            } else if (value instanceof Number number) {
                sheet.value(row, i, number);
            } else if (value != null) {
                sheet.inlineString(row, i, value.toString());
            }
        }
        if (nextRow % FLUSH_EVERY == 0) {
            try {
                sheet.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Writes what is left and the workbook's closing parts; the stream stays open. */
    @Override
    public void close() throws IOException {
        workbook.finish();
    }
}
