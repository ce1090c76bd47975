package cn.minzheng.bureau.dibao.review;

/** Where a review (table dibao_review) stands: open, closed with its outcome applied, or closed unchanged. */
public enum ReviewStatus {
    OPEN,
    /** Its outcome reached the case (a kept benefit counts: the case was reviewed). */
    APPLIED,
    /** The township or the district did not approve the change; the case keeps its amount. */
    UNCHANGED
}
