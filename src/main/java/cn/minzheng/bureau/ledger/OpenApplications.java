package cn.minzheng.bureau.ledger;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.engine.EngineClock;
import cn.minzheng.bureau.program.Program;
import cn.minzheng.bureau.program.ProgramRegistry;

/**
 * Open applications by stage of every program of the registry but 低保 (whose stages the dashboard reads from its
 * cases): the running instances of each program's application process ({@code program.application_process_key}),
 * by the step each waits in (a task, the 公示 timer, …) as its diagram names it, with the average days since the
 * application started. Confined to a township by the instance's {@code townshipCode} (every application process
 * declares it; a process with a step per township, such as 高龄津贴's monthly proposal, has it on that step), so a
 * township's user counts only its own.
 */
@Component
public class OpenApplications {

    /** One stage of one program; a program without open applications has one line with no stage and 0. */
    public record ProgramStage(String programName, String stage, long applications, long averageAgeDays) {
    }

    private final JdbcClient jdbc;
    private final ProgramRegistry programs;
    private final StepNames steps;

    public OpenApplications(JdbcClient jdbc, ProgramRegistry programs, StepNames steps) {
        this.jdbc = jdbc;
        this.programs = programs;
        this.steps = steps;
    }

    /** {@code township}: a township's code, or null for the whole district. */
    public List<ProgramStage> byProgram(String township) {
        Map<String, Map<String, long[]>> counts = new LinkedHashMap<>();
        LocalDateTime now = EngineClock.dateTime();
        jdbc.sql("""
                select pr.code, x.proc_def_id_, x.act_id_, h.start_time_
                from act_ru_execution x
                join act_re_procdef d on d.id_ = x.proc_def_id_
                join program pr on pr.application_process_key = d.key_
                left join act_ru_variable v1 on v1.execution_id_ = x.id_ and v1.name_ = 'townshipCode'
                left join act_ru_variable v2 on v2.execution_id_ = x.parent_id_ and v2.name_ = 'townshipCode'
                left join act_ru_variable v3 on v3.execution_id_ = x.proc_inst_id_ and v3.name_ = 'townshipCode'
                left join act_hi_procinst h on h.id_ = x.proc_inst_id_
                where x.act_id_ is not null and x.is_active_ = ? and pr.code <> ?"""
                        + (township == null ? "" : " and coalesce(v1.text_, v2.text_, v3.text_) = ?"))
                .params(township == null ? new Object[] {true, Program.DIBAO} : new Object[] {true, Program.DIBAO, township})
                .query(rs -> {
                    long[] c = counts.computeIfAbsent(rs.getString("code"), k -> new LinkedHashMap<>())
                            .computeIfAbsent(steps.of(rs.getString("proc_def_id_"), rs.getString("act_id_")),
                                    k -> new long[2]);
                    c[0]++;
                    java.sql.Timestamp started = rs.getTimestamp("start_time_");
                    c[1] += started == null ? 0 : Duration.between(started.toLocalDateTime(), now).toDays();
                });
        List<ProgramStage> lines = new ArrayList<>();
        for (Program program : programs.all()) {
            if (program.code().equals(Program.DIBAO)) {
                continue;
            }
            Map<String, long[]> stages = counts.getOrDefault(program.code(), Map.of());
            if (stages.isEmpty()) {
                lines.add(new ProgramStage(program.name(), null, 0, 0));
            }
            stages.entrySet().stream()
                    .sorted(Comparator.comparing((Map.Entry<String, long[]> e) -> -e.getValue()[0]).thenComparing(Map.Entry::getKey))
                    .forEach(e -> lines.add(new ProgramStage(program.name(), e.getKey(), e.getValue()[0],
                            e.getValue()[1] / e.getValue()[0])));
        }
        return lines;
    }
}
