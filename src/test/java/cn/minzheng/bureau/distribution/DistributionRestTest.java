package cn.minzheng.bureau.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.region.RegionRepository;
import cn.minzheng.bureau.support.Http;

/**
 * 慰问 distributions over /api as the demo users work them: 优抚安置科 creates one, a township's staff see only their
 * township's part of the list; bad input answered in Chinese with nothing written.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DistributionRestTest {

    @LocalServerPort
    int port;
    @Autowired
    HouseholdRepository households;
    @Autowired
    RegionRepository regions;
    @Autowired
    JdbcClient jdbc;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void aDistributionIsCreatedWithItsFrozenListAndEachTownshipSeesItsOwn() {
        String renqiu = DistributionPeople.household(households, "renqiu", regions.children("renqiu").get(0).code(), "接口甲").get(0);
        DistributionPeople.enrol(jdbc, "YOUFU", renqiu, true, "ACTIVE");
        var created = http.post("youfu", "/api/distributions", Map.of("distributionName", "八一走访慰问", "occasion", "ARMY_DAY",
                "programCodes", List.of("YOUFU"), "townships", List.of("renqiu"), "cashPerRecipient", "300.00"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode body = created.json();
        long id = body.path("distribution").path("id").asLong();
        assertThat(body.path("distribution").path("distributionNumber").asText()).startsWith("WW-");
        assertThat(body.path("distribution").path("cashPerRecipient").decimalValue()).isEqualByComparingTo("300.00");
        assertThat(body.path("recipients").findValuesAsText("idNumber")).contains(renqiu);
        assertThat(body.path("recipients").findValuesAsText("townshipCode")).containsOnly("renqiu");

        assertThat(http.get("clerk.renqiu", "/api/distributions/" + id).json().path("recipients").findValuesAsText("idNumber"))
                .contains(renqiu);
        assertThat(http.get("clerk.mengke", "/api/distributions/" + id).json().path("recipients")).isEmpty();
    }

    @Test
    void badInputIsRefusedInChineseAndWritesNothing() {
        long before = count();
        Map<String, Object> good = Map.of("distributionName", "春节慰问", "occasion", "SPRING_FESTIVAL",
                "programCodes", List.of("YOUFU"), "cashPerRecipient", "500");
        assertRefused(with(good, "cashPerRecipient", "12.345"), 400, "最多保留两位小数");
        assertRefused(with(good, "programCodes", List.of()), 400, "请至少选择一个发放对象");
        assertRefused(with(good, "programCodes", List.of("ECO_BURIAL")), 400, "不是按月享受的救助项目");
        assertRefused(with(good, "occasion", "HOLIDAY"), 400, "发放事由的取值“HOLIDAY”无效");
        assertRefused(with(with(good, "itemName", "药品包"), "itemQuantity", "1.5"), 400, "必须是整数");
        var empty = http.post("youfu", "/api/distributions", "");
        assertThat(empty.status()).isEqualTo(400);
        // a township clerk may not start a distribution
        var clerk = http.post("clerk.yuecun", "/api/distributions", good);
        assertThat(clerk.status()).as(clerk.body()).isEqualTo(403);
        assertThat(count()).isEqualTo(before);
    }

    private void assertRefused(Map<String, Object> form, int status, String message) {
        var response = http.post("youfu", "/api/distributions", form);
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).contains(message);
    }

    private long count() {
        return jdbc.sql("select count(*) from group_distribution").query(Long.class).single();
    }

    private static Map<String, Object> with(Map<String, Object> map, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(map);
        copy.put(key, value);
        return copy;
    }
}
