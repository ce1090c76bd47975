package cn.minzheng.bureau.benchmark;

import static cn.minzheng.bureau.dibao.application.DibaoApplicationProcess.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.minzheng.bureau.demo.DibaoWalker;
import cn.minzheng.bureau.dibao.verification.EconomicStatusWorker;
import cn.minzheng.bureau.support.TestApplications;
import cn.minzheng.bureau.versions.DeploymentUnits;

/**
 * Benchmark 1 (issue: performance at city scale): complete 低保 applications driven through every
 * task of the real process (real delegates, DMN, listeners, authorizations, the forms' variables),
 * against the floor measured in the same run: a BPMN of exactly the same shape, derived from the real
 * file, whose listeners are removed and whose service and business-rule tasks do nothing.
 * Not a test: it prints figures. Run: ./mvnw -Pbenchmark test -Dtest=IntakeBenchmark -Dtest.db=postgres
 */
@Tag("benchmark")
@SpringBootTest(properties = "bureau.demo-data.applications=false")
class IntakeBenchmark {

    private static final String FLOOR_KEY = "intake-floor";
    private static final int N = Integer.getInteger("benchmark.applications", 100);
    private static final int WARMUP = Integer.getInteger("benchmark.warmup", 200);
    private static final int RUNS = Integer.getInteger("benchmark.runs", 7);
    private static final int FLOOR_EXTRA_VARIABLES = Integer.getInteger("benchmark.floorExtraVariables", 0);
    /** -Dbenchmark.profile=real|floor: one process alone, for a profiler (e.g. Java Flight Recorder) to watch. */
    private static final String PROFILED = System.getProperty("benchmark.profile");

    private String autovacuum;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DibaoWalker walker;
    @Autowired
    FormService formService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    AuthorizationService authorizationService;
    @Autowired
    ExternalTaskService externalTaskService;
    @Autowired
    org.camunda.bpm.engine.RuntimeService runtimeService;
    @Autowired
    cn.minzheng.bureau.dibao.DibaoCaseRepository cases;

    @Test
    void intakeThroughputAgainstTheFloor() throws IOException {
        deployFloor();
        if (PROFILED != null) {
            profileAlone(PROFILED.equals("floor") ? FLOOR_KEY : KEY);
            return;
        }
        run(FLOOR_KEY, WARMUP);
        run(KEY, WARMUP);
        // floor and real alternate, so a change of load on the machine hits both alike; the median pair counts
        List<Run> floors = new ArrayList<>();
        List<Run> reals = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            floors.add(run(FLOOR_KEY, N));
            reals.add(run(KEY, N));
            // each pair as it is measured: on a busy machine a run may be cut short
            System.out.printf("intake pair %d: floor %.1f, real %.1f lifecycles/s, ratio %.2f%n", i + 1,
                    floors.get(i).rate(), reals.get(i).rate(), reals.get(i).rate() / floors.get(i).rate());
        }
        List<String> lines = new ArrayList<>(List.of(
                String.format("applications per run: %d (after %d warm-up each), %d runs of each, alternating", N, WARMUP, RUNS),
                "database vacuumed and analyzed before each run (server autovacuum: " + autovacuum + ")",
                "floor (same shape, no-op): " + rates(floors) + " lifecycles/s",
                "real dibao-application:    " + rates(reals) + " lifecycles/s"));
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            ratios.add(reals.get(i).rate() / floors.get(i).rate());
        }
        int median = medianIndex(ratios);
        lines.add("ratio real/floor per pair: " + ratios.stream().map(r -> String.format("%.2f", r)).toList()
                + String.format("; median %.2f", ratios.get(median)));
        if (FLOOR_EXTRA_VARIABLES > 0) {
            lines.add("floor given " + FLOOR_EXTRA_VARIABLES + " extra text variables from its start");
        }
        lines.add(String.format("JVM CPU per application (median pair, all threads): floor %.1f ms, real %.1f ms",
                floors.get(median).jvmCpuMsPerApplication(), reals.get(median).jvmCpuMsPerApplication()));
        lines.add(String.format("CPU of the driving thread per application (median pair): floor %.1f ms, real %.1f ms",
                floors.get(median).threadCpuMsPerApplication(), reals.get(median).threadCpuMsPerApplication()));
        lines.add("per step, ms per application (median pair): step | floor | real");
        for (int step = 0; step < STEPS.length; step++) {
            lines.add(String.format("  %-28s %6.2f %6.2f", STEPS[step], floors.get(median).msPerApplication(step),
                    reals.get(median).msPerApplication(step)));
        }
        Benchmarks.print("intake", lines);
    }

    /** Warms up, then marks the start and end of one measured run in the output, to cut a recording to it. */
    private void profileAlone(String processKey) {
        run(processKey, WARMUP);
        Benchmarks.print("profile of " + processKey, List.of("measured run starts " + Instant.now()));
        Run run = run(processKey, N);
        Benchmarks.print("profile of " + processKey, List.of("measured run ends " + Instant.now(),
                String.format("%.1f lifecycles/s, JVM CPU %.1f ms per application, of which the driving thread %.1f ms",
                        run.rate(), run.jvmCpuMsPerApplication(), run.threadCpuMsPerApplication())));
    }

    private static String rates(List<Run> runs) {
        return String.join(", ", runs.stream().map(r -> String.format("%.1f", r.rate())).toList());
    }

    private static int medianIndex(List<Double> values) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> Double.compare(values.get(a), values.get(b)));
        return order.get(values.size() / 2);
    }

    private static final String[] STEPS = {"start form (register)", "accept", "survey (income, DMN, benefit)",
            "township review", "notice timer job", "district approval (activate)"};

    /** Lifecycles per second of one run, and the time spent in each step. */
    private record Run(int applications, long totalNanos, long[] stepNanos, long jvmCpuNanos, long threadCpuNanos) {
        double rate() {
            return applications / (totalNanos / 1e9);
        }

        double jvmCpuMsPerApplication() {
            return jvmCpuNanos / 1e6 / applications;
        }

        double threadCpuMsPerApplication() {
            return threadCpuNanos / 1e6 / applications;
        }

        double msPerApplication(int step) {
            return stepNanos[step] / 1e6 / applications;
        }
    }

    /** Drives n applications through every task, as the users of each role. */
    private Run run(String processKey, int n) {
        String definitionId = repositoryService.createProcessDefinitionQuery().processDefinitionKey(processKey)
                .latestVersion().singleResult().getId();
        long[] steps = new long[STEPS.length];
        autovacuum = Benchmarks.vacuum(jdbc);
        boolean profiling = n == N && Benchmarks.resetStatements(jdbc);
        long cpuStart = Benchmarks.processCpuNanos();
        long threadCpuStart = Benchmarks.threadCpuNanos();
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            ProcessInstance instance = walker.as("clerk.yuecun",
                    () -> formService.submitStartForm(definitionId, withExtras(processKey, startForm())));
            String id = instance.getId();
            t = lap(steps, 0, t);
            complete("clerk.yuecun", id, TASK_ACCEPT, Map.of(VAR_ACCEPT_DECISION, ACCEPT, VAR_ECONOMIC_CHECK_AUTHORISED, true));
            // the economic-status check, as the in-application worker runs it, counted with the acceptance
            if (processKey.equals(FLOOR_KEY)) {
                completeExternalTask(id);
            } else {
                walker.verify(cases.find(((Number) runtimeService.getVariable(id, VAR_CASE_ID)).longValue()).orElseThrow());
            }
            t = lap(steps, 1, t);
            complete("clerk.yuecun", id, TASK_SURVEY, Map.of("assetsFinding", "自住房一处", "incomeFinding", "与申报一致",
                    "employmentFinding", "灵活就业", "utilitiesMonthlyVerified", 90, "hiddenIncomeMonthly", 0,
                    "homeVisitDone", true, "surveyConclusion", "属实", "secondInvestigator", "孙立群"));
            t = lap(steps, 2, t);
            complete("reviewer.yuecun", id, TASK_REVIEW_BY_TOWNSHIP, Map.of(VAR_REVIEW_DECISION, APPROVE,
                    VAR_REVIEW_COMMENT, "同意"));
            t = lap(steps, 3, t);
            managementService.executeJob(managementService.createJobQuery().processInstanceId(id)
                    .activityId(TIMER_NOTICE_PERIOD_OVER).singleResult().getId());
            t = lap(steps, 4, t);
            complete("approver", id, TASK_APPROVE_BY_DISTRICT, Map.of(VAR_APPROVAL_DECISION, APPROVE,
                    VAR_APPROVAL_COMMENT, "同意"));
            lap(steps, 5, t);
        }
        Run run = new Run(n, System.nanoTime() - start, steps, Benchmarks.processCpuNanos() - cpuStart,
                Benchmarks.threadCpuNanos() - threadCpuStart);
        if (profiling) {
            Benchmarks.print("statements of " + processKey, Benchmarks.statements(jdbc, n));
        }
        return run;
    }

    private static long lap(long[] steps, int step, long since) {
        long now = System.nanoTime();
        steps[step] += now - since;
        return now;
    }

    /** The floor's external task fetched, locked and completed as the worker does, with nothing checked. */
    private void completeExternalTask(String instanceId) {
        Object caseId = runtimeService.getVariable(instanceId, VAR_CASE_ID);
        for (LockedExternalTask task : externalTaskService.fetchAndLock(1, EconomicStatusWorker.WORKER_ID)
                .topic(EconomicStatusWorker.TOPIC, 60_000).variables(VAR_CASE_ID, "caseNumber")
                .processInstanceVariableEquals(VAR_CASE_ID, caseId).execute()) {
            externalTaskService.complete(task.getId(), EconomicStatusWorker.WORKER_ID);
        }
    }

    private void complete(String user, String instanceId, String taskKey, Map<String, Object> variables) {
        walker.as(user, () -> {
            Task task = taskService.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey(taskKey).singleResult();
            taskService.claim(task.getId(), user);
            taskService.complete(task.getId(), variables);
            return null;
        });
    }

    /**
     * -Dbenchmark.floorExtraVariables=N gives the floor N more text variables from its start, like the facts
     * the real process publishes for its forms: what the floor loses prices a process variable.
     */
    private final AtomicLong floorCaseIds = new AtomicLong(System.currentTimeMillis());

    private Map<String, Object> withExtras(String processKey, Map<String, Object> form) {
        if (processKey.equals(FLOOR_KEY)) {
            // the case id the real process gets at registration, which its economic-status check is fetched by
            form.put(VAR_CASE_ID, floorCaseIds.incrementAndGet());
            for (int i = 0; i < FLOOR_EXTRA_VARIABLES; i++) {
                form.put("shownFact" + i, "某乡镇某村第" + i + "项供表单显示的案件信息");
            }
        }
        return form;
    }

    private static Map<String, Object> startForm() {
        String members = """
                [{"name":"赵测试","idNumber":"%s","relation":"HEAD","employmentStatus":"FLEXIBLE",
                  "disabilityLevel":"NONE","wageIncome":600},
                 {"name":"赵小测","idNumber":"%s","relation":"CHILD","employmentStatus":"STUDENT",
                  "disabilityLevel":"NONE"}]""".formatted(TestApplications.idNumber(true), TestApplications.idNumber(false));
        return Variables.createVariables()
                .putValue("townshipCode", "yuecun").putValue("communityCode", "yuecun-yuecun")
                .putValue("address", "岳村8号").putValue("caseCategory", "ORDINARY")
                .putValue("bankName", "中国农业银行").putValue("bankAccount", "622848001234567890")
                .putValue("waterMonthly", 20).putValue("electricityMonthly", 40).putValue("relatedToStaff", false)
                .putValueTyped("members", SpinValues.jsonValue(members).create());
    }

    /** The real BPMN with its listeners removed and every service / business-rule task a no-op. */
    private void deployFloor() throws IOException {
        if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(FLOOR_KEY).count() > 0) {
            return;
        }
        String bpmn = Files.readString(Path.of("processes/dibao-application.bpmn"), StandardCharsets.UTF_8)
                .replaceAll("(?s)<bpmn:extensionElements>.*?</bpmn:extensionElements>", "")
                .replaceAll(" camunda:formHandlerClass=\"[^\"]*\"", "")
                .replace("id=\"dibao-application\"", "id=\"" + FLOOR_KEY + "\"")
                .replace("bpmnElement=\"dibao-application\"", "bpmnElement=\"" + FLOOR_KEY + "\"")
                .replaceAll("camunda:delegateExpression=\"[^\"]*\"", "camunda:expression=\"\\${execution.id}\"")
                .replaceAll("camunda:expression=\"\\$\\{dibaoApplicationSteps[^\"]*\"", "camunda:expression=\"\\${execution.id}\"")
                .replaceAll("<bpmn:businessRuleTask id=\"([^\"]+)\" name=\"([^\"]+)\"[^>]*>",
                        "<bpmn:serviceTask id=\"$1\" name=\"$2\" camunda:expression=\"\\${execution.id}\">")
                .replace("</bpmn:businessRuleTask>", "</bpmn:serviceTask>")
                .replace("camunda:dueDate=\"${noticeEndsAt}\"", "")
                .replace("${dibaoSettings.noticePeriod}", "P7D")
                // conditions that ask project code take the default route: district approval, not sampled
                .replace("${!dibaoSettings.townshipConfirms}", "${true}")
                .replace("${dibaoSettings.townshipConfirms}", "${false}")
                .replaceAll("\\$\\{!dibaoApplicationSteps\\.\\w+\\(execution\\)\\}", "\\${true}")
                .replaceAll("\\$\\{dibaoApplicationSteps\\.\\w+\\(execution\\)\\}", "\\${false}");
        List<String> problems = new ArrayList<>();
        if (bpmn.contains("dibaoApplicationSteps") || bpmn.contains("dibaoSettings") || bpmn.contains("fourEyes")
                || bpmn.contains("decisionRef")
                || bpmn.contains("cn.minzheng")) {
            problems.add("floor still calls project code");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join(", ", problems));
        }
        // with the forms the real process names, as every process version is deployed
        DeploymentBuilder floor = repositoryService.createDeployment().name("benchmark floor").addString("intake-floor.bpmn", bpmn);
        for (String formId : DeploymentUnits.formRefs(bpmn)) {
            floor.addString(formId + ".form", Files.readString(Path.of("forms", formId + ".form"), StandardCharsets.UTF_8));
        }
        floor.deploy();
        Authorization grant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId("clerk-yuecun");
        grant.setResource(Resources.PROCESS_DEFINITION);
        grant.setResourceId(FLOOR_KEY);
        grant.addPermission(Permissions.CREATE_INSTANCE);
        authorizationService.saveAuthorization(grant);
    }
}
