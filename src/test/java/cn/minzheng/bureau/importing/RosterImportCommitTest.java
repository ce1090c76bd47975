package cn.minzheng.bureau.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import cn.minzheng.bureau.common.DatabaseProduct;
import cn.minzheng.bureau.engine.BackgroundJobs;
import cn.minzheng.bureau.engine.EngineClock;

import cn.minzheng.bureau.dibao.roster.DibaoRosterColumns;

/** Committing an import: warnings accepted explicitly, all or nothing, the round trip, 10,000 rows. */
class RosterImportCommitTest extends ImportApiTest {

    @Autowired
    ImportCommitter committer;
    @Autowired
    RosterImports imports;
    @Autowired
    ImportRepository batches;
    @Autowired
    BackgroundJobs backgroundJobs;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    ProcessEngine engine;
    @Autowired
    DatabaseProduct database;
    @Autowired
    PlannerStatistics statistics;

    private final RosterSheets.Ids ids = new RosterSheets.Ids();

    @AfterEach
    void noInjectedFailure() {
        committer.afterChunk = (chunk, last) -> { };
    }

    private List<String[]> households(int count, String prefix) {
        List<String[]> rows = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            rows.addAll(RosterSheets.household(prefix + i, ids, "640"));
        }
        return rows;
    }

    @Test
    void warningsMustBeAcceptedThenCasesAreActiveWithTheirImportNamedAndDueForPayrollAndReview() {
        List<String[]> rows = households(3, "w");
        rows.get(0)[14] = "655.50"; // disagrees with the current standard (640.00)
        JsonNode batch = client.validated("在保名册.xlsx", RosterSheets.workbook(rows));
        long id = batch.get("id").asLong();
        assertThat(batch.get("warnings").asInt()).isEqualTo(1);
        assertThat(batch.get("rejected").asInt()).isZero();
        assertThat(batch.get("households").asInt()).isEqualTo(3);

        var refused = client.http().post("admin", "/api/imports/" + id + "/commit", "{}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asText()).contains("确认接受警告");

        JsonNode done = client.commit(id, true);
        assertThat(done.get("status").asText()).isEqualTo("COMMITTED");
        assertThat(done.get("warningsAcceptedBy").asText()).isEqualTo("admin");
        assertThat(done.get("done").asInt()).isEqualTo(6);

        List<java.util.Map<String, Object>> cases = jdbc.sql("""
                select c.id, c.case_number, c.status, c.monthly_amount, c.start_month, c.category, c.monthly_standard,
                       (select count(*) from dibao_case_person p where p.case_id = c.id and p.open_id_number is not null) as people
                from dibao_case c where c.import_batch_id = ? order by c.id""").param(id).query().listOfRows();
        assertThat(cases).hasSize(3);
        assertThat(cases).allSatisfy(c -> {
            assertThat(c.get("status")).isEqualTo("APPROVED");
            assertThat(c.get("start_month")).isEqualTo("2024-01");
            assertThat(c.get("category")).isEqualTo("ORDINARY");
            assertThat(((Number) c.get("people")).intValue()).isEqualTo(2);
            assertThat((String) c.get("case_number")).matches("DB\\d{4}-\\d{6}");
        });
        assertThat(new java.math.BigDecimal(cases.get(0).get("monthly_amount").toString())).isEqualByComparingTo("655.50");

        long caseId = ((Number) cases.get(0).get("id")).longValue();
        var view = client.http().get("admin", "/api/dibao/cases/" + caseId).body();
        assertThat(view).contains("导入：批次#" + id).contains("在保名册.xlsx").contains("导入人 admin");
        // the payroll's and the review schedule's selection (PayrollComputation, ReviewScheduler) take them
        String month = YearMonth.now().plusMonths(1).toString();
        assertThat(jdbc.sql("""
                select count(*) from dibao_case c where c.import_batch_id = ? and c.status = 'APPROVED'
                  and c.start_month <= ? and c.monthly_amount > 0 and c.last_reviewed_at is null""")
                .params(id, month).query(Long.class).single()).isEqualTo(3);
        assertThat(count("select count(*) from income_item i join household_member m on m.id = i.member_id "
                + "join household h on h.id = m.household_id where h.import_batch_id = ?", id)).isEqualTo(6);
        assertThat(count("select count(*) from audit_event where action = 'IMPORTED' and case_id in "
                + "(select id from dibao_case where import_batch_id = ?)", id)).isEqualTo(3);

        // the same people again: refused as already in the system
        JsonNode again = client.validated("在保名册.xlsx", RosterSheets.workbook(rows));
        assertThat(again.get("rejected").asInt()).isEqualTo(6);
    }

    /**
     * Every row a commit writes, column by column, as the roster gives it: the same on H2 (batched inserts) and on
     * PostgreSQL (one insert … select per table from the staging table).
     */
    @Test
    void everyRowTheCommitWritesCarriesWhatTheRosterSays() {
        List<String[]> rows = households(2, "e");
        String head = rows.get(0)[7];
        String odd = head.substring(0, 14) + "013";
        rows.get(0)[7] = odd + cn.minzheng.bureau.household.ResidentIdNumber.checkCharacter(odd); // a man's number
        rows.get(1)[12] = "100.01"; // per capita (300 + 100.01) / 2 = 200.005: rounded half up to 200.01
        rows.get(2)[13] = "老年人家庭";
        rows.get(2)[14] = "720";
        rows.get(3)[11] = "12.50";
        long id = client.validated("逐列核对.xlsx", RosterSheets.workbook(rows)).get("id").asLong();
        assertThat(client.commit(id, true).get("status").asText()).isEqualTo("COMMITTED");

        List<java.util.Map<String, Object>> members = jdbc.sql("""
                select h.id as household, h.township_code, h.community_code, h.address, h.bank_name, h.bank_account,
                       h.created_at, m.id as member, m.name, m.id_number, m.birth_date, m.sex, m.relation,
                       m.employment_status, m.disability_level
                from household h join household_member m on m.household_id = h.id
                where h.import_batch_id = ? order by m.id""").param(id).query().listOfRows();
        assertThat(members).hasSize(4);
        for (int i = 0; i < 4; i++) {
            java.util.Map<String, Object> m = members.get(i);
            String[] row = rows.get(i);
            var number = cn.minzheng.bureau.household.ResidentIdNumber.parse(row[7]);
            assertThat(m.get("id_number")).isEqualTo(number.value());
            assertThat(m.get("name")).isEqualTo(row[6]);
            assertThat(m.get("birth_date").toString()).isEqualTo(number.birthDate().toString());
            assertThat(m.get("sex")).isEqualTo(number.sex().name());
            assertThat(m.get("relation")).isEqualTo(i % 2 == 0 ? "HEAD" : "SPOUSE");
            assertThat(m.get("employment_status")).isEqualTo(i % 2 == 0 ? "FLEXIBLE" : "UNABLE_TO_WORK");
            assertThat(m.get("disability_level")).isEqualTo(i % 2 == 0 ? "NONE" : "SEVERE");
            assertThat(m.get("township_code")).isEqualTo(members.get(0).get("township_code"));
            assertThat(m.get("address")).isEqualTo("东岳村e" + (i / 2 + 1) + "号");
            assertThat(m.get("bank_name")).isEqualTo("中国农业银行");
            assertThat(m.get("bank_account")).isEqualTo("6228480012345678901");
            assertThat(m.get("household")).isEqualTo(members.get(i - i % 2).get("household"));
        }
        assertThat(members.get(0).get("sex")).isEqualTo("MALE");
        assertThat(members.get(0).get("household")).isNotEqualTo(members.get(2).get("household"));
        assertThat(members.stream().map(m -> joined("select income_type || '=' || cast(monthly_amount as varchar(20)) "
                + "from income_item where member_id = ? order by id", m.get("member")))).containsExactly("WAGE=300.00", "OTHER=100.01",
                "WAGE=300.00", "WAGE=12.50,OTHER=100.00");

        List<java.util.Map<String, Object>> cases = jdbc.sql("""
                select c.id, c.case_number, c.household_id, c.township_code, c.category, c.status, c.related_to_staff,
                       c.per_capita_income, c.monthly_standard, c.category_addition, c.monthly_amount, c.start_month,
                       c.created_at, c.updated_at, e.id as enrolment_id, e.program_code, e.household_id as enrolment_household, e.person_id_number, e.township_code as enrolment_township,
                       e.status as enrolment_status, e.amount, e.start_month as enrolment_start, e.end_month,
                       e.calculation_snapshot, e.created_at as enrolment_created,
                       a.entity_type, a.entity_id, a.household_id as audit_household, a.action, a.actor, a.reason as audit_reason,
                       a.before_state, a.after_state
                from dibao_case c
                join enrolment e on e.program_code = 'DIBAO' and e.program_case_id = c.id
                join audit_event a on a.case_id = c.id and a.action = 'IMPORTED'
                where c.import_batch_id = ? order by c.id""").param(id).query().listOfRows();
        assertThat(cases).hasSize(2);
        String reason = "导入：批次#" + id + "《逐列核对.xlsx》，导入人 admin，";
        for (int i = 0; i < 2; i++) {
            java.util.Map<String, Object> c = cases.get(i);
            Object household = members.get(2 * i).get("household");
            assertThat((String) c.get("case_number")).isEqualTo(cn.minzheng.bureau.dibao.CaseNumbers.of(
                    java.time.Year.from(EngineClock.today()), ((Number) c.get("id")).longValue()));
            assertThat(c.get("household_id")).isEqualTo(household);
            assertThat(c.get("township_code")).isEqualTo(members.get(0).get("township_code"));
            assertThat(c.get("status")).isEqualTo("APPROVED");
            assertThat(c.get("related_to_staff")).isEqualTo(false);
            assertThat(c.get("start_month")).isEqualTo("2024-01");
            assertThat(c.get("created_at")).isEqualTo(members.get(0).get("created_at"));
            assertThat(c.get("updated_at")).isEqualTo(members.get(0).get("created_at"));
            String history = joined("select status || '/' || changed_by || '/' || reason from dibao_case_status_history "
                    + "where case_id = ? order by id", c.get("id"));
            assertThat(joined("select id_number || '/' || open_id_number from dibao_case_person where case_id = ? "
                    + "order by id_number", c.get("id"))).isEqualTo(java.util.stream.Stream.of(members.get(2 * i), members.get(2 * i + 1))
                    .map(m -> m.get("id_number") + "/" + m.get("id_number")).sorted()
                    .collect(java.util.stream.Collectors.joining(",")));
            assertThat(history).startsWith("APPROVED/admin/" + reason).endsWith("，自2024-01起在保");
            assertThat(c.get("program_code")).isEqualTo("DIBAO");
            assertThat(c.get("enrolment_household")).isEqualTo(household);
            assertThat(c.get("person_id_number")).isNull();
            assertThat(c.get("enrolment_township")).isEqualTo(c.get("township_code"));
            assertThat(c.get("enrolment_status")).isEqualTo("ACTIVE");
            assertThat(new java.math.BigDecimal(c.get("amount").toString())).isEqualByComparingTo(c.get("monthly_amount").toString());
            assertThat(c.get("enrolment_start")).isEqualTo("2024-01");
            assertThat(c.get("end_month")).isNull();
            assertThat(c.get("calculation_snapshot")).isNull();
            assertThat(c.get("enrolment_created")).isEqualTo(members.get(0).get("created_at"));
            assertThat(joined("select status || '/' || changed_by || '/' || reason from enrolment_status_history "
                    + "where enrolment_id = ? order by id", c.get("enrolment_id"))).isEqualTo(history.replaceFirst("^APPROVED", "ACTIVE"));
            assertThat(c.get("entity_type")).isEqualTo("DIBAO_CASE");
            assertThat(c.get("entity_id")).isEqualTo(c.get("id"));
            assertThat(c.get("audit_household")).isEqualTo(household);
            assertThat(c.get("actor")).isEqualTo("admin");
            assertThat((String) c.get("audit_reason")).startsWith(reason).doesNotContain("起在保");
            assertThat(c.get("before_state")).isNull();
        }
        assertThat(cases.stream().map(c -> c.get("category") + " " + c.get("per_capita_income") + " "
                + c.get("monthly_standard") + " " + c.get("category_addition") + " " + c.get("monthly_amount")))
                .containsExactly("ORDINARY 200.01 520.00 0.00 640.00", "ELDERLY 206.25 550.00 40.00 720.00");
        assertThat(cases.get(0).get("after_state")).isEqualTo("{\"importBatchId\":" + id + ",\"fileName\":\"逐列核对.xlsx\","
                + "\"row\":2,\"status\":\"APPROVED\",\"category\":\"ORDINARY\",\"monthlyAmount\":640.00,"
                + "\"startMonth\":\"2024-01\",\"members\":2}");
        assertThat(cases.get(1).get("after_state")).isEqualTo("{\"importBatchId\":" + id + ",\"fileName\":\"逐列核对.xlsx\","
                + "\"row\":4,\"status\":\"APPROVED\",\"category\":\"ELDERLY\",\"monthlyAmount\":720.00,"
                + "\"startMonth\":\"2024-01\",\"members\":2}");
    }

    private String joined(String sql, Object param) {
        return String.join(",", jdbc.sql(sql).param(param).query(String.class).list());
    }

    @Test
    void aFailureInTheLastChunkLeavesNothingBehindAndTheCommitCanBeRepeated() {
        int households = ImportCommitter.CHUNK_ROWS; // 2 rows each: two full chunks and more
        JsonNode batch = client.validated("大名册.xlsx", RosterSheets.workbook(households(households, "f")));
        long id = batch.get("id").asLong();
        assertThat(batch.get("accepted").asInt()).isEqualTo(households * 2);
        long householdsBefore = count("select count(*) from household");
        long casesBefore = count("select count(*) from dibao_case");
        List<Integer> chunksSeen = new ArrayList<>();
        committer.afterChunk = (chunk, last) -> {
            chunksSeen.add(chunk);
            if (last) {
                throw new IllegalStateException("injected: the database went away in the last chunk");
            }
        };
        JsonNode failed = client.commit(id, false);
        assertThat(chunksSeen).hasSizeGreaterThanOrEqualTo(2);
        assertThat(failed.get("status").asText()).isEqualTo("VALIDATED");
        assertThat(failed.get("failure").asText()).contains("已全部回滚").contains("未写入任何数据");
        assertThat(count("select count(*) from household")).isEqualTo(householdsBefore);
        assertThat(count("select count(*) from dibao_case")).isEqualTo(casesBefore);
        assertThat(count("select count(*) from household where import_batch_id = ?", id)).isZero();
        assertThat(jdbc.sql("select count(*) from household_member where id_number = ?")
                .param(jdbc.sql("select id_number from import_row where batch_id = ? and row_number = 2").param(id)
                        .query(String.class).single()).query(Long.class).single()).isZero();

        committer.afterChunk = (chunk, last) -> { };
        JsonNode committed = client.commit(id, false);
        assertThat(committed.get("status").asText()).isEqualTo("COMMITTED");
        assertThat(count("select count(*) from dibao_case where import_batch_id = ?", id)).isEqualTo(households);
    }

    @Test
    void roundTripExportImportExportGivesTheSameRoster() {
        List<String[]> rows = households(20, "r");
        rows.get(0)[10] = "轻度（三、四级）";
        rows.get(2)[13] = "老年人家庭";
        rows.get(2)[14] = "720"; // (550 − 200) × 2 + 40: the elderly standard
        rows.get(4)[1] = "任丘办事处";
        rows.get(4)[2] = "京东社区";
        rows.get(4)[14] = "1000";
        long first = client.commit(client.validated("源.xlsx", RosterSheets.workbook(rows)).get("id").asLong(), true)
                .get("id").asLong();
        byte[] exported = client.http().download("admin", "/api/imports/roster.xlsx?batch=" + first).body();
        List<List<String>> before = RosterSheets.read(exported);
        assertThat(before).hasSize(41);
        assertThat(before.get(0)).containsExactlyElementsOf(DibaoRosterColumns.HEADERS);
        assertThat(before.get(1).subList(1, 8)).containsExactly("岳村乡", "东岳村", "东岳村r1号", "中国农业银行",
                "6228480012345678901", "王建设", rows.get(0)[7]);

        // an empty database as far as these people go: what the first import wrote is removed
        removeImported(first);
        JsonNode second = client.commit(client.validated("导出.xlsx", exported).get("id").asLong(), true);
        assertThat(second.get("status").asText()).isEqualTo("COMMITTED");
        List<List<String>> after = RosterSheets.read(client.http()
                .download("admin", "/api/imports/roster.xlsx?batch=" + second.get("id").asLong()).body());
        assertThat(after).isEqualTo(before);
    }

    @Test
    void tenThousandRowsOfFiveThousandHouseholdsAreValidatedAndCommittedWhole() {
        byte[] xlsx = RosterSheets.workbook(households(5000, "t"));
        Instant start = Instant.now();
        JsonNode batch = client.validated("万行.xlsx", xlsx);
        assertThat(batch.get("accepted").asInt()).isEqualTo(10000);
        Duration validation = Duration.between(start, Instant.now());
        // PostgreSQL: the planner's estimate of the households never lags behind what the commit wrote before the chunk
        // (PlannerStatistics); without it the re-check and the summaries' triggers slowed down chunk by chunk
        long batchId = batch.get("id").asLong();
        List<long[]> estimateAndWrittenBefore = new ArrayList<>();
        long[] writtenBefore = {0};
        if (database.isPostgres()) {
            committer.afterChunk = (chunk, last) -> {
                estimateAndWrittenBefore.add(new long[] {jdbc.sql(
                        "select reltuples::bigint from pg_class where relname = 'household' and relkind = 'r' "
                                + "and relnamespace = current_schema()::regnamespace").query(Long.class).single(),
                        writtenBefore[0]});
                writtenBefore[0] = count("select count(*) from household where import_batch_id = ?", batchId);
            };
        }
        JsonNode done = client.commit(batch.get("id").asLong(), false);
        Duration total = Duration.between(start, Instant.now());
        assertThat(done.get("status").asText()).isEqualTo("COMMITTED");
        assertThat(count("select count(*) from household_member m join household h on h.id = m.household_id "
                + "where h.import_batch_id = ?", batch.get("id").asLong())).isEqualTo(10000);
        System.out.printf("10,000-row import: validated in %d ms, validated and committed in %d ms%n",
                validation.toMillis(), total.toMillis());
        if (database.isPostgres()) {
            assertThat(estimateAndWrittenBefore).hasSizeGreaterThan(2)
                    .allSatisfy(pair -> assertThat(Math.max(pair[0], 0)).as("estimated households").isGreaterThanOrEqualTo(pair[1]));
        }
    }

    @Test
    void theCommitsAnalysesSampleTheTablesAtASmallStatisticsTarget() {
        assumeTrue(database.isPostgres(), "PostgreSQL's planner statistics");
        transaction.executeWithoutResult(status -> {
            statistics.keepUpWith(Integer.MAX_VALUE); // every table is behind: all of them analysed
            // the histogram of a unique column has target + 1 bounds at most (the default target 100 gives up to 101)
            Integer bounds = jdbc.sql("select array_length(histogram_bounds::text::bigint[], 1) from pg_stats "
                            + "where schemaname = current_schema() and tablename = 'household' and attname = 'id'")
                    .query(Integer.class).single();
            assertThat(bounds).isBetween(2, PlannerStatistics.SAMPLE_TARGET + 1);
            status.setRollbackOnly();
        });
    }

    /** As a node that died left it: the import's job locked by that node until {@code lockedUntil}. */
    private void lockedByANodeThatDied(String argument, Instant lockedUntil) {
        jdbc.sql("update ACT_RU_JOB set LOCK_OWNER_ = 'node-that-died', LOCK_EXP_TIME_ = ? where HANDLER_TYPE_ = ? "
                        + "and HANDLER_CFG_ = ?")
                .params(java.sql.Timestamp.from(lockedUntil), BackgroundJobs.HANDLER_TYPE, RosterImports.WORK + ":" + argument)
                .update();
    }

    private long jobs(String argument) {
        return jdbc.sql("select count(*) from ACT_RU_JOB where HANDLER_TYPE_ = ? and HANDLER_CFG_ = ?")
                .params(BackgroundJobs.HANDLER_TYPE, RosterImports.WORK + ":" + argument).query(Long.class).single();
    }

    /** What another node's job executor does once the dead node's lock has expired: acquire the job again. */
    private void lockExpires(String argument) {
        lockedByANodeThatDied(argument, EngineClock.instant().minusSeconds(60));
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor().jobWasAdded();
    }

    @Test
    void aCommitClaimedByANodeThatDiedIsFinishedByAnotherNodeExactlyOnce() throws Exception {
        long id = client.validated("接手提交.xlsx", RosterSheets.workbook(households(40, "k"))).get("id").asLong();
        // the node that took the commit's job died: its transaction was rolled back by the database, its job lock stays
        transaction.executeWithoutResult(status -> {
            assertThat(batches.startCommit(id, "admin", false)).isTrue();
            backgroundJobs.submit(RosterImports.WORK, "commit:" + id);
            lockedByANodeThatDied("commit:" + id, EngineClock.instant().plusSeconds(3600));
        });
        Thread.sleep(1500);
        JsonNode waiting = client.http().get("admin", "/api/imports/" + id).json();
        assertThat(waiting.get("status").asText()).isEqualTo("COMMITTING");
        assertThat(waiting.get("finished").asBoolean()).isFalse();
        assertThat(count("select count(*) from household where import_batch_id = ?", id)).isZero();

        lockExpires("commit:" + id);
        JsonNode done = client.awaitFinished(id);
        assertThat(done.get("status").asText()).isEqualTo("COMMITTED");
        assertThat(done.get("done").asInt()).isEqualTo(80);
        assertThat(jobs("commit:" + id)).isZero();

        // the dead node's run coming back late (a node that only stalled) finds the batch committed
        imports.run("commit:" + id);
        assertThat(count("select count(*) from household where import_batch_id = ?", id)).isEqualTo(40);
        assertThat(count("select count(*) from dibao_case where import_batch_id = ?", id)).isEqualTo(40);
        assertThat(count("select count(*) from household_member m join household h on h.id = m.household_id "
                + "where h.import_batch_id = ?", id)).isEqualTo(80);
        assertThat(count("select count(*) from dibao_case_person where case_id in "
                + "(select id from dibao_case where import_batch_id = ?)", id)).isEqualTo(80);
        assertThat(count("select count(*) from audit_event where entity_type = 'IMPORT_BATCH' and entity_id = ?", id))
                .isEqualTo(1);
    }

    @Test
    void twoRunsOfTheSameCommitAtOnceWriteItOnce() throws Exception {
        long id = client.validated("两次运行.xlsx", RosterSheets.workbook(households(5, "d"))).get("id").asLong();
        assertThat(batches.startCommit(id, "admin", false)).isTrue();
        committer.afterChunk = (chunk, last) -> {
            try {
                Thread.sleep(300); // the first run holds the batch while the second arrives
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(() -> imports.run("commit:" + id));
            var second = pool.submit(() -> imports.run("commit:" + id));
            first.get();
            second.get();
        } finally {
            pool.shutdown();
        }
        JsonNode done = client.awaitFinished(id);
        assertThat(done.get("status").asText()).isEqualTo("COMMITTED");
        assertThat(done.path("failure").isMissingNode() || done.path("failure").isNull()).isTrue();
        assertThat(count("select count(*) from household where import_batch_id = ?", id)).isEqualTo(5);
        assertThat(count("select count(*) from dibao_case where import_batch_id = ?", id)).isEqualTo(5);
    }

    @Test
    void aValidationTakenOverFromANodeThatDiedStartsAgainAndTheStaleRunStops() throws Exception {
        long id = client.validated("接手校验.xlsx", RosterSheets.workbook(households(3, "v"))).get("id").asLong();
        // as the dead node left it: half staged under its token, its job locked
        transaction.executeWithoutResult(status -> {
            jdbc.sql("delete from import_row where batch_id = ? and row_number > 3").param(id).update();
            jdbc.sql("update import_batch set status = 'VALIDATING', validated_rows = 2, worker_token = 'dead-run' where id = ?")
                    .param(id).update();
            backgroundJobs.submit(RosterImports.WORK, "validate:" + id);
            lockedByANodeThatDied("validate:" + id, EngineClock.instant().plusSeconds(3600));
        });
        Thread.sleep(1000);
        assertThat(client.http().get("admin", "/api/imports/" + id).json().get("done").asInt()).isEqualTo(2);

        lockExpires("validate:" + id);
        JsonNode validation = client.awaitFinished(id);
        assertThat(validation.get("status").asText()).isEqualTo("VALIDATED");
        assertThat(validation.get("accepted").asInt()).isEqualTo(6);
        assertThat(count("select count(*) from import_row where batch_id = ?", id)).isEqualTo(6);
        // the dead node's run, had it only stalled, may stage nothing more
        Boolean staleRunStaged = transaction.execute(s -> batches.insertRows(id, "dead-run", List.of()));
        assertThat(staleRunStaged).isFalse();
        assertThat(client.commit(id, false).get("status").asText()).isEqualTo("COMMITTED");
    }

    @Test
    void atStartUpABatchLeftWithoutItsJobGetsOneAndFinishes() {
        long interruptedCommit = client.validated("重启前提交.xlsx", RosterSheets.workbook(households(2, "c")))
                .get("id").asLong();
        // as the version before left it: a commit under way (rolled back by the database), its thread gone with the node
        jdbc.sql("update import_batch set status = 'COMMITTING', committed_by = 'admin' where id = ?")
                .param(interruptedCommit).update();

        imports.resumeAfterRestart();
        imports.resumeAfterRestart(); // a second node starting: the job exists, none is added

        assertThat(jobs("commit:" + interruptedCommit)).isLessThanOrEqualTo(1);
        JsonNode commit = client.awaitFinished(interruptedCommit);
        assertThat(commit.get("status").asText()).isEqualTo("COMMITTED");
        assertThat(count("select count(*) from dibao_case where import_batch_id = ?", interruptedCommit)).isEqualTo(2);
    }

    private void removeImported(long batchId) {
        String cases = "(select id from dibao_case where import_batch_id = " + batchId + ")";
        String households = "(select id from household where import_batch_id = " + batchId + ")";
        jdbc.sql("delete from audit_event where case_id in " + cases + " or household_id in " + households).update();
        jdbc.sql("delete from dibao_case_status_history where case_id in " + cases).update();
        jdbc.sql("delete from dibao_case_person where case_id in " + cases).update();
        jdbc.sql("delete from enrolment_status_history where enrolment_id in (select id from enrolment where household_id in "
                + households + ")").update();
        jdbc.sql("delete from enrolment where household_id in " + households).update();
        jdbc.sql("delete from dibao_case where import_batch_id = " + batchId).update();
        jdbc.sql("delete from income_item where member_id in (select id from household_member where household_id in "
                + households + ")").update();
        jdbc.sql("delete from household_member where household_id in " + households).update();
        jdbc.sql("delete from household where import_batch_id = " + batchId).update();
    }
}
