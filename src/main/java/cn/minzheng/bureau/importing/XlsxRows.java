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
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.ss.usermodel.DateUtil;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;
import java.math.BigDecimal;
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
                parser.setContentHandler(new Collector(columns, handler, strings, styles));
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

    /**
     * The number of rows of the first sheet, for the progress display: its declared dimension, or where a
     * writer left that out (streaming writers do), a quick count of the row elements.
     */
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
                int rows = 0;
                boolean counting = false;
                while (xml.hasNext()) {
                    if (xml.next() == XMLStreamConstants.START_ELEMENT) {
                        String name = xml.getLocalName();
                        if (!counting && "dimension".equals(name)) {
                            String ref = xml.getAttributeValue(null, "ref");
                            int declared = ref == null || !ref.contains(":") ? -1
                                    : CellRangeAddress.valueOf(ref).getLastRow() + 1;
                            if (declared > 1) {
                                return declared;
                            }
                        } else if ("sheetData".equals(name)) {
                            counting = true;
                        } else if (counting && "row".equals(name)) {
                            rows++;
                        }
                    }
                }
                return rows;
            }
        } catch (IOException | XMLStreamException | RuntimeException | org.apache.poi.openxml4j.exceptions.OpenXML4JException e) {
            return -1;
        }
    }

    static RuleViolation notAWorkbook() {
        return new RuleViolation("NOT_A_WORKBOOK", "无法读取该文件：请上传 Excel 工作簿（.xlsx），并使用本系统提供的导入模板", 400);
    }

    /**
     * A lean SAX handler for the sheet XML: shared, inline and formula strings as they are, numbers as
     * plain decimals (no grouping, no exponent), date-formatted numbers as Excel shows them.
     */
    private static final class Collector extends DefaultHandler {

        private final int columns;
        private final RowHandler handler;
        private final ReadOnlySharedStringsTable strings;
        private final StylesTable styles;
        private final DataFormatter formatter = new DataFormatter(java.util.Locale.CHINA);
        private final StringBuilder text = new StringBuilder();
        private String[] cells;
        private boolean any;
        private int nextColumn;
        private int rowNumber;
        private int column;
        private String type;
        private String style;
        private boolean collecting;

        Collector(int columns, RowHandler handler, ReadOnlySharedStringsTable strings, StylesTable styles) {
            this.columns = columns;
            this.handler = handler;
            this.strings = strings;
            this.styles = styles;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            String name = localName == null || localName.isEmpty() ? qName : localName;
            switch (name) {
                case "row" -> {
                    String r = attributes.getValue("r");
                    rowNumber = r == null ? rowNumber + 1 : Integer.parseInt(r);
                    cells = new String[columns];
                    any = false;
                    nextColumn = 0;
                }
                case "c" -> {
                    String r = attributes.getValue("r");
                    column = r == null ? nextColumn : columnOf(r);
                    nextColumn = column + 1;
                    type = attributes.getValue("t");
                    style = attributes.getValue("s");
                    text.setLength(0);
                }
                case "v", "t" -> collecting = true;
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (collecting) {
                text.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            String name = localName == null || localName.isEmpty() ? qName : localName;
            switch (name) {
                case "v", "t" -> collecting = false;
                case "c" -> {
                    if (column < columns && cells != null) {
                        String value = value(text.toString());
                        if (value != null && !value.isBlank()) {
                            cells[column] = value.trim();
                            any = true;
                        }
                    }
                }
                case "row" -> {
                    if (any) {
                        handler.row(rowNumber, cells);
                    }
                    cells = null;
                }
                default -> {
                }
            }
        }

        private String value(String raw) {
            if (raw.isEmpty()) {
                return null;
            }
            if ("s".equals(type)) {
                return strings.getItemAt(Integer.parseInt(raw.trim())).getString();
            }
            if (type != null && !"n".equals(type)) {
                return raw; // inlineStr, str (formula result), b, e
            }
            if (style != null && styles != null) {
                XSSFCellStyle cellStyle = styles.getStyleAt(Integer.parseInt(style));
                if (cellStyle != null) {
                    short format = cellStyle.getDataFormat();
                    String pattern = cellStyle.getDataFormatString();
                    if (pattern != null && DateUtil.isADateFormat(format, pattern)) {
                        return formatter.formatRawCellContents(Double.parseDouble(raw), format, pattern);
                    }
                }
            }
            try {
                return new BigDecimal(raw.trim()).stripTrailingZeros().toPlainString();
            } catch (NumberFormatException e) {
                return raw;
            }
        }
    }

    /** "AB12" → 27: the letters of a cell reference as a column index (faster than parsing a CellReference). */
    static int columnOf(String reference) {
        int column = 0;
        for (int i = 0; i < reference.length(); i++) {
            char c = reference.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                column = column * 26 + (c - 'A' + 1);
            } else if (c != '$') {
                break;
            }
        }
        return column - 1;
    }

    static List<String> asList(String[] cells) {
        List<String> list = new ArrayList<>(cells.length);
        for (String c : cells) {
            list.add(c);
        }
        return list;
    }
}
