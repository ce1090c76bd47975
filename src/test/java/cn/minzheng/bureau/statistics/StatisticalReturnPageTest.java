package cn.minzheng.bureau.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.statistics.ReturnRepository.StatisticalReturn;
import cn.minzheng.bureau.support.WebappSession;

/**
 * The ledger page of the returns and their download: for the district's statistics roles only, to others they do not
 * exist; a version whose stored figures no longer match their checksum is not handed out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StatisticalReturnPageTest {

    @LocalServerPort
    int port;
    @Autowired
    ReturnService service;
    @Autowired
    JdbcClient jdbc;

    @Test
    void statisticsRolesListAndDownloadOthersDoNotSeeThem() {
        YearMonth month = YearMonth.of(ThreadLocalRandom.current().nextInt(1900, 1999), ThreadLocalRandom.current().nextInt(1, 13));
        StatisticalReturn r = service.prepare(month, null, null, "statistician");
        String xlsx = "/ledger/statistics/returns/" + r.id() + ".xlsx";

        for (String user : new String[] {"statistician", "dibaohead", "approver"}) {
            WebappSession session = session(user);
            HttpResponse<String> page = session.get("/ledger/statistics/returns");
            assertThat(page.statusCode()).as(user).isEqualTo(200);
            assertThat(page.body()).contains("民政统计月报", "data-month=\"" + month + "\"", "待核对", xlsx);
            HttpResponse<String> download = session.get(xlsx);
            assertThat(download.statusCode()).as(user).isEqualTo(200);
            assertThat(download.headers().firstValue("Content-Type").orElse(""))
                    .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            assertThat(download.headers().firstValue("X-Figures-SHA256")).contains(r.checksum());
        }
        for (String user : new String[] {"clerk.yuecun", "reviewer.renqiu", "finance"}) {
            WebappSession session = session(user);
            assertThat(session.get("/ledger/statistics/returns").statusCode()).as(user).isEqualTo(404);
            assertThat(session.get(xlsx).statusCode()).as(user).isEqualTo(404);
        }
        WebappSession statistician = session("statistician");
        HttpResponse<String> missing = statistician.get("/ledger/statistics/returns/999999999.xlsx");
        assertThat(missing.statusCode()).isEqualTo(404);

        jdbc.sql("update statistical_return set figures = replace(figures, '\"households\":0', '\"households\":1') where id = ?")
                .param(r.id()).update();
        HttpResponse<String> tampered = statistician.get(xlsx);
        assertThat(tampered.statusCode()).isEqualTo(409);
        assertThat(tampered.body()).contains("月报数据与校验值不符");
    }

    private WebappSession session(String user) {
        WebappSession session = new WebappSession(port);
        assertThat(session.login(user, "demo").statusCode()).isEqualTo(200);
        return session;
    }
}
