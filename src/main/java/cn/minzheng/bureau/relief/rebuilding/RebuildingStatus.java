package cn.minzheng.bureau.relief.rebuilding;

/** Where a house-rebuilding case stands (relief_rebuilding.status). */
public enum RebuildingStatus {
    OPEN, APPLIED, IN_NOTICE, APPRAISAL_FAILED, OBJECTION, TOWNSHIP_APPROVED, APPROVED, REBUILT, REJECTED
}
