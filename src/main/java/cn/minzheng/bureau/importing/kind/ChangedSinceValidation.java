package cn.minzheng.bureau.importing.kind;

import java.util.List;

import cn.minzheng.bureau.common.RuleViolation;

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
