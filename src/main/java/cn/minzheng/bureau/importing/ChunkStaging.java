package cn.minzheng.bureau.importing;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs the database work of a validation's chunks (the lookup against the records and the staging insert) on a
 * thread of its own, so that the next chunk is read and checked meanwhile instead of waiting for the database.
 * At most one chunk is in flight, and chunks run in the order given: a chunk is handed over only once the one
 * before it is done, and its failure (a database error, the batch taken over by another run) is thrown to the
 * reading thread at the next hand-over or at {@link #close}, which always waits for the chunk in flight, so that
 * nothing is staged after the validation has ended.
 */
final class ChunkStaging implements AutoCloseable {

    private final ExecutorService worker;
    private Future<?> inFlight;

    ChunkStaging(String threadName) {
        this.worker = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Waits for the chunk before (throwing its failure), then starts this one. */
    void submit(Runnable chunk) {
        awaitInFlight();
        inFlight = worker.submit(chunk);
    }

    /** Waits for the chunk in flight, if any; its failure is thrown here. */
    void awaitInFlight() {
        Future<?> chunk = inFlight;
        inFlight = null;
        if (chunk == null) {
            return;
        }
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    chunk.get();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true; // the chunk's transaction is short: let it end before anything else happens
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        try {
            awaitInFlight();
        } finally {
            worker.shutdown();
        }
    }
}
