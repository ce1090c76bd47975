package cn.minzheng.bureau.faults;

import static cn.minzheng.bureau.support.Eventually.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.minzheng.bureau.BureauApplication;
import cn.minzheng.bureau.dibao.roster.DibaoRosterColumns;
import cn.minzheng.bureau.engine.BackgroundJobs;
import cn.minzheng.bureau.household.ResidentIdNumber;
import cn.minzheng.bureau.support.AppNode;
import cn.minzheng.bureau.support.Http;
import cn.minzheng.bureau.support.WebappSession;

/**
 * Two nodes on one PostgreSQL database behind a round-robin HAProxy (docs/operations.md, Several nodes): a user logs
 * in to the webapps through the proxy, starts a case, the node that served it is killed (kill -9), and the same
 * session goes on on the other node with nothing lost. Timers started while both nodes run fire exactly once, and
 * both nodes deleting expired sessions at once do no harm. Then a third node joins the survivor behind a second
 * proxy, a roster of {@value #IMPORT_HOUSEHOLDS} households is uploaded and committed through it, the node running
 * the commit's job is killed in the middle of the commit, and the other node takes the job over once its lease
 * lapses and commits the batch exactly once, its progress answered through the proxy all along.
 * Run: ./mvnw -Pfaults test -Dtest.db=postgres -Dtest=ClusterFailoverTest (haproxy installed; DB_URL as for the
 * application). Without haproxy the test is skipped, under CI=true it fails.
 */
@Tag("fault")
class ClusterFailoverTest {

    private static final int TIMERS = 20;
    /** Households of the roster imported while its node is killed: two rows each, ten commit chunks. */
    private static final int IMPORT_HOUSEHOLDS = 10_000;
    /** The background jobs' lease (bureau.background-jobs.lease-seconds): a dead node's import is taken over after it. */
    private static final int LEASE_SECONDS = 5;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient PLAIN = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String ENGINE_API = "/camunda/api/engine/engine/default";

    private static List<String> settings(String node) {
        return List.of("--spring.profiles.active=postgres", "--bureau.demo-data.enabled=true",
                "--bureau.demo-data.applications=false",
                // the job log names the node that ran a job
                "--camunda.bpm.generic-properties.properties.hostname=" + node,
                "--camunda.bpm.job-execution.wait-time-in-millis=500", "--camunda.bpm.job-execution.max-wait=1000",
                // both nodes clean expired sessions every two seconds, at the same moments
                "--spring.session.jdbc.cleanup-cron=*/2 * * * * *",
                // a dead node's import job is taken over a short lease after its last renewal
                "--bureau.background-jobs.lease-seconds=" + LEASE_SECONDS);
    }

    @Test
    void aUsersSessionOutlivesTheNodeThatServedIt() throws Exception {
        Path haproxy = haproxy();
        long started = System.nanoTime();
        try (AppNode a = AppNode.start("a", BureauApplication.class.getName(), settings("node-a"))) {
            // the first node alone: schema, migrations and demo users in place before the second starts
            a.awaitLogin("admin", 300);
            long firstUp = System.nanoTime();
            // node c, which joins the survivor for the import, starts with b (on the schema a made)
            try (AppNode b = AppNode.start("b", BureauApplication.class.getName(), settings("node-b"));
                 AppNode c = AppNode.start("c", BureauApplication.class.getName(), settings("node-c"))) {
                // b and c start together: more time than a node alone
                b.awaitLogin("admin", 480);
                long secondUp = System.nanoTime();
                System.out.printf("cluster: node a up in %d s (new schema), node b in %d s%n",
                        (firstUp - started) / 1_000_000_000, (secondUp - firstUp) / 1_000_000_000);
                Map<String, AppNode> nodes = Map.of("a", a, "b", b);
                try (Proxy proxy = Proxy.start(haproxy, Map.of("a", a.port(), "b", b.port()))) {
                    deploy(a.http());
                    List<String> timers = startTimers(a.http(), b.http());

                    WebappSession user = new WebappSession(proxy.port());
                    HttpResponse<String> login = user.login("admin", "demo");
                    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
                    Set<String> served = new HashSet<>();
                    for (int i = 0; i < 4; i++) {
                        HttpResponse<String> me = user.get("/camunda/api/admin/auth/user/default");
                        assertThat(me.statusCode()).isEqualTo(200);
                        served.add(servedBy(me));
                    }
                    assertThat(served).as("round robin: one session, both nodes").containsExactlyInAnyOrder("a", "b");

                    // work: a case started through the webapps' engine API (as Tasklist starts one), with the CSRF header
                    HttpResponse<String> start = user.postJson(ENGINE_API + "/process-definition/key/cluster_check/start",
                            "{\"businessKey\":\"cluster-" + UUID.randomUUID() + "\"}");
                    assertThat(start.statusCode()).as(start.body()).isEqualTo(200);
                    String instance = JSON.readTree(start.body()).get("id").asText();
                    String doomed = servedBy(start);
                    String survivor = doomed.equals("a") ? "b" : "a";
                    System.out.printf("cluster: memory before the kill: a %s; b %s%n", memory(a), memory(b));
                    System.out.printf("cluster: the case was started on node %s, killing it%n", doomed);
                    nodes.get(doomed).kill();

                    long next = System.nanoTime();
                    HttpResponse<String> tasks = user.get(ENGINE_API + "/task?processInstanceId=" + instance);
                    System.out.printf("cluster: the next request answered by node %s in %d ms%n", servedBy(tasks),
                            (System.nanoTime() - next) / 1_000_000);
                    assertThat(tasks.statusCode()).as("the same session on node " + survivor + ": " + tasks.body()).isEqualTo(200);
                    assertThat(servedBy(tasks)).isEqualTo(survivor);
                    JsonNode open = JSON.readTree(tasks.body());
                    assertThat(open).as("the case started on the killed node").hasSize(1);
                    assertThat(open.get(0).get("assignee").asText()).isEqualTo("admin");
                    HttpResponse<String> completed = user.postJson(ENGINE_API + "/task/" + open.get(0).get("id").asText()
                            + "/complete", "{}");
                    assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
                    assertThat(JSON.readTree(user.get(ENGINE_API + "/history/process-instance/" + instance).body())
                            .get("state").asText()).isEqualTo("COMPLETED");
                    HttpResponse<String> ledger = user.get("/ledger");
                    assertThat(ledger.statusCode()).as("the ledgers, same login: " + ledger.body()).isEqualTo(200);

                    assertTimersRanOnce(timers);
                    assertExpiredSessionsCleanedWithoutHarm(user, nodes.get(survivor));
                }
                c.awaitLogin("admin", 480);
                String survivor = isAlive(a) ? "a" : "b";
                try (Proxy proxy = Proxy.start(haproxy, Map.of(survivor, nodes.get(survivor).port(), "c", c.port()))) {
                    anImportOutlivesTheNodeRunningItsCommit(proxy.port(), Map.of(survivor, nodes.get(survivor), "c", c));
                }
            }
        }
        System.out.printf("cluster: test took %d s%n", (System.nanoTime() - started) / 1_000_000_000);
    }

    private static boolean isAlive(AppNode node) {
        return ProcessHandle.of(node.pid()).map(ProcessHandle::isAlive).orElse(false);
    }

    /**
     * A roster uploaded and committed through the proxy; the node whose job executor runs the commit is killed
     * (kill -9) after its first chunks; the other node takes the job over when the lease lapses and commits the batch
     * once: each household, member, case, claim, status entry and audit entry once, one successful job run (the
     * other node's). The batch's progress answers through the proxy all along.
     */
    private static void anImportOutlivesTheNodeRunningItsCommit(int proxyPort, Map<String, AppNode> nodes) throws Exception {
        int rows = IMPORT_HOUSEHOLDS * 2;
        byte[] workbook = roster(IMPORT_HOUSEHOLDS);
        Http viaProxy = new Http(proxyPort);
        long uploadedAt = System.nanoTime();
        Http.Response uploaded = viaProxy.postFile("admin", "/api/imports", "file", "集群名册.xlsx", workbook);
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(202);
        long id = uploaded.json().get("id").asLong();
        waitFor(Duration.ofSeconds(240), () -> !"VALIDATING".equals(batchStatus(id)));
        JsonNode validated = viaProxy.get("admin", "/api/imports/" + id).json();
        assertThat(validated.get("status").asText()).as(validated.toString()).isEqualTo("VALIDATED");
        assertThat(validated.get("rejected").asInt()).isZero();
        assertThat(validated.get("total").asInt()).isEqualTo(rows);
        long validatedAt = System.nanoTime();

        String job = "roster-import:commit:" + id;
        Http.Response commit = viaProxy.post("admin", "/api/imports/" + id + "/commit", Map.of("acceptWarnings", true));
        assertThat(commit.status()).as(commit.body()).isEqualTo(202);
        long commitAt = System.nanoTime();
        // the running commit: its job locked by a node's job executor, its first chunks written
        waitFor(Duration.ofSeconds(120), () -> count("select count(*) from import_progress where batch_id = " + id
                + " and done > 0") == 1 || !"COMMITTING".equals(batchStatus(id)));
        String owner = lockOwner(job);
        String jobId = rows("select id_ from act_ru_job where handler_type_ = '" + BackgroundJobs.HANDLER_TYPE
                + "' and handler_cfg_ = '" + job + "'").stream().findFirst().orElse(null);
        int doneAtKill = (int) count("select done from import_progress where batch_id = " + id);
        assertThat(owner).as("the commit's job, locked by the node running it").isNotNull();
        assertThat(doneAtKill).as("killed in the middle of the commit (a larger roster if this fails)").isLessThan(rows);
        String doomed = nodeOf(owner);
        String taker = nodes.keySet().stream().filter(n -> !n.equals(doomed)).findFirst().orElseThrow();
        System.out.printf("cluster: import of %d rows validated in %d ms; commit running on node %s (%s), %d rows "
                        + "written after %d ms: killing it%n", rows, (validatedAt - uploadedAt) / 1_000_000, doomed, owner,
                doneAtKill, (System.nanoTime() - commitAt) / 1_000_000);
        nodes.get(doomed).kill();
        long killed = System.nanoTime();
        assertThat(batchStatus(id)).as("the dead node's transaction committed nothing").isEqualTo("COMMITTING");
        assertThat(count("select count(*) from household where import_batch_id = " + id)).isZero();

        // the progress through the proxy until the other node has committed the batch
        Set<String> answeredBy = new HashSet<>();
        Map<String, Integer> statuses = new TreeMap<>();
        long takenOver = 0;
        JsonNode last = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> progress = getViaProxy(proxyPort, "/api/imports/" + id);
            assertThat(progress.statusCode()).as("the progress through the proxy: " + progress.body()).isEqualTo(200);
            answeredBy.add(servedBy(progress));
            last = JSON.readTree(progress.body());
            statuses.merge(last.get("status").asText(), 1, Integer::sum);
            assertThat(last.get("status").asText()).isIn("COMMITTING", "COMMITTED");
            assertThat(last.get("done").asInt()).isBetween(0, rows);
            String nowOwner = lockOwner(job);
            if (takenOver == 0 && nowOwner != null && nodeOf(nowOwner).equals(taker)) {
                takenOver = System.nanoTime();
            }
            if (last.get("finished").asBoolean()) {
                break;
            }
            Thread.sleep(200);
        }
        long committed = System.nanoTime();
        assertThat(last).isNotNull();
        assertThat(last.get("status").asText()).as(last.toString()).isEqualTo("COMMITTED");
        assertThat(last.get("done").asInt()).isEqualTo(rows);
        assertThat(statuses).as("seen through the proxy while the job waited for its lease").containsKey("COMMITTING");
        assertThat(answeredBy).as("after the kill, the proxy sends everything to the living node").containsOnly(taker);
        System.out.printf("cluster: node %s took the commit over %d ms after the kill (lease %d s); the batch was "
                        + "committed %d ms after the kill; progress polls answered: %s%n", taker,
                takenOver == 0 ? -1 : (takenOver - killed) / 1_000_000, LEASE_SECONDS, (committed - killed) / 1_000_000,
                statuses);

        // exactly once, per batch
        String cases = "(select id from dibao_case where import_batch_id = " + id + ")";
        assertThat(count("select count(*) from household where import_batch_id = " + id)).isEqualTo(IMPORT_HOUSEHOLDS);
        assertThat(count("select count(*) from household_member m join household h on h.id = m.household_id "
                + "where h.import_batch_id = " + id)).isEqualTo(rows);
        assertThat(count("select count(*) from dibao_case where import_batch_id = " + id)).isEqualTo(IMPORT_HOUSEHOLDS);
        assertThat(count("select count(*) from dibao_case_person where case_id in " + cases)).isEqualTo(rows);
        assertThat(count("select count(*) from dibao_case_status_history where case_id in " + cases))
                .isEqualTo(IMPORT_HOUSEHOLDS);
        assertThat(count("select count(*) from audit_event where action = 'IMPORTED' and case_id in " + cases))
                .isEqualTo(IMPORT_HOUSEHOLDS);
        assertThat(count("select count(*) from audit_event where entity_type = 'IMPORT_BATCH' and entity_id = " + id))
                .isEqualTo(1);
        assertThat(count("select count(*) from import_row where batch_id = " + id)).isEqualTo(rows);
        assertThat(count("select count(*) from act_ru_job where handler_type_ = '" + BackgroundJobs.HANDLER_TYPE
                + "' and handler_cfg_ = '" + job + "'")).as("the job is done").isZero();
        assertThat(rows("select hostname_ from act_hi_job_log where job_state_ = 2 and job_id_ = '" + jobId + "'"))
                .as("one successful run of the commit's job, the node's that took it over").containsExactly("node-" + taker);
        assertThat(count("select count(*) from act_hi_job_log where job_state_ = 1 and job_id_ = '" + jobId + "'"))
                .as("failed runs").isZero();
        assertThat(nodes.get(taker).log()).contains("import batch " + id + " committed by admin");
    }

    /** A roster of the given number of households of two (the DIBAO template), valid for the current standard. */
    private static byte[] roster(int households) {
        String address = String.valueOf(100000 + ThreadLocalRandom.current().nextInt(899999));
        String keys = "J" + ThreadLocalRandom.current().nextInt(100000, 999999) + "-";
        long[] next = {0};
        java.util.function.Supplier<String> id = () -> {
            long n = next[0]++;
            String first17 = address + LocalDate.of(1940, 1, 1).plusDays(n % 20000).toString().replace("-", "")
                    + String.format("%03d", (n / 20000) % 1000);
            return first17 + ResidentIdNumber.checkCharacter(first17);
        };
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("低保在保家庭");
            Row header = sheet.createRow(0);
            for (int i = 0; i < DibaoRosterColumns.HEADERS.size(); i++) {
                header.createCell(i).setCellValue(DibaoRosterColumns.HEADERS.get(i));
            }
            int r = 1;
            for (int h = 1; h <= households; h++) {
                String key = keys + h;
                String[][] household = {
                        {key, "岳村乡", "东岳村", "东岳村" + h + "号", "中国农业银行", "6228480012345678901", "王建设", id.get(),
                                "户主", "灵活就业", "无", "300", "0", "一般困难家庭", "640", "2024-01"},
                        {key, null, null, null, null, null, "李秀英", id.get(), "配偶", "丧失劳动能力", "重度（一、二级）", "0",
                                "100", null, null, null}};
                for (String[] cells : household) {
                    Row row = sheet.createRow(r++);
                    for (int i = 0; i < cells.length; i++) {
                        if (cells[i] != null) {
                            row.createCell(i).setCellValue(cells[i]);
                        }
                    }
                }
            }
            workbook.write(out);
            workbook.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String batchStatus(long id) {
        try {
            List<String> status = rows("select status from import_batch where id = " + id);
            return status.isEmpty() ? null : status.get(0);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** ACT_RU_JOB.LOCK_OWNER_ of the background job: the job executor's "host name/…" of the node running it. */
    private static String lockOwner(String job) {
        try {
            List<String> owners = rows("select lock_owner_ from act_ru_job where handler_type_ = '"
                    + BackgroundJobs.HANDLER_TYPE + "' and handler_cfg_ = '" + job + "'");
            return owners.isEmpty() ? null : owners.get(0);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** "node-c/1a2b3c4d" → "c". */
    private static String nodeOf(String lockOwner) {
        String host = lockOwner.contains("/") ? lockOwner.substring(0, lockOwner.indexOf('/')) : lockOwner;
        assertThat(host).as("lock owner " + lockOwner).startsWith("node-");
        return host.substring("node-".length());
    }

    private static HttpResponse<String> getViaProxy(int port, String path) throws Exception {
        return PLAIN.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET()
                        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                                "admin:demo".getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A case with one task for its starter, and a case that waits on a one-second timer. */
    private static void deploy(Http admin) {
        String bpmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Cluster" targetNamespace="http://bpmn.io/schema/bpmn">
                  <bpmn:process id="cluster_check" name="集群检查" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="Start" camunda:initiator="starter"/>
                    <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Task_Confirm"/>
                    <bpmn:userTask id="Task_Confirm" name="确认" camunda:assignee="${starter}"/>
                    <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Confirm" targetRef="End"/>
                    <bpmn:endEvent id="End"/>
                  </bpmn:process>
                  <bpmn:process id="cluster_timer" name="集群定时" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="Timer_Start"/>
                    <bpmn:sequenceFlow id="Flow_3" sourceRef="Timer_Start" targetRef="Timer_Wait"/>
                    <bpmn:intermediateCatchEvent id="Timer_Wait" name="等一秒">
                      <bpmn:timerEventDefinition><bpmn:timeDuration>PT1S</bpmn:timeDuration></bpmn:timerEventDefinition>
                    </bpmn:intermediateCatchEvent>
                    <bpmn:sequenceFlow id="Flow_4" sourceRef="Timer_Wait" targetRef="Timer_End"/>
                    <bpmn:endEvent id="Timer_End"/>
                  </bpmn:process>
                </bpmn:definitions>
                """;
        Http.Response deployed = admin.postMultipart("admin", "/engine-rest/deployment/create",
                Map.of("deployment-name", "cluster-test", "deploy-changed-only", "true"),
                Map.of("cluster.bpmn", bpmn.getBytes(StandardCharsets.UTF_8)));
        assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
    }

    private static List<String> startTimers(Http a, Http b) {
        List<String> instances = new ArrayList<>();
        for (int i = 0; i < TIMERS; i++) {
            Http.Response started = (i % 2 == 0 ? a : b).post("admin",
                    "/engine-rest/process-definition/key/cluster_timer/start", Map.of());
            assertThat(started.status()).as(started.body()).isEqualTo(200);
            instances.add(started.json().get("id").asText());
        }
        return instances;
    }

    /** Each timer job ran once (one successful run in the job log, no failed one), each case passed its timer once. */
    private static void assertTimersRanOnce(List<String> instances) throws Exception {
        String ids = "'" + String.join("','", instances) + "'";
        waitFor(Duration.ofSeconds(120), () -> count("select count(*) from act_hi_procinst where proc_inst_id_ in ("
                + ids + ") and end_time_ is not null") == instances.size());
        assertThat(count("select count(*) from act_hi_job_log where process_instance_id_ in (" + ids + ") and job_state_ = 2"))
                .as("successful timer runs").isEqualTo(instances.size());
        assertThat(count("select count(distinct job_id_) from act_hi_job_log where process_instance_id_ in (" + ids
                + ") and job_state_ = 2")).isEqualTo(instances.size());
        assertThat(count("select count(*) from act_hi_job_log where process_instance_id_ in (" + ids + ") and job_state_ = 1"))
                .as("failed timer runs").isZero();
        assertThat(count("select count(*) from act_hi_actinst where proc_inst_id_ in (" + ids + ") and act_id_ = 'Timer_Wait'"))
                .isEqualTo(instances.size());
        System.out.println("cluster: timers run by " + rows("select hostname_ || ': ' || count(*) from act_hi_job_log where "
                + "process_instance_id_ in (" + ids + ") and job_state_ = 2 group by hostname_ order by hostname_"));
    }

    /**
     * Expired sessions (as a day of logins leaves them) disappear while both nodes delete expired sessions every two
     * seconds, the live session stays, and no node logs an error of it.
     */
    private static void assertExpiredSessionsCleanedWithoutHarm(WebappSession user, AppNode survivor) throws Exception {
        long past = System.currentTimeMillis() - 3_600_000;
        // one transaction: the nodes' cleanup must not delete a session before its attribute is in
        try (Connection db = NodeDatabase.connect();
             PreparedStatement session = db.prepareStatement("insert into spring_session (primary_id, session_id, "
                     + "creation_time, last_access_time, max_inactive_interval, expiry_time) values (?, ?, ?, ?, 1800, ?)");
             PreparedStatement attribute = db.prepareStatement("insert into spring_session_attributes (session_primary_id, "
                     + "attribute_name, attribute_bytes) values (?, 'expired', ?)")) {
            db.setAutoCommit(false);
            for (int i = 0; i < 500; i++) {
                String primary = UUID.randomUUID().toString();
                session.setString(1, primary);
                session.setString(2, UUID.randomUUID().toString());
                session.setLong(3, past - 1_800_000);
                session.setLong(4, past - 1_800_000);
                session.setLong(5, past);
                session.addBatch();
                attribute.setString(1, primary);
                attribute.setBytes(2, new byte[] {1});
                attribute.addBatch();
            }
            session.executeBatch();
            attribute.executeBatch();
            db.commit();
        }
        waitFor(Duration.ofSeconds(30), () -> count("select count(*) from spring_session where expiry_time < "
                + System.currentTimeMillis()) == 0);
        assertThat(count("select count(*) from spring_session_attributes where attribute_name = 'expired'")).isZero();
        assertThat(user.get("/camunda/api/admin/auth/user/default").statusCode()).as("the live session").isEqualTo(200);
        assertThat(survivor.log()).doesNotContainIgnoringCase("deadlock")
                .doesNotContain("Unexpected error occurred in scheduled task");
    }

    private static String servedBy(HttpResponse<?> response) {
        return response.headers().firstValue("X-Served-By").orElseThrow(() -> new AssertionError("no X-Served-By"));
    }

    /** haproxy on the PATH or in /usr/sbin; skipped without it, but under CI=true a missing haproxy fails. */
    private static Path haproxy() {
        Optional<Path> found = Stream.concat(Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)),
                        Stream.of("/usr/sbin", "/usr/local/sbin"))
                .filter(dir -> !dir.isBlank()).map(dir -> Path.of(dir, "haproxy")).filter(Files::isExecutable).findFirst();
        String missing = "haproxy is not installed (Debian: apt-get install haproxy); the cluster test needs it";
        if (found.isEmpty() && "true".equals(System.getenv("CI"))) {
            Assertions.fail(missing);
        }
        Assumptions.assumeTrue(found.isPresent(), missing);
        return found.get();
    }

    private static String memory(AppNode node) {
        try {
            String status = Files.readString(Path.of("/proc/" + node.pid() + "/status"));
            String rss = status.lines().filter(l -> l.startsWith("VmRSS")).findFirst().orElse("VmRSS: ?").replaceAll("\\s+", " ");
            double heap = node.http().get("admin", "/actuator/prometheus").body().lines()
                    .filter(l -> l.startsWith("jvm_memory_used_bytes{") && l.contains("area=\"heap\""))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
            return rss + ", heap used " + Math.round(heap / 1024 / 1024) + " MB";
        } catch (Exception e) {
            return "(unknown: " + e + ")";
        }
    }

    /** HAProxy in front of the two nodes: round robin, health checks, the serving node's name in X-Served-By. */
    private static final class Proxy implements AutoCloseable {

        private final Process process;
        private final int port;
        private final Path dir;

        private Proxy(Process process, int port, Path dir) {
            this.process = process;
            this.port = port;
            this.dir = dir;
        }

        /** Servers by name (the name is what X-Served-By says). */
        static Proxy start(Path haproxy, Map<String, Integer> servers) throws Exception {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Path dir = Files.createTempDirectory("haproxy");
            Files.writeString(dir.resolve("haproxy.cfg"), """
                    global
                        maxconn 256
                    defaults
                        mode http
                        timeout connect 2s
                        timeout client 60s
                        timeout server 60s
                        timeout check 5s
                        retries 2
                        option redispatch
                    frontend web
                        bind 127.0.0.1:%d
                        default_backend nodes
                    backend nodes
                        balance roundrobin
                        option httpchk GET /actuator/health
                        http-check expect status 200
                        default-server inter 1s fall 2 rise 1
                        http-response set-header X-Served-By %%s
                    """.formatted(port) + new TreeMap<>(servers).entrySet().stream()
                    .map(server -> "    server " + server.getKey() + " 127.0.0.1:" + server.getValue() + " check\n")
                    .collect(Collectors.joining()));
            Process process = new ProcessBuilder(haproxy.toString(), "-db", "-f", dir.resolve("haproxy.cfg").toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("haproxy.log").toFile()).start();
            Proxy proxy = new Proxy(process, port, dir);
            Http http = new Http(port);
            waitFor(Duration.ofSeconds(20), () -> {
                try {
                    return process.isAlive() && http.get(null, "/actuator/health").status() == 200;
                } catch (IllegalStateException notYet) {
                    return false;
                }
            });
            return proxy;
        }

        int port() {
            return port;
        }

        @Override
        public void close() throws Exception {
            process.destroy();
            process.waitFor();
            try {
                System.out.println("haproxy: " + Files.readString(dir.resolve("haproxy.log")).strip());
            } catch (IOException ignored) {
                // no log
            }
        }
    }

    private static long count(String query) {
        try (Connection db = NodeDatabase.connect(); ResultSet rs = db.createStatement().executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> rows(String query) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection db = NodeDatabase.connect(); ResultSet rs = db.createStatement().executeQuery(query)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }


}
