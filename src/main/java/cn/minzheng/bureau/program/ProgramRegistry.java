package cn.minzheng.bureau.program;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.RuleViolation;

/** The program registry, read from the table {@code program} (each program's Flyway script adds its row). */
@Component
public class ProgramRegistry {

    private final JdbcClient jdbc;

    public ProgramRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Row(String code, String name, String kind, String applicationProcessKey, String decisionKeys,
                       String paymentCycle) {

        Program program() {
            return new Program(code, name, ProgramKind.valueOf(kind), applicationProcessKey,
                    Arrays.stream(decisionKeys.split(",")).map(String::trim).filter(k -> !k.isEmpty()).toList(),
                    paymentCycle);
        }
    }

    public List<Program> all() {
        return jdbc.sql("select code, name, kind, application_process_key, decision_keys, payment_cycle from program order by code")
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)).program())
                .list();
    }

    public Optional<Program> find(String code) {
        return all().stream().filter(p -> p.code().equals(code)).findFirst();
    }

    /** The program, or a Chinese 404 naming the code. */
    public Program get(String code) {
        return find(code).orElseThrow(() -> new RuleViolation("PROGRAM_NOT_FOUND", "救助项目“" + code + "”不存在", 404));
    }
}
