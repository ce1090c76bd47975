package cn.minzheng.bureau.demo;

import java.util.ArrayList;
import java.util.List;

import cn.minzheng.bureau.dibao.application.DibaoApplicationForm;
import cn.minzheng.bureau.household.HouseholdForm;
import cn.minzheng.bureau.household.HouseholdForm.IncomeForm;
import cn.minzheng.bureau.household.HouseholdForm.MemberForm;
import cn.minzheng.bureau.household.ResidentIdNumber;

/** Demo applications: households of the district at different stages of the 低保 process. */
public final class DemoHouseholds {

    /** How far the demo walks each application. */
    public enum Stage { AT_ACCEPTANCE, AT_SURVEY, AT_TOWNSHIP_REVIEW, IN_NOTICE, AT_DISTRICT_APPROVAL, APPROVED }

    public record DemoApplication(DibaoApplicationForm form, Stage stage) {
    }

    private DemoHouseholds() {
    }

    public static List<DemoApplication> all() {
        List<DemoApplication> list = new ArrayList<>();
        list.add(app("yuecun", "yuecun-yuecun", "岳村12号", "ORDINARY", Stage.AT_ACCEPTANCE,
                member("张大山", MALE, "410322", "19700312", 1, "HEAD", "FLEXIBLE", "NONE", "WAGE", "600"),
                member("刘桂兰", FEMALE, "410322", "19720805", 2, "SPOUSE", "UNEMPLOYED", "NONE", null, null),
                member("张小雨", FEMALE, "410322", "20100920", 3, "CHILD", "STUDENT", "NONE", null, null)));
        list.add(app("yuecun", "yuecun-dongyue", "东岳村3组8号", "ELDERLY", Stage.AT_SURVEY,
                member("李秀英", FEMALE, "410322", "19480115", 4, "HEAD", "RETIRED", "NONE", "PENSION", "180")));
        list.add(app("yuecun", "yuecun-xiyue", "西岳村27号", "SEVERE_DISABILITY", Stage.AT_TOWNSHIP_REVIEW,
                member("赵铁柱", MALE, "410322", "19800607", 5, "HEAD", "UNABLE_TO_WORK", "SEVERE", "EXEMPT", "120"),
                member("赵母", FEMALE, "410322", "19550211", 6, "PARENT", "RETIRED", "NONE", "PENSION", "160")));
        list.add(app("yuecun", "yuecun-yuecun", "岳村45号", "ORDINARY", Stage.IN_NOTICE,
                member("孙二牛", MALE, "410322", "19750403", 7, "HEAD", "FLEXIBLE", "NONE", "BUSINESS", "500"),
                member("孙小花", FEMALE, "410322", "20120716", 8, "CHILD", "STUDENT", "NONE", null, null)));

        list.add(app("mengke", "mengke-mengke", "孟轲村5组16号", "ORDINARY", Stage.AT_ACCEPTANCE,
                member("孟庆和", MALE, "410322", "19680822", 9, "HEAD", "UNEMPLOYED", "NONE", "OTHER", "200"),
                member("王翠兰", FEMALE, "410322", "19700130", 10, "SPOUSE", "FLEXIBLE", "NONE", "WAGE", "400")));
        list.add(app("mengke", "mengke-beimeng", "北孟村2号", "ELDERLY", Stage.AT_SURVEY,
                member("孟老汉", MALE, "410322", "19450509", 11, "HEAD", "UNABLE_TO_WORK", "MILD", null, null)));
        list.add(app("mengke", "mengke-mengke", "孟轲村1组3号", "ELDERLY", Stage.AT_TOWNSHIP_REVIEW,
                member("孟秀兰", FEMALE, "410322", "19500618", 12, "HEAD", "RETIRED", "NONE", "PENSION", "150"),
                member("孟建军", MALE, "410322", "19780921", 13, "CHILD", "FLEXIBLE", "NONE", "WAGE", "700")));
        list.add(app("mengke", "mengke-beimeng", "北孟村18号", "ORDINARY", Stage.AT_DISTRICT_APPROVAL,
                member("钱有福", MALE, "410322", "19820225", 14, "HEAD", "UNEMPLOYED", "NONE", "TRANSFER", "300"),
                member("钱小宝", MALE, "410322", "20150310", 15, "CHILD", "PRESCHOOL", "NONE", null, null)));

        list.add(app("renqiu", "renqiu-qinghuayuan", "清华苑小区3号楼2单元501", "ORDINARY", Stage.AT_ACCEPTANCE,
                member("周文斌", MALE, "410302", "19790714", 16, "HEAD", "UNEMPLOYED", "NONE", "WAGE", "800"),
                member("吴晓燕", FEMALE, "410302", "19811103", 17, "SPOUSE", "UNEMPLOYED", "NONE", null, null),
                member("周子涵", FEMALE, "410302", "20090528", 18, "CHILD", "STUDENT", "NONE", null, null)));
        list.add(app("renqiu", "renqiu-jingdong", "京东小区6号楼101", "SEVERE_DISABILITY", Stage.AT_SURVEY,
                member("黄建华", MALE, "410302", "19660919", 19, "HEAD", "UNABLE_TO_WORK", "SEVERE", "PENSION", "400")));
        list.add(app("renqiu", "renqiu-huanghebei", "黄河北街道12号院", "ORDINARY", Stage.AT_TOWNSHIP_REVIEW,
                member("马德胜", MALE, "410302", "19730404", 20, "HEAD", "FLEXIBLE", "NONE", "WAGE", "900"),
                member("马丽", FEMALE, "410302", "19760817", 21, "SPOUSE", "UNEMPLOYED", "NONE", null, null)));
        list.add(app("renqiu", "renqiu-yongle", "永乐小区9号楼302", "ELDERLY", Stage.APPROVED,
                member("高玉珍", FEMALE, "410302", "19440102", 22, "HEAD", "RETIRED", "NONE", "PENSION", "300")));

        list.add(app("zhongyuan", "zhongyuan-zhongqing", "中庆小区1号楼601", "ELDERLY", Stage.AT_ACCEPTANCE,
                member("郭长顺", MALE, "410302", "19580330", 23, "HEAD", "UNABLE_TO_WORK", "NONE", null, null)));
        list.add(app("zhongyuan", "zhongyuan-nanjiang", "南江小区5号楼202", "ORDINARY", Stage.AT_SURVEY,
                member("林小军", MALE, "410302", "19850620", 24, "HEAD", "UNEMPLOYED", "NONE", "OTHER", "350"),
                member("林妈妈", FEMALE, "410302", "19590808", 25, "PARENT", "RETIRED", "NONE", "PENSION", "500")));
        list.add(app("zhongyuan", "zhongyuan-huanghenan", "黄河南社区8号院", "ORDINARY", Stage.AT_TOWNSHIP_REVIEW,
                member("罗红梅", FEMALE, "410302", "19830211", 26, "HEAD", "FLEXIBLE", "NONE", "WAGE", "650"),
                member("罗小明", MALE, "410302", "20110905", 27, "CHILD", "STUDENT", "NONE", null, null)));
        list.add(app("zhongyuan", "zhongyuan-jinlianhua", "金联华小区2号楼405", "SEVERE_DISABILITY", Stage.AT_DISTRICT_APPROVAL,
                member("谢国栋", MALE, "410302", "19770109", 28, "HEAD", "UNABLE_TO_WORK", "SEVERE", "EXEMPT", "200"),
                member("谢妻", FEMALE, "410302", "19790325", 29, "SPOUSE", "FLEXIBLE", "NONE", "WAGE", "600")));
        list.add(app("zhongyuan", "zhongyuan-yubei", "玉北小区7号楼103", "ORDINARY", Stage.APPROVED,
                member("唐宝山", MALE, "410302", "19690927", 30, "HEAD", "UNEMPLOYED", "NONE", "TRANSFER", "200"),
                member("唐奶奶", FEMALE, "410302", "19420414", 31, "PARENT", "RETIRED", "NONE", "PENSION", "220")));
        return list;
    }

    static DemoApplication app(String township, String community, String address, String category, Stage stage,
                                       MemberForm... members) {
        HouseholdForm household = new HouseholdForm(township, community, address, "中国农业银行",
                "62284800" + String.format("%011d", Math.abs(address.hashCode())), null, "0",
                "25", "60", "20", "0", List.of(members));
        return new DemoApplication(new DibaoApplicationForm(household, category, false, null, null), stage);
    }

    private static final boolean MALE = true;
    private static final boolean FEMALE = false;

    static MemberForm member(String name, boolean male, String areaCode, String birth, int seq, String relation,
                                     String employment, String disability, String incomeType, String amount) {
        int sexDigit = male ? 1 : 2; // the 17th digit is odd for men, even for women
        String first17 = areaCode + birth + String.format("%02d", seq % 100) + sexDigit;
        String idNumber = first17 + ResidentIdNumber.checkCharacter(first17);
        List<IncomeForm> incomes = incomeType == null ? List.of() : List.of(new IncomeForm(incomeType, amount));
        return new MemberForm(name, idNumber, relation, employment, disability, incomes);
    }
}
