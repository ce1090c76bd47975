package cn.minzheng.bureau.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import cn.minzheng.bureau.BureauApplication;
import cn.minzheng.bureau.support.AppNode;

/**
 * docs/operations.md "Your own district": a new installation started with bureau.regions.file has the file's
 * townships and communities, and their groups, from its first start (a file with mistakes: RegionLoaderTest). The
 * application runs in a JVM of its own on an H2 file database of its own, so the PostgreSQL pass does not repeat it.
 */
@DisabledIfSystemProperty(named = "spring.profiles.active", matches = ".*postgres.*")
class OwnDistrictStartTest {

    static final String REGIONS = """
            编码,名称,类型,上级编码
            district,金水区,区,
            liuzhuang,柳庄镇,镇,
            liuzhuang-dong,东村,村,liuzhuang
            jingba,经八路街道,街道,
            jingba-longhu,龙湖社区,社区,jingba
            """;

    @TempDir
    Path dir;

    List<String> settings(Path regions) {
        return List.of("--spring.datasource.url=" + url(), "--bureau.demo-data.enabled=false",
                "--bureau.regions.file=" + regions, "--bureau.import.directory=" + dir.resolve("imports"));
    }

    String url() {
        return "jdbc:h2:file:" + dir.resolve("bureau") + ";AUTO_SERVER=TRUE";
    }

    @Test
    void theFirstStartLoadsTheDistrictsRegionsAndTheirGroups() throws Exception {
        Path regions = Files.writeString(dir.resolve("regions.csv"), REGIONS, StandardCharsets.UTF_8);
        try (AppNode node = AppNode.start("own-district", BureauApplication.class.getName(), settings(regions))) {
            node.awaitHealthy(240);
            try (Connection db = DriverManager.getConnection(url(), "sa", "")) {
                assertThat(column(db, "select code from region order by code"))
                        .containsExactly("district", "jingba", "jingba-longhu", "liuzhuang", "liuzhuang-dong");
                assertThat(column(db, "select id_ from act_id_group"))
                        .contains("clerk-liuzhuang", "reviewer-jingba", "committee-jingba-longhu", "committee-liuzhuang-dong")
                        .noneMatch(group -> group.contains("yuecun") || group.contains("renqiu"));
                assertThat(column(db, "select name_ from act_id_group where id_ = 'clerk-liuzhuang'")).containsExactly("柳庄镇经办人");
            }
        }
    }

    static List<String> column(Connection db, String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = db.createStatement().executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
