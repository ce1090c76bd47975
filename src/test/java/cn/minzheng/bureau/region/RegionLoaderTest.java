package cn.minzheng.bureau.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.minzheng.bureau.audit.AuditTrail;
import cn.minzheng.bureau.common.RuleViolation;

/** The region file on a database fresh from the migrations (the demo district of V2), as a first start meets it. */
class RegionLoaderTest {

    static final String OWN_DISTRICT = """
            编码,名称,类型,上级编码
            district,金水区,区,
            liuzhuang,柳庄镇,镇,
            liuzhuang-dong,东村,村,liuzhuang
            jingba,经八路街道,街道,
            jingba-longhu,龙湖社区,社区,jingba
            """;

    JdbcClient jdbc;
    RegionRepository regions;
    RegionLoader loader;

    @BeforeEach
    void freshDatabase() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:regions-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = JdbcClient.create(dataSource);
        regions = new RegionRepository(jdbc);
        AuditTrail audit = new AuditTrail(jdbc, new JdbcTemplate(dataSource), new ObjectMapper(), null);
        loader = new RegionLoader(regions, jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                audit, "", false);
    }

    static byte[] csv(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theFileReplacesTheDemoDistrictAndASecondStartChangesNothing() {
        assertThat(regions.townships()).extracting(Region::code).contains("yuecun");
        assertThat(loader.load("regions.csv", csv(OWN_DISTRICT))).isEqualTo(RegionLoader.Outcome.LOADED);
        assertThat(regions.all()).extracting(Region::code)
                .containsExactlyInAnyOrder("district", "liuzhuang", "liuzhuang-dong", "jingba", "jingba-longhu");
        assertThat(regions.find("district")).map(Region::name).hasValue("金水区");
        assertThat(regions.children("jingba")).extracting(Region::name).containsExactly("龙湖社区");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'REGIONS_LOADED'").query(Long.class).single())
                .isEqualTo(1);

        assertThat(loader.load("regions.csv", csv(OWN_DISTRICT))).isEqualTo(RegionLoader.Outcome.UNCHANGED);
        assertThat(jdbc.sql("select count(*) from audit_event").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void withoutADistrictRowTheDistrictKeepsItsName() {
        loader.load("regions.csv", csv("编码,名称,类型,上级编码\nliuzhuang,柳庄镇,镇,\n"));
        assertThat(regions.all()).containsExactly(new Region("district", "本区", RegionKind.DISTRICT, null),
                new Region("liuzhuang", "柳庄镇", RegionKind.TOWNSHIP, "district"));
    }

    @Test
    void aFileWithMistakesWritesNothing() {
        List<Region> before = regions.all();
        assertThatThrownBy(() -> loader.load("regions.csv", csv(OWN_DISTRICT + "bad,,村,liuzhuang\n")))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("第7行：名称不能为空");
        assertThat(regions.all()).isEqualTo(before);
    }

    @Test
    void onceHouseholdsExistTheRegionsStay() {
        jdbc.sql("""
                insert into household (township_code, community_code, address, bank_name, bank_account, created_at)
                values ('yuecun', 'yuecun-yuecun', '岳村1号', '银行', '6228', current_timestamp)""").update();
        List<Region> before = regions.all();
        assertThat(loader.load("regions.csv", csv(OWN_DISTRICT))).isEqualTo(RegionLoader.Outcome.IN_USE);
        assertThat(regions.all()).isEqualTo(before);
    }

    @Test
    void aRecordNamingARegionStopsTheReplacementWhole() {
        jdbc.sql("""
                insert into relief_disaster (id, disaster_number, kind, name, occurred_at, status, created_by, created_at)
                values (1, 'ZH-1', 'HAIL', '冰雹', current_timestamp, 'VERIFYING', 'approver', current_timestamp)""").update();
        jdbc.sql("insert into relief_disaster_village (disaster_id, village_code) values (1, 'yuecun-dongyue')").update();
        List<Region> before = regions.all();
        assertThatThrownBy(() -> loader.load("regions.csv", csv(OWN_DISTRICT)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("已有业务记录引用现有区域");
        assertThat(regions.all()).isEqualTo(before);
    }

    @Test
    void demoDataAndAnOwnDistrictDoNotGoTogether() {
        RegionLoader withDemo = new RegionLoader(regions, jdbc, null, null, "regions.csv", true);
        assertThatThrownBy(withDemo::loadConfiguredFile).hasMessageContaining("BUREAU_DEMO_DATA=false");
    }
}
