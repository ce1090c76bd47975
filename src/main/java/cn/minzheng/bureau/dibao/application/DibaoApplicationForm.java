package cn.minzheng.bureau.dibao.application;

import java.util.List;

import cn.minzheng.bureau.dibao.SupporterForm;
import cn.minzheng.bureau.household.HouseholdForm;

/**
 * An application for 低保 as submitted, from the Tasklist start form or the REST API; supporters are the legal
 * supporters (赡养、抚养、扶养义务人) outside the household, none when absent.
 */
public record DibaoApplicationForm(
        HouseholdForm household,
        String caseCategory,
        Boolean relatedToStaff,
        String relatedStaffName,
        String relatedStaffUserId,
        List<SupporterForm> supporters) {

    /** An application without supporters. */
    public DibaoApplicationForm(HouseholdForm household, String caseCategory, Boolean relatedToStaff,
                                String relatedStaffName, String relatedStaffUserId) {
        this(household, caseCategory, relatedToStaff, relatedStaffName, relatedStaffUserId, List.of());
    }
}
