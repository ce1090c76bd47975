package cn.minzheng.bureau.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Where the browser tests spend their time: each step of {@link Tasklist} timed, and each time Tasklist had to be
 * asked again (a reload, a second click, a new login) counted. When the test run ends the totals are written to
 * {@code target/browser-timings.tsv}, which CI prints: a slow CI run shows whether the steps got slower or Tasklist's
 * quirks came back.
 */
public final class BrowserTimings {

    private static final Path REPORT = Path.of("target", "browser-timings.tsv");

    private static final Map<String, Step> STEPS = new TreeMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(BrowserTimings::write, "browser-timings"));
    }

    private BrowserTimings() {
    }

    public static <T> T time(String step, Supplier<T> action) {
        long start = System.nanoTime();
        try {
            return action.get();
        } finally {
            record(step, System.nanoTime() - start);
        }
    }

    public static void time(String step, Runnable action) {
        time(step, () -> {
            action.run();
            return null;
        });
    }

    /** A retry: counted, its time is in the step it belongs to. */
    public static void count(String retry) {
        record(retry, 0);
    }

    private static synchronized void record(String step, long nanos) {
        Step totals = STEPS.computeIfAbsent(step, s -> new Step());
        totals.count++;
        totals.nanos += nanos;
        totals.maxNanos = Math.max(totals.maxNanos, nanos);
    }

    private static synchronized void write() {
        if (STEPS.isEmpty()) {
            return;
        }
        StringBuilder report = new StringBuilder("step\tcount\ttotal s\tmean ms\tmax ms\n");
        STEPS.forEach((step, t) -> report.append(String.format("%s\t%d\t%.1f\t%.0f\t%.0f%n", step, t.count, t.nanos / 1e9,
                t.nanos / 1e6 / t.count, t.maxNanos / 1e6)));
        try {
            Files.createDirectories(REPORT.getParent());
            Files.writeString(REPORT, report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Step {
        long count;
        long nanos;
        long maxNanos;
    }
}
