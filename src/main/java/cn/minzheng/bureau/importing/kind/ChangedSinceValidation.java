package cn.minzheng.bureau.importing.kind;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.program.CrossProgramRules;
import cn.minzheng.bureau.program.CrossProgramRules.Finding;
import cn.minzheng.bureau.program.CrossProgramRules.Person;

/**
 * The commit's refusal when the records changed between validation and commit: a person of the file was enrolled
 * meanwhile in a program the rules do not allow beside the roster's (or in the roster's program itself). A writer
 * throws it before writing its chunk, so the commit's one transaction rolls back and the batch returns to 已校验 with
 * this reason, naming the first row, its person and the enrolment, as validation would have.
 */
public final class ChangedSinceValidation extends RuleViolation {

    /** A row of the file the rules refuse now: its row number and the refusal's text, as validation words it. */
    public record Refusal(int rowNumber, String message) {
    }

    private ChangedSinceValidation(String message) {
        super("IMPORT_CHANGED_SINCE_VALIDATION", message, 409);
    }

    /**
     * The rows of a chunk asked again in one lookup, inside the commit's transaction: those whose person is now enrolled
     * in a program the rules do not allow beside the roster's ({@code programCode}), or in the roster's program itself,
     * in row order and worded as validation words them ({@link #refusal}). Warnings are not asked again: the
     * administrator accepted them at commit.
     */
    public static List<Refusal> refusedNow(CrossProgramRules rules, String programCode, String programName,
                                           List<StagedRow> rows) {
        Map<String, StagedRow> byId = rows.stream()
                .collect(Collectors.toMap(r -> r.idNumber, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        return rules.assess(programCode, rows.stream().map(r -> new Person(r.idNumber, r.name)).toList()).stream()
                .filter(f -> refuses(f, programCode))
                .map(f -> new Refusal(byId.get(f.person().idNumber()).rowNumber, refusal(f, programName)))
                .toList();
    }

    /** A live enrolment the rules do not allow beside the program, or one of the program itself. */
    public static boolean refuses(Finding f, String programCode) {
        return !f.allowed() || programCode.equals(f.enrolment().programCode());
    }

    /** The refusal of a row whose person {@link #refuses} names, as validation and the commit word it. */
    public static String refusal(Finding f, String programName) {
        return f.allowed() ? f.message() + "：同一人不能重复纳入" + programName + "，不能导入"
                : f.message() + "，不能导入" + programName;
    }

    /** Throws when any row is refused now; the first is named, the others of the chunk counted. */
    public static void refuseIfAny(List<Refusal> refused) {
        if (refused.isEmpty()) {
            return;
        }
        Refusal first = refused.get(0);
        throw new ChangedSinceValidation("校验之后，名册中有人员已被纳入不能同时享受的救助项目：第" + first.rowNumber()
                + "行，" + first.message() + (refused.size() > 1 ? "；另有至少" + (refused.size() - 1) + "行同样不能导入" : "")
                + "。请按家庭档案核实：冲突消除后可重新提交本批次，或删去这些行后重新上传名册校验");
    }
}
