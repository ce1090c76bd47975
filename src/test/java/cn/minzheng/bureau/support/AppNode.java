package cn.minzheng.bureau.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The application in a JVM of its own, as a node of an installation: started with the test's class
 * path and the given settings, ready once a user can log in, and stopped the hard way (kill -9) when
 * a test needs a node to die.
 */
public final class AppNode implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int port;
    private final String name;

    private AppNode(String name, Process process, Path log, int port) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts the application with these extra arguments (e.g. the postgres profile's settings). */
    public static AppNode start(String name, String mainClass, List<String> arguments) throws IOException {
        Path dir = Files.createTempDirectory("node-" + name);
        int port = freePort();
        // surefire's class path, without empty entries (the JVM would read one as the working directory)
        String classPath = Arrays.stream(System.getProperty("surefire.test.class.path",
                        System.getProperty("java.class.path")).split(File.pathSeparator))
                .filter(entry -> !entry.isBlank()).collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(
                System.getProperty("java.home") + File.separator + "bin" + File.separator + "java", "-Xmx512m",
                "-cp", classPath, mainClass, "--server.port=" + port, "--logging.level.root=warn",
                "--logging.level.cn.minzheng.bureau=info"));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("node.log").toFile());
        builder.environment().put("BUREAU_ALLOW_DEMO_CREDENTIALS", "true");
        return new AppNode(name, builder.start(), dir.resolve("node.log"), port);
    }

    /** The node's operating-system process id (its memory: /proc/PID/status). */
    public long pid() {
        return process.pid();
    }

    public int port() {
        return port;
    }

    public Http http() {
        return new Http(port);
    }

    /** Waits until the given user can use the REST API (the node is up and its users exist). */
    public AppNode awaitLogin(String user, long timeoutSeconds) throws Exception {
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        Http http = http();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("node " + name + " exited:\n" + tail());
            }
            try {
                if (http.get(user, "/engine-rest/user/" + user + "/profile").status() == 200) {
                    return this;
                }
            } catch (IllegalStateException notListeningYet) {
                // starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("node " + name + " not up within " + timeoutSeconds + " s:\n" + tail());
    }

    /** Waits until /actuator/health answers (the application has started, with or without users). */
    public AppNode awaitHealthy(long timeoutSeconds) throws Exception {
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        Http http = http();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("node " + name + " exited:\n" + tail());
            }
            try {
                if (http.get(null, "/actuator/health").status() == 200) {
                    return this;
                }
            } catch (IllegalStateException notListeningYet) {
                // starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("node " + name + " not up within " + timeoutSeconds + " s:\n" + tail());
    }

    /** Waits for the node to end by itself (a start that fails) and returns its log. */
    public String awaitExit(long timeoutSeconds) throws Exception {
        if (!process.waitFor(timeoutSeconds, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new IllegalStateException("node " + name + " still running after " + timeoutSeconds + " s");
        }
        return Files.readString(log);
    }

    /** kill -9: no shutdown hook, no transaction finished. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** The node's whole log so far. */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }

    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
