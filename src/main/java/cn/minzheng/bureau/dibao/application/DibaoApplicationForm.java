package cn.minzheng.bureau.dibao.application;

import cn.minzheng.bureau.household.HouseholdForm;

/** An application for 低保 as submitted, from the Tasklist start form or the REST API. */
public record DibaoApplicationForm(
        HouseholdForm household,
        String caseCategory,
        Boolean relatedToStaff,
        String relatedStaffName,
        String relatedStaffUserId) {
}
