package cn.minzheng.bureau.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for what another process or node does in its own time: the condition is polled until true or the time is up. */
public final class Eventually {

    private Eventually() {
    }

    public static void waitFor(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout);
            }
            Thread.sleep(250);
        }
    }
}
