package cn.minzheng.bureau.payroll;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.program.Program;
import cn.minzheng.bureau.program.ProgramKind;
import cn.minzheng.bureau.program.ProgramRegistry;

/**
 * Which program a payroll pays, as pages, forms and bank files name it: the short name (低保, 高龄津贴) and the
 * check that a payroll is started only for a monthly program of the registry.
 */
@Component
public class PayrollPrograms {

    private final ProgramRegistry registry;

    public PayrollPrograms(ProgramRegistry registry) {
        this.registry = registry;
    }

    /** The program code given, {@code DIBAO} when none is; a Chinese 404 for an unknown one, 422 for a one-off program. */
    public Program monthly(String programCode) {
        Program program = registry.get(programCode == null || programCode.isBlank() ? Program.DIBAO : programCode.trim());
        if (program.kind() != ProgramKind.MONTHLY) {
            throw new RuleViolation("PROGRAM_NOT_MONTHLY", "“" + program.name() + "”是一次性救助项目，没有月度工资单", 422);
        }
        return program;
    }

    /** 低保 for 最低生活保障 (as its payrolls and bank files always said), else the program's name. */
    public String shortName(String programCode) {
        return shortName(programCode, registry.find(programCode).map(Program::name).orElse(programCode));
    }

    static String shortName(String programCode, String programName) {
        return Program.DIBAO.equals(programCode) ? "低保" : programName;
    }
}
