package cn.minzheng.bureau.access;

import java.util.Set;

/** Group ids of the roles; township roles have one group per township. */
public final class Groups {

    public static final String DISTRICT_APPROVER = "district-approver";
    public static final String FINANCE = "finance";
    /** 区救灾科负责人: approves relief allocations, handles overdue reports to the city. */
    public static final String RELIEF_HEAD = "relief-head";
    /** 区民政局低保科负责人: supervises 低保 cases whose statutory time limits ran out at district level. */
    public static final String DIBAO_HEAD = "dibao-head";
    public static final String SURVEY_TEAM_LEAD = "survey-team-lead";
    /** 区民政局基层政权和社区建设科: drafts community reorganisation plans. */
    public static final String COMMUNITY_SECTION = "community-section";
    /** 区民政局民间组织管理科: accepts, reviews and registers social organisations, issues their certificates. */
    public static final String ORGANISATION_SECTION = "organisation-section";
    /** 民间组织管理科负责人: approves registrations (never the one who reviewed them). */
    public static final String ORGANISATION_HEAD = "organisation-head";
    /** 区民政局优抚安置科: approves the recognition of 优抚对象 (district level). */
    public static final String YOUFU_SECTION = "youfu-section";
    /** 区民政局统计员: prepares and checks the monthly statistical return (民政统计月报). */
    public static final String STATISTICIAN = "statistician";
    /** 殡仪馆: submits the 惠民殡葬 fee waivers of its funeral home (table funeral_home names its group). */
    public static final String FUNERAL_HOME = "funeral-home";
    public static final String PROCESS_MANAGER = "process-manager";
    public static final String ADMIN = "camunda-admin";

    /** Roles that work across the whole district. */
    public static final Set<String> DISTRICT_WIDE = Set.of(DISTRICT_APPROVER, FINANCE, SURVEY_TEAM_LEAD, RELIEF_HEAD, DIBAO_HEAD,
            ADMIN, COMMUNITY_SECTION, YOUFU_SECTION);

    private Groups() {
    }

    public static String clerk(String townshipCode) {
        return "clerk-" + townshipCode;
    }

    public static String reviewer(String townshipCode) {
        return "reviewer-" + townshipCode;
    }

    /** The residents' or villagers' committee (居委会 / 村委会) of one community or village. */
    public static String committee(String communityCode) {
        return "committee-" + communityCode;
    }
}
