package cn.minzheng.bureau.dibao.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.minzheng.bureau.support.Http;
import cn.minzheng.bureau.support.TestApplications;

/**
 * Malformed applications through the REST API: each is refused with a 4xx, a machine-readable code
 * and a Chinese message (never a 500 or a stack trace), and leaves no row and no process behind.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MalformedApplicationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLERK = "clerk.yuecun";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    static Stream<Arguments> malformedApplications() {
        List<Arguments> cases = new ArrayList<>();
        add(cases, "ID number with a wrong check digit", a -> member(a).put("idNumber", wrongCheckDigit()), "校验位");
        add(cases, "ID number of 17 digits", a -> member(a).put("idNumber", "41032219800101001"), "18位");
        add(cases, "ID number with letters", a -> member(a).put("idNumber", "4103221980010100AB"), "数字");
        add(cases, "ID number with an impossible date", a -> member(a).put("idNumber", withCheck("41032219801332001")), "出生日期");
        add(cases, "ID number born in the future", a -> member(a).put("idNumber", withCheck("41032220990101001")), "出生日期");
        add(cases, "negative wage", a -> income(a).put("monthlyAmount", -100), "负数");
        add(cases, "absurd wage", a -> income(a).put("monthlyAmount", 1_000_000_000_000L), "金额过大");
        add(cases, "non-numeric wage", a -> income(a).put("monthlyAmount", "很多"), "必须是数字");
        add(cases, "wage with three decimals", a -> income(a).put("monthlyAmount", "12.345"), "两位小数");
        add(cases, "wage given as a boolean", a -> income(a).put("monthlyAmount", true), "必须是数字");
        add(cases, "negative water bill", a -> household(a).put("waterMonthly", -1), "负数");
        add(cases, "assets value as an object", a -> household(a).put("assetsValue", Map.of("x", 1)), "必须是数字");
        add(cases, "missing township", a -> household(a).remove("townshipCode"), "乡镇");
        add(cases, "unknown township (a clerk may apply only for their own)", a -> household(a).put("townshipCode", "atlantis"), "本乡镇");
        add(cases, "community of another township", a -> household(a).put("communityCode", "renqiu-yongle"), "不属于");
        add(cases, "missing address", a -> household(a).remove("address"), "家庭住址不能为空");
        add(cases, "oversized address", a -> household(a).put("address", "长".repeat(300)), "不能超过200");
        add(cases, "script in the address", a -> household(a).put("address", "<script>alert(1)</script>"), "特殊字符");
        add(cases, "SQL fragment in the assets description",
                a -> household(a).put("assetsDescription", "无'; drop table household; --"), "特殊字符");
        add(cases, "missing bank account", a -> household(a).remove("bankAccount"), "银行账号不能为空");
        add(cases, "bank account with letters", a -> household(a).put("bankAccount", "6228ABCD12345678"), "12至19位数字");
        add(cases, "bank account too short", a -> household(a).put("bankAccount", "622848"), "12至19位数字");
        add(cases, "oversized bank name", a -> household(a).put("bankName", "银".repeat(51)), "不能超过50");
        add(cases, "no members", a -> household(a).put("members", List.of()), "至少");
        add(cases, "members not a list", a -> household(a).put("members", "张三"), null);
        add(cases, "SQL fragment as a name", a -> member(a).put("name", "x'; delete from dibao_case; --"), "特殊字符");
        add(cases, "script as a name", a -> member(a).put("name", "<img src=x onerror=alert(1)>"), "特殊字符");
        add(cases, "oversized name", a -> member(a).put("name", "张".repeat(31)), "不能超过30");
        add(cases, "digits in a name", a -> member(a).put("name", "张三3"), "只能包含汉字");
        add(cases, "no head of household", a -> member(a).put("relation", "CHILD"), "户主");
        add(cases, "two heads of household", a -> {
            Map<String, Object> second = new LinkedHashMap<>(member(a));
            second.put("idNumber", TestApplications.idNumber(false));
            members(a).add(second);
        }, "户主");
        add(cases, "the same person twice", a -> {
            Map<String, Object> twin = new LinkedHashMap<>(member(a));
            twin.put("relation", "CHILD");
            members(a).add(twin);
        }, "重复");
        add(cases, "unknown relation", a -> member(a).put("relation", "COUSIN_TWICE_REMOVED"), "与户主关系");
        add(cases, "unknown employment status", a -> member(a).put("employmentStatus", "ASTRONAUT"), "就业状况");
        add(cases, "unknown income type", a -> income(a).put("type", "LOTTERY"), "收入类型");
        add(cases, "unknown category", a -> a.put("caseCategory", "VIP"), "保障类别");
        add(cases, "missing category", a -> a.remove("caseCategory"), "保障类别");
        add(cases, "related to staff without the staff member's name", a -> a.put("relatedToStaff", true), "相关工作人员姓名");
        add(cases, "malformed staff user id", a -> {
            a.put("relatedToStaff", true);
            a.put("relatedStaffName", "李四");
            a.put("relatedStaffUserId", "x' or '1'='1");
        }, "系统账号");
        add(cases, "supporter without an ID number", a -> supporter(a).remove("idNumber"), "义务人的公民身份号码不能为空");
        add(cases, "supporter with a wrong check digit", a -> supporter(a).put("idNumber", wrongCheckDigit()), "校验位");
        add(cases, "supporter without a name", a -> supporter(a).remove("name"), "义务人姓名不能为空");
        add(cases, "supporter with an unknown relation", a -> supporter(a).put("relation", "NEIGHBOUR"), "义务人与申请家庭的关系");
        add(cases, "supporter with a negative income", a -> supporter(a).put("monthlyIncome", -1), "负数");
        add(cases, "a member named as a supporter", a -> supporter(a).put("idNumber", member(a).get("idNumber")), "家庭以外");
        add(cases, "the same supporter twice", a -> supporters(a).add(new LinkedHashMap<>(supporter(a))), "重复");
        add(cases, "a supporter's contribution declared as income", a -> income(a).put("type", "SUPPORTER_CONTRIBUTION"),
                "不能申报");
        add(cases, "household missing", a -> a.remove("household"), "household");
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedApplications")
    void isRefusedClearlyAndStoresNothing(String what, Map<String, Object> application, String messagePart) {
        long before = rows();
        Http.Response response = http.post(CLERK, "/api/dibao/applications", application);
        assertRefused(response, messagePart);
        assertThat(rows()).as("rows after: " + what).isEqualTo(before);
    }

    @Test
    void bodiesThatAreNotApplicationsAreRefused() {
        long before = rows();
        assertRefused(http.post(CLERK, "/api/dibao/applications", "{not json"), "JSON");
        assertRefused(http.post(CLERK, "/api/dibao/applications", ""), "JSON");
        assertRefused(http.post(CLERK, "/api/dibao/applications", "[1,2,3]"), "JSON");
        assertRefused(http.get(CLERK, "/api/dibao/cases/abc"), "格式");
        assertRefused(http.get(CLERK, "/api/dibao/cases/999999999"), "不存在");
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void aSecondApplicationForAPersonInAnOpenCaseIsRefused() throws Exception {
        Map<String, Object> first = valid();
        assertThat(http.post(CLERK, "/api/dibao/applications", first).status()).isEqualTo(201);
        long before = rows();
        Map<String, Object> second = valid();
        members(second).add(new LinkedHashMap<>(members(first).get(0)));
        members(second).get(1).put("relation", "PARENT");
        Http.Response response = http.post(CLERK, "/api/dibao/applications", second);
        assertThat(response.status()).isEqualTo(409);
        assertRefused(response, "已在低保案件");
        assertThat(rows()).isEqualTo(before);
    }

    private static void assertRefused(Http.Response response, String messagePart) {
        assertThat(response.status()).as(response.body()).isBetween(400, 499);
        JsonNode body = response.json();
        assertThat(body.path("code").asText()).as(response.body()).isNotBlank();
        String message = body.path("detail").asText();
        assertThat(message).as("a Chinese message").containsPattern("\\p{IsHan}");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at cn.").doesNotContain("at org.");
        if (messagePart != null) {
            assertThat(message).contains(messagePart);
        }
    }

    private long rows() {
        return jdbc.sql("select (select count(*) from household) + (select count(*) from dibao_case)"
                + " + (select count(*) from act_ru_execution) + (select count(*) from dibao_supporter)")
                .query(Long.class).single();
    }

    private static void add(List<Arguments> cases, String what, Consumer<Map<String, Object>> breakIt, String messagePart) {
        Map<String, Object> application = valid();
        breakIt.accept(application);
        cases.add(Arguments.of(what, application, messagePart));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> valid() {
        try {
            return JSON.readValue(JSON.writeValueAsString(TestApplications.yuecunHousehold(1, "300")), Map.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> household(Map<String, Object> application) {
        return (Map<String, Object>) application.get("household");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> members(Map<String, Object> application) {
        return (List<Map<String, Object>>) household(application).get("members");
    }

    /** The application's first supporter, added (valid) on first use. */
    private static Map<String, Object> supporter(Map<String, Object> application) {
        return supporters(application).get(0);
    }

    /** The application's supporters, one valid supporter added when there are none. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> supporters(Map<String, Object> application) {
        if (!(application.get("supporters") instanceof List<?> list) || list.isEmpty()) {
            List<Map<String, Object>> supporters = new ArrayList<>();
            supporters.add(new LinkedHashMap<>(Map.of("name", "王大山", "idNumber", TestApplications.idNumber(true),
                    "relation", "MAINTAINS_PARENT", "monthlyIncome", "2500.00")));
            application.put("supporters", supporters);
        }
        return (List<Map<String, Object>>) application.get("supporters");
    }

    private static Map<String, Object> member(Map<String, Object> application) {
        return members(application).get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> income(Map<String, Object> application) {
        return ((List<Map<String, Object>>) member(application).get("incomes")).get(0);
    }

    private static String wrongCheckDigit() {
        String valid = TestApplications.idNumber(true);
        return valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0');
    }

    private static String withCheck(String first17) {
        return first17 + cn.minzheng.bureau.household.ResidentIdNumber.checkCharacter(first17);
    }
}
