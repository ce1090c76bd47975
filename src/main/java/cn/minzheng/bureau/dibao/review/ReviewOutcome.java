package cn.minzheng.bureau.dibao.review;

import cn.minzheng.bureau.household.Labelled;

/**
 * What a review decides: 维持, 提标, 降标 or 停保 (有进有出，标准有升有降), or 渐退: above the standard through
 * employment, the benefit continues for bureau.dibao.gradual-exit-months before the case is cancelled.
 */
public enum ReviewOutcome implements Labelled {
    KEEP("维持"),
    RAISE("提标"),
    LOWER("降标"),
    CANCEL("停保"),
    PHASE_OUT("渐退");

    private final String label;

    ReviewOutcome(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
