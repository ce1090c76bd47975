package cn.minzheng.bureau.access;

import static cn.minzheng.bureau.access.Role.COMMUNITY_COMMITTEES;
import static cn.minzheng.bureau.access.Role.TOWNSHIP_CLERKS;
import static cn.minzheng.bureau.access.Role.TOWNSHIP_REVIEWERS;
import static cn.minzheng.bureau.access.Role.district;

import java.util.ArrayList;
import java.util.List;

/**
 * A line of work and its Tasklist filter ({@link TasklistFilters}): what its task cards show and which roles
 * are offered it. Which processes belong to it each process says itself ({@link ProcessAccess#lineOfWork()}).
 */
public enum LineOfWork {

    DIBAO_APPLICATION("低保申请审批", 21, "城乡低保申请的受理、调查、审核、公示、审批和超期督办", Cards.DIBAO,
            // the survey team makes the home visit of a 备案 case (a staff member's relative)
            List.of(TOWNSHIP_CLERKS, TOWNSHIP_REVIEWERS, district(Groups.DISTRICT_APPROVER), district(Groups.DIBAO_HEAD),
                    district(Groups.SURVEY_TEAM_LEAD))),
    DIBAO_REVIEW("低保复核与核查", 22, "低保动态管理复核、集中摸底调查、举报核查、申诉复核和多发追回",
            Cards.concat(Cards.DIBAO, Cards.SURVEY),
            List.of(TOWNSHIP_CLERKS, TOWNSHIP_REVIEWERS, district(Groups.DISTRICT_APPROVER),
                    district(Groups.SURVEY_TEAM_LEAD))),
    DIBAO_PAYMENT("低保资金发放", 23, "低保资金月度工资单的核对、审批和银行回盘对账", Cards.PAYROLL,
            List.of(district(Groups.DISTRICT_APPROVER), district(Groups.FINANCE))),
    RELIEF("救灾救济", 24, "灾情报告、受灾户登记核查、救灾资金、倒房重建和送温暖捐赠", Cards.RELIEF,
            List.of(TOWNSHIP_CLERKS, TOWNSHIP_REVIEWERS, district(Groups.DISTRICT_APPROVER), district(Groups.RELIEF_HEAD),
                    district(Groups.FINANCE))),
    COMMUNITY("社区建设", 25, "社区调整、办公用房建设、社区工作者竞争上岗、民事调解和社区社会组织备案", Cards.COMMUNITY,
            List.of(TOWNSHIP_CLERKS, TOWNSHIP_REVIEWERS, COMMUNITY_COMMITTEES, district(Groups.DISTRICT_APPROVER),
                    district(Groups.COMMUNITY_SECTION))),
    SOCIAL_ASSISTANCE("社会救助", 26, "特困人员救助供养和临时救助的登记、调查评估、乡镇（街道）审核、公示和区民政局审批", Cards.DIBAO,
            List.of(TOWNSHIP_CLERKS, TOWNSHIP_REVIEWERS, district(Groups.DISTRICT_APPROVER), district(Groups.DIBAO_HEAD))),
    ORGANISATION("民间组织登记", 27, "社会团体和民办非企业单位的名称核准、成立登记、审批和发证，变更和注销登记，年度检查、责令整改和撤销登记", Cards.ORGANISATION,
            List.of(district(Groups.ORGANISATION_SECTION), district(Groups.ORGANISATION_HEAD))),
    ELDERLY_ALLOWANCE("老龄工作", 28, "高龄津贴的月度提议核对（对照户籍确认）和年度生存认证，老年人优待证的申领、审核、发证和补办",
            Cards.ELDERLY, List.of(TOWNSHIP_CLERKS, TOWNSHIP_REVIEWERS, district(Groups.DISTRICT_APPROVER))),
    YOUFU("优抚安置", 29, "优抚对象的登记认定和变更（伤残等级、类别、迁出本区）：乡镇（街道）登记和审核，区民政局优抚安置科审批", Cards.DIBAO,
            List.of(TOWNSHIP_CLERKS, TOWNSHIP_REVIEWERS, district(Groups.YOUFU_SECTION))),
    STATISTICS("统计报表", 30, "低保、特困供养和临时救助民政统计月报的编制、核对、审批和报出", Cards.STATISTICS,
            List.of(district(Groups.STATISTICIAN), district(Groups.DIBAO_HEAD)));

    /** A variable shown on the task cards and matched by the search box. */
    record Card(String variable, String label) {
    }

    /** The variables the task cards show, per kind of case. */
    static final class Cards {

        private static final Card CASE_NUMBER = new Card("caseNumber", "案件编号");
        private static final Card APPLICANT = new Card("applicantName", "申请人");
        private static final Card TOWNSHIP = new Card("townshipName", "乡镇（街道）");
        private static final Card COMMUNITY_NAME = new Card("communityName", "村（社区）");

        static final List<Card> STATISTICS = List.of(new Card("monthLabel", "统计月份"));
        static final List<Card> DIBAO = List.of(CASE_NUMBER, APPLICANT, TOWNSHIP, COMMUNITY_NAME);
        static final List<Card> SURVEY = List.of(new Card("campaignName", "摸底调查"), new Card("teamLabel", "调查组"));
        static final List<Card> PAYROLL = List.of(new Card("programName", "救助项目"), new Card("payrollMonth", "发放月份"), new Card("totalAmount", "发放总额（元）"));
        static final List<Card> RELIEF = List.of(new Card("disasterName", "灾害"), new Card("headName", "户主"),
                new Card("campaignTitle", "捐赠活动"), TOWNSHIP, new Card("householdAddress", "住址"));
        static final List<Card> ELDERLY = List.of(new Card("proposalMonth", "提议月份"),
                new Card("checkYear", "认证年度"), APPLICANT, TOWNSHIP);
        static final List<Card> COMMUNITY = List.of(new Card("projectName", "项目"), new Card("roundTitle", "竞争上岗"),
                new Card("planTitle", "调整方案"), new Card("partiesSummary", "当事人"), new Card("organisationName", "组织名称"),
                COMMUNITY_NAME, TOWNSHIP);


        static final List<Card> ORGANISATION = List.of(new Card("organisationName", "组织名称"),
                new Card("organisationKindLabel", "组织类型"), new Card("subjectName", "督办对象"));

        /** What the filters for everyone show: the case of any line of work, most telling first. */
        static final List<Card> ALL = concat(DIBAO, RELIEF, SURVEY, PAYROLL, COMMUNITY, ORGANISATION, STATISTICS).stream().distinct().toList();

        private Cards() {
        }

        @SafeVarargs
        static List<Card> concat(List<Card>... lists) {
            List<Card> all = new ArrayList<>();
            for (List<Card> list : lists) {
                all.addAll(list);
            }
            return List.copyOf(all);
        }
    }

    private final String title;
    private final int priority;
    private final String description;
    private final List<Card> cards;
    private final List<Role> offeredTo;

    LineOfWork(String title, int priority, String description, List<Card> cards, List<Role> offeredTo) {
        this.title = title;
        this.priority = priority;
        this.description = description;
        this.cards = cards;
        this.offeredTo = offeredTo;
    }

    /** The filter's name in Tasklist. */
    public String title() {
        return title;
    }

    int priority() {
        return priority;
    }

    String description() {
        return description;
    }

    List<Card> cards() {
        return cards;
    }

    /** Whether the group does this work, and so is offered the filter. */
    boolean offeredTo(String groupId) {
        return offeredTo.stream().anyMatch(role -> role.includes(groupId));
    }
}
