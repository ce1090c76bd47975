package cn.minzheng.bureau.program;

import java.util.List;

/**
 * A program of the registry (table {@code program}): what it is called, how it pays, the process that enrols
 * into it and its DMN tables. {@code paymentCycle} names the payroll that pays it ({@code MONTHLY}: the
 * program's payroll of each month; a one-off grant is paid by the next one).
 */
public record Program(String code, String name, ProgramKind kind, String applicationProcessKey,
                      List<String> decisionKeys, String paymentCycle) {

    /** 最低生活保障: the household's enrolment mirrors its 低保 case (dibao_case). */
    public static final String DIBAO = "DIBAO";

    /** 临时救助: a one-off grant to a household (linshi_case), paid once through the payment table. */
    public static final String LINSHI = "LINSHI";

    /** 特困人员救助供养: a person's enrolment, written by the tekun package. */
    public static final String TEKUN = "TEKUN";

    /**
     * 特困人员丧葬补助: a one-off grant to whoever arranges the funeral of a 特困人员 (tekun_funeral_allowance),
     * enrolled on the payee's household, paid once through the payment table.
     */
    public static final String TEKUN_FUNERAL = "TEKUN_FUNERAL";

    /** 高龄津贴: a person's enrolment mirrors the person's gaoling_recipient row. */
    public static final String GAOLING = "GAOLING";

    /** 优抚对象定期抚恤补助: a person's enrolment mirrors the person's youfu_recipient row. */
    public static final String YOUFU = "YOUFU";

    public Program {
        decisionKeys = List.copyOf(decisionKeys);
    }
}
