package cn.minzheng.bureau.demo;

import java.util.ArrayList;
import java.util.List;

import cn.minzheng.bureau.access.Groups;

/** One demo user per role and township; every password is {@link #PASSWORD}. Listed in the README. */
public final class DemoUsers {

    public static final String PASSWORD = "demo";

    /**
     * A demo user as stored: {@code name} is the first name (the full name, 李建国), {@code post} the last
     * name (岳村乡审核人); shown as "李建国（岳村乡审核人）" ({@link cn.minzheng.bureau.access.StaffNames}).
     */
    public record DemoUser(String id, String name, String post, List<String> groups) {
    }

    private static final String[][] TOWNSHIPS = {
            {"yuecun", "岳村乡", "王丽", "李建国"},
            {"mengke", "孟轲乡", "赵敏", "孙志强"},
            {"renqiu", "任丘办", "周芳", "吴海涛"},
            {"zhongyuan", "中原办", "郑静", "冯国庆"},
    };

    private DemoUsers() {
    }

    public static List<DemoUser> all() {
        List<DemoUser> users = new ArrayList<>();
        for (String[] t : TOWNSHIPS) {
            users.add(new DemoUser("clerk." + t[0], t[2], t[1] + "经办人", List.of(Groups.clerk(t[0]))));
            users.add(new DemoUser("reviewer." + t[0], t[3], t[1] + "审核人", List.of(Groups.reviewer(t[0]))));
        }
        // a second clerk of 任丘办: re-investigates appeals against decisions clerk.renqiu took part in
        users.add(new DemoUser("clerk2.renqiu", "马晓燕", "任丘办经办人", List.of(Groups.clerk("renqiu"))));
        // community work: members of a residents' committee (居委会) and of a villagers' committee (村委会)
        users.add(new DemoUser("committee.qinghuayuan", "黄秀英", "清华苑社区居委会", List.of(Groups.committee("renqiu-qinghuayuan"))));
        users.add(new DemoUser("committee.nanjiang", "林建华", "南江社区居委会", List.of(Groups.committee("zhongyuan-nanjiang"))));
        users.add(new DemoUser("committee.dongyue", "马德顺", "东岳村村委会", List.of(Groups.committee("yuecun-dongyue"))));
        users.add(new DemoUser("approver", "陈立新", "区民政局审批人", List.of(Groups.DISTRICT_APPROVER)));
        users.add(new DemoUser("dibaohead", "孙建华", "区民政局低保科负责人", List.of(Groups.DIBAO_HEAD)));
        users.add(new DemoUser("reliefhead", "高志远", "区救灾科负责人", List.of(Groups.RELIEF_HEAD)));
        users.add(new DemoUser("finance", "刘淑芬", "财务", List.of(Groups.FINANCE)));
        users.add(new DemoUser("teamlead", "杨振华", "调查组组长", List.of(Groups.SURVEY_TEAM_LEAD)));
        users.add(new DemoUser("community", "吕建平", "区民政局基层政权和社区建设科", List.of(Groups.COMMUNITY_SECTION)));
        users.add(new DemoUser("orgclerk", "谢婷", "区民政局民间组织管理科", List.of(Groups.ORGANISATION_SECTION)));
        users.add(new DemoUser("orghead", "韩永刚", "区民政局民间组织管理科负责人",
                List.of(Groups.ORGANISATION_SECTION, Groups.ORGANISATION_HEAD)));
        users.add(new DemoUser("youfu", "周国栋", "区民政局优抚安置科", List.of(Groups.YOUFU_SECTION)));
        users.add(new DemoUser("funeralhome", "蒋立军", "中原区殡仪馆", List.of(Groups.FUNERAL_HOME)));
        users.add(new DemoUser("statistician", "田雅琴", "区民政局统计员", List.of(Groups.STATISTICIAN)));
        users.add(new DemoUser("procmgr", "何伟", "流程管理员", List.of(Groups.PROCESS_MANAGER)));
        users.add(new DemoUser("admin", "张强", "系统管理员", List.of(Groups.ADMIN)));
        return users;
    }

    public static List<String> groupsOf(String userId) {
        return all().stream().filter(u -> u.id().equals(userId)).findFirst().orElseThrow().groups();
    }
}
