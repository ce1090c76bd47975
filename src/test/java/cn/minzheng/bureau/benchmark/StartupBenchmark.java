package cn.minzheng.bureau.benchmark;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import cn.minzheng.bureau.BureauApplication;
import cn.minzheng.bureau.support.WebappSession;
import cn.minzheng.benchmarkfloor.BareCamundaApplication;

/**
 * Benchmark 4: time from launch to the first successful login (the webapps' login, as a clerk does
 * it) for the application on the embedded default with demo data, in a fresh JVM and a fresh
 * database; floor in the same run: the bare Camunda starter with an administrator.
 * Run: ./mvnw -Pbenchmark test -Dtest=StartupBenchmark
 */
@Tag("benchmark")
class StartupBenchmark {

    private static final int RUNS = Integer.getInteger("benchmark.runs", 2);

    @Test
    void timeToFirstLogin() throws Exception {
        List<String> figures = new ArrayList<>();
        double floorBest = Double.MAX_VALUE;
        double appBest = Double.MAX_VALUE;
        for (int run = 1; run <= RUNS; run++) {
            double floor = secondsToLogin(BareCamundaApplication.class.getName(), "floor", "admin",
                    "--camunda.bpm.admin-user.id=admin", "--camunda.bpm.admin-user.password=demo",
                    "--camunda.bpm.deployment-resource-pattern=classpath*:none/**/*.none",
                    "--camunda.bpm.authorization.enabled=true");
            double app = secondsToLogin(BureauApplication.class.getName(), "bureau", "clerk.yuecun");
            figures.add(String.format("run %d: floor (bare Camunda starter) %.1f s, application with demo data %.1f s",
                    run, floor, app));
            floorBest = Math.min(floorBest, floor);
            appBest = Math.min(appBest, app);
        }
        figures.add(String.format("best: floor %.1f s, application %.1f s, ratio %.2f", floorBest, appBest,
                appBest / floorBest));
        Benchmarks.print("startup to first login (fresh JVM, fresh H2 file database)", figures);
    }

    private static double secondsToLogin(String mainClass, String name, String user, String... extraArgs)
            throws Exception {
        Path data = Files.createTempDirectory("startup-" + name);
        int port = freePort();
        // surefire runs tests from a manifest-only jar; its real class path is in surefire.test.class.path
        // (empty entries dropped: the JVM reads one as the working directory, which holds processes/ again)
        String classPath = java.util.Arrays.stream(System.getProperty("surefire.test.class.path",
                System.getProperty("java.class.path")).split(File.pathSeparator))
                .filter(entry -> !entry.isBlank()).collect(java.util.stream.Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-cp", classPath,
                mainClass, "--server.port=" + port,
                "--spring.datasource.url=jdbc:h2:file:" + data.resolve("db") + ";AUTO_SERVER=TRUE",
                "--spring.profiles.active=default", "--logging.level.root=warn"));
        command.addAll(List.of(extraArgs));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(data.resolve("out.log").toFile()).start();
        try {
            WebappSession browser = new WebappSession(port);
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " exited: " + Files.readString(data.resolve("out.log")));
                }
                try {
                    if (browser.login(user, "demo").statusCode() == 200) {
                        return (System.nanoTime() - start) / 1e9;
                    }
                } catch (IllegalStateException notYetListening) {
                    // connection refused while starting
                }
                Thread.sleep(100);
                if ((System.nanoTime() - start) / 1e9 > 300) {
                    throw new IllegalStateException(name + " did not accept a login within 300 s");
                }
            }
        } finally {
            process.destroy();
            process.waitFor();
        }
    }

    private static String javaBinary() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
