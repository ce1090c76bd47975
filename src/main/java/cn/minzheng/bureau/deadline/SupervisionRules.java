package cn.minzheng.bureau.deadline;

import cn.minzheng.bureau.common.RuleViolation;

/** The rule every supervision of an overrun limit meets, whichever line of work it is in: a written 督办意见. */
public final class SupervisionRules {

    public static final int MAX_TEXT = 500;

    private SupervisionRules() {
    }

    /** The 督办意见 stripped, or a Chinese refusal. */
    public static String comment(String value) {
        String comment = value == null ? "" : value.trim();
        if (comment.isEmpty()) {
            throw new RuleViolation("SUPERVISION_COMMENT_MISSING", "请填写督办意见");
        }
        if (comment.length() > MAX_TEXT) {
            throw new RuleViolation("SUPERVISION_COMMENT_TOO_LONG", "督办意见不能超过" + MAX_TEXT + "个字");
        }
        return comment;
    }
}
