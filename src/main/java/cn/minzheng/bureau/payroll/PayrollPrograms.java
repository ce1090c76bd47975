package cn.minzheng.bureau.payroll;

import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.program.Program;
import cn.minzheng.bureau.program.ProgramRegistry;

/**
 * Which program a payroll pays, as pages, forms and bank files name it: the short name (低保, 高龄津贴) and the
 * check that a payroll is started only for a program of the registry that a monthly payroll pays.
 */
@Component
public class PayrollPrograms {

    /** The payment cycle of a program paid by the program's payroll of each month (table {@code program}). */
    static final String MONTHLY_CYCLE = "MONTHLY";

    private final ProgramRegistry registry;

    public PayrollPrograms(ProgramRegistry registry) {
        this.registry = registry;
    }

    /**
     * The program code given, {@code DIBAO} when none is, if a monthly payroll pays it (payment cycle
     * {@code MONTHLY}: a monthly program's amounts, or a one-off program's grants decided since its last payroll);
     * a Chinese 404 for an unknown program, 422 for one paid otherwise.
     */
    public Program paidMonthly(String programCode) {
        Program program = registry.get(programCode == null || programCode.isBlank() ? Program.DIBAO : programCode.trim());
        if (!MONTHLY_CYCLE.equals(program.paymentCycle())) {
            throw new RuleViolation("PROGRAM_NOT_MONTHLY", "“" + program.name() + "”不按月度工资单发放", 422);
        }
        return program;
    }

    /** Every program a monthly payroll pays, 低保 first. */
    public List<Program> paidMonthly() {
        return registry.all().stream().filter(p -> MONTHLY_CYCLE.equals(p.paymentCycle()))
                .sorted(Comparator.comparing((Program p) -> !Program.DIBAO.equals(p.code())).thenComparing(Program::code))
                .toList();
    }

    /** 低保 for 最低生活保障 (as its payrolls and bank files always said), else the program's name. */
    public String shortName(String programCode) {
        return shortName(programCode, registry.find(programCode).map(Program::name).orElse(programCode));
    }

    static String shortName(String programCode, String programName) {
        return Program.DIBAO.equals(programCode) ? "低保" : programName;
    }
}
