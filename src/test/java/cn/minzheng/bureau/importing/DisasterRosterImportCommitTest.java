package cn.minzheng.bureau.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import cn.minzheng.bureau.relief.AffectedHousehold;
import cn.minzheng.bureau.relief.Disaster;
import cn.minzheng.bureau.relief.DisasterRepository;
import cn.minzheng.bureau.relief.HouseDamage;
import cn.minzheng.bureau.relief.PriorityTier;
import cn.minzheng.bureau.relief.RosterRepository;

/** Committing a disaster roster import: the rows land on the disaster's roster, all or nothing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DisasterRosterImportCommitTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.camunda.bpm.engine.ProcessEngine engine;
    @Autowired
    ImportCommitter committer;
    @Autowired
    DisasterRepository disasters;
    @Autowired
    RosterRepository roster;

    private ImportClient client;
    private final RosterSheets.Ids ids = new RosterSheets.Ids();

    @BeforeEach
    void client() {
        // a test context started in between (other settings) registers its own engine as "default", and the
        // REST login filter looks the engine up by that name: make it this context's engine again
        org.camunda.bpm.engine.ProcessEngines.registerProcessEngine(engine);
        client = new ImportClient(port);
    }

    @AfterEach
    void noInjectedFailure() {
        committer.afterChunk = (chunk, last) -> { };
    }

    private List<String[]> rows(int count) {
        List<String[]> rows = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String[] row = DisasterSheets.row(ids.next());
            row[4] = "东岳村" + i + "号";
            rows.add(row);
        }
        return rows;
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    @Test
    void rowsLandOnTheDisastersRosterWithTheirPriorityAuditAndBatch() {
        Disaster disaster = DisasterSheets.disaster(disasters);
        List<String[]> rows = rows(3);
        rows.get(1)[9] = "倒塌";
        rows.get(1)[10] = "3";
        rows.get(2)[0] = "孟轲乡";
        rows.get(2)[1] = "孟轲村";
        rows.get(2)[6] = "五保户";
        rows.get(2)[14] = null;
        JsonNode batch = client.validatedDisasterRoster("reliefhead", disaster.id(), "冰雹受灾户.xlsx",
                DisasterSheets.workbook(rows));
        long id = batch.get("id").asLong();
        assertThat(batch.get("committable").asBoolean()).as(batch.toString()).isTrue();
        var commit = client.http().post("reliefhead", "/api/imports/" + id + "/commit", "{}");
        assertThat(commit.status()).isEqualTo(202);
        JsonNode done = client.awaitFinished(id);
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("COMMITTED");
        assertThat(done.get("committedBy").asText()).isEqualTo("reliefhead");
        assertThat(done.get("done").asInt()).isEqualTo(3);

        List<AffectedHousehold> yuecun = roster.list(disaster.id(), "yuecun");
        assertThat(yuecun).extracting(h -> h.idNumber().value()).containsExactlyInAnyOrder(rows.get(0)[3], rows.get(1)[3]);
        AffectedHousehold collapsed = yuecun.stream().filter(h -> h.houseDamage() == HouseDamage.COLLAPSED).findFirst().orElseThrow();
        assertThat(collapsed.damagedRooms()).isEqualTo(3);
        assertThat(collapsed.tier()).isEqualTo(PriorityTier.HOUSE_COLLAPSED);
        assertThat(collapsed.needsFood()).isTrue();
        assertThat(collapsed.needsQuilts()).isTrue();
        assertThat(collapsed.needsClothing()).isFalse();
        assertThat(collapsed.cropLossMu()).isEqualByComparingTo("4.50");
        assertThat(collapsed.needAmount()).isEqualByComparingTo("2000.00");
        AffectedHousehold fiveGuarantee = roster.list(disaster.id(), "mengke").get(0);
        assertThat(fiveGuarantee.tier()).isEqualTo(PriorityTier.PROTECTED);
        assertThat(fiveGuarantee.needsLabel()).isEmpty();
        assertThat(count("select count(*) from relief_household where import_batch_id = ? and disaster_id = ? "
                + "and registered_by = 'reliefhead' and priority_tier is not null", id, disaster.id())).isEqualTo(3);
        assertThat(count("select count(*) from audit_event where entity_type = 'RELIEF_HOUSEHOLD' and action = 'REGISTERED' "
                + "and entity_id in (select id from relief_household where import_batch_id = ?)", id)).isEqualTo(3);
        assertThat(count("select count(*) from audit_event where entity_type = 'IMPORT_BATCH' and entity_id = ? "
                + "and actor = 'reliefhead' and reason like '%冰雹受灾户.xlsx%'", id)).isEqualTo(1);

        // the same file again: everybody is on the roster already
        JsonNode again = client.validatedDisasterRoster("admin", disaster.id(), "冰雹受灾户.xlsx", DisasterSheets.workbook(rows));
        assertThat(again.get("rejected").asInt()).isEqualTo(3);
    }

    @Test
    void aFailureInTheLastChunkLeavesNothingOnTheRosterAndTheCommitCanBeRepeated() {
        Disaster disaster = DisasterSheets.disaster(disasters);
        int size = ImportCommitter.CHUNK_ROWS + 5; // two chunks: the failure comes in the second
        JsonNode batch = client.validatedDisasterRoster("admin", disaster.id(), "大名册.xlsx", DisasterSheets.workbook(rows(size)));
        long id = batch.get("id").asLong();
        assertThat(batch.get("accepted").asInt()).as(batch.toString()).isEqualTo(size);
        long auditBefore = count("select count(*) from audit_event where entity_type = 'RELIEF_HOUSEHOLD'");
        List<Integer> chunksSeen = new ArrayList<>();
        committer.afterChunk = (chunk, last) -> {
            chunksSeen.add(chunk);
            if (last) {
                throw new IllegalStateException("injected: the database went away in the last chunk");
            }
        };
        JsonNode failed = client.commit(id, false);
        assertThat(chunksSeen).containsExactly(1, 2);
        assertThat(failed.get("status").asText()).isEqualTo("VALIDATED");
        assertThat(failed.get("failure").asText()).contains("已全部回滚").contains("未写入任何数据");
        assertThat(count("select count(*) from relief_household where disaster_id = ?", disaster.id())).isZero();
        assertThat(count("select count(*) from audit_event where entity_type = 'RELIEF_HOUSEHOLD'")).isEqualTo(auditBefore);

        committer.afterChunk = (chunk, last) -> { };
        JsonNode committed = client.commit(id, false);
        assertThat(committed.get("status").asText()).isEqualTo("COMMITTED");
        assertThat(count("select count(*) from relief_household where disaster_id = ? and import_batch_id = ?",
                disaster.id(), id)).isEqualTo(size);
    }
}
