package cn.minzheng.bureau.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

import cn.minzheng.bureau.common.RuleViolation;

/**
 * Reads the first sheet of an .xlsx row by row with POI's event API (SAX): the workbook is never
 * held in memory, however many rows it has. Each row arrives as its cells' text as Excel shows it.
 */
final class XlsxRows {

    /** Receives each non-empty row: its number as Excel shows it (1 = first row) and its cells. */
    interface RowHandler {
        void row(int rowNumber, String[] cells);
    }

    private XlsxRows() {
    }

    static void read(Path file, int columns, RowHandler handler) {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            StylesTable styles = reader.getStylesTable();
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw notAWorkbook();
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings,
                        new Collector(columns, handler), new DataFormatter(java.util.Locale.CHINA), false));
                parser.parse(new InputSource(sheet));
            }
        } catch (RuleViolation e) {
            throw e;
        } catch (RuntimeException e) {
            if (e.getCause() instanceof RuleViolation violation) {
                throw violation;
            }
            throw notAWorkbook();
        } catch (Exception e) {
            throw notAWorkbook();
        }
    }

    /** The number of rows the first sheet declares (its dimension), or -1 when it does not say. */
    static int declaredRows(Path file) {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            Iterator<InputStream> sheets = new XSSFReader(pkg).getSheetsData();
            if (!sheets.hasNext()) {
                return -1;
            }
            try (InputStream sheet = sheets.next()) {
                XMLInputFactory factory = XMLInputFactory.newFactory();
                factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
                XMLStreamReader xml = factory.createXMLStreamReader(sheet);
                while (xml.hasNext()) {
                    if (xml.next() == XMLStreamConstants.START_ELEMENT) {
                        String name = xml.getLocalName();
                        if ("dimension".equals(name)) {
                            String ref = xml.getAttributeValue(null, "ref");
                            return ref == null || !ref.contains(":") ? -1 : CellRangeAddress.valueOf(ref).getLastRow() + 1;
                        }
                        if ("sheetData".equals(name)) {
                            return -1;
                        }
                    }
                }
                return -1;
            }
        } catch (IOException | XMLStreamException | RuntimeException | org.apache.poi.openxml4j.exceptions.OpenXML4JException e) {
            return -1;
        }
    }

    static RuleViolation notAWorkbook() {
        return new RuleViolation("NOT_A_WORKBOOK", "无法读取该文件：请上传 Excel 工作簿（.xlsx），并使用本系统提供的导入模板", 400);
    }

    private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final int columns;
        private final RowHandler handler;
        private String[] cells;
        private boolean any;
        private int nextColumn;

        Collector(int columns, RowHandler handler) {
            this.columns = columns;
            this.handler = handler;
        }

        @Override
        public void startRow(int rowNum) {
            cells = new String[columns];
            any = false;
            nextColumn = 0;
        }

        @Override
        public void endRow(int rowNum) {
            if (any) {
                handler.row(rowNum + 1, cells);
            }
        }

        @Override
        public void cell(String cellReference, String formattedValue, XSSFComment comment) {
            int column = cellReference == null ? nextColumn : new CellReference(cellReference).getCol();
            nextColumn = column + 1;
            if (column < columns && formattedValue != null && !formattedValue.isBlank()) {
                cells[column] = formattedValue.trim();
                any = true;
            }
        }
    }

    static List<String> asList(String[] cells) {
        List<String> list = new ArrayList<>(cells.length);
        for (String c : cells) {
            list.add(c);
        }
        return list;
    }
}
