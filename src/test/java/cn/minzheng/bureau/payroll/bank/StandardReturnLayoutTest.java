package cn.minzheng.bureau.payroll.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StandardReturnLayoutTest {

    private final StandardReturnLayout layout = new StandardReturnLayout();

    static Stream<Arguments> lines() {
        ReturnedPayment closed = new ReturnedPayment("1001", "6228480000000000001", "740.00", "账户已销户");
        return Stream.of(
                Arguments.of("plain", "1001,6228480000000000001,740.00,账户已销户", closed),
                Arguments.of("spaces around fields", " 1001 , 6228480000000000001 ,740.00 , 账户已销户 ", closed),
                Arguments.of("account quoted (as the bank file writes it)", "1001,\"6228480000000000001\",740.00,账户已销户", closed),
                Arguments.of("typed with full-width commas", "1001，6228480000000000001，740.00，账户已销户", closed),
                Arguments.of("reason quoted with a comma", "1001,6228480000000000001,740.00,\"户名不符,请核实\"",
                        new ReturnedPayment("1001", "6228480000000000001", "740.00", "户名不符,请核实")),
                Arguments.of("reason with an unquoted comma", "1001,6228480000000000001,740.00,户名不符,请核实",
                        new ReturnedPayment("1001", "6228480000000000001", "740.00", "户名不符,请核实")),
                Arguments.of("reason with a full-width comma", "1001,6228480000000000001,740.00,户名不符，请核实",
                        new ReturnedPayment("1001", "6228480000000000001", "740.00", "户名不符，请核实")),
                Arguments.of("quote inside a quoted reason", "1001,6228480000000000001,740.00,\"称“已\"\"冻结\"\"”\"",
                        new ReturnedPayment("1001", "6228480000000000001", "740.00", "称“已\"冻结\"”")),
                Arguments.of("three fields", "1001,6228480000000000001,740.00", null),
                Arguments.of("empty reason", "1001,6228480000000000001,740.00,", null),
                Arguments.of("one field", "1001", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lines")
    void readsAFailedPayment(String name, String line, ReturnedPayment expected) throws IOException {
        assertThat(layout.read(record(line))).isEqualTo(expected);
    }

    static Stream<Arguments> firstLines() {
        return Stream.of(
                Arguments.of("付款流水号,银行账号,金额,失败原因", true),
                Arguments.of("paymentId,account,amount,reason", true),
                Arguments.of("1001,6228480000000000001,740.00,账户已销户", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("firstLines")
    void knowsAHeaderLine(String line, boolean header) throws IOException {
        assertThat(layout.isHeader(record(line))).isEqualTo(header);
    }

    private CSVRecord record(String line) throws IOException {
        List<CSVRecord> records = CSVParser.parse(line, layout.format()).getRecords();
        assertThat(records).hasSize(1);
        return records.get(0);
    }
}
