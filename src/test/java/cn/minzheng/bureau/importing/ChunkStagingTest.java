package cn.minzheng.bureau.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import cn.minzheng.bureau.common.RuleViolation;

class ChunkStagingTest {

    @Test
    void chunksRunInTheOrderGivenOneAtATimeOffTheReadingThread() {
        List<Integer> staged = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        try (ChunkStaging staging = new ChunkStaging("staging-test")) {
            for (int i = 0; i < 50; i++) {
                int chunk = i;
                staging.submit(() -> {
                    threads.add(Thread.currentThread().getName());
                    staged.add(chunk);
                });
            }
        }
        assertThat(staged).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 50).boxed().toList());
        assertThat(threads).containsOnly("staging-test");
    }

    @Test
    void theReaderGoesOnWhileAChunkIsStagedAndTheNextHandOverWaitsForIt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<String> events = new CopyOnWriteArrayList<>();
        try (ChunkStaging staging = new ChunkStaging("staging-test")) {
            staging.submit(() -> {
                await(release);
                events.add("first staged");
            });
            events.add("reader went on");
            release.countDown();
            staging.submit(() -> events.add("second staged"));
            assertThat(events).startsWith("reader went on", "first staged");
        }
        assertThat(events).containsExactly("reader went on", "first staged", "second staged");
    }

    @Test
    void aFailedChunkIsThrownToTheReaderAndNothingAfterItIsStaged() {
        List<Integer> staged = new CopyOnWriteArrayList<>();
        ChunkStaging staging = new ChunkStaging("staging-test");
        staging.submit(() -> {
            throw new RuleViolation("IMPORT_TAKEN_OVER", "该批次的校验已由另一节点接手");
        });
        assertThatThrownBy(() -> staging.submit(() -> staged.add(2))).isInstanceOf(RuleViolation.class)
                .hasMessage("该批次的校验已由另一节点接手");
        staging.close();
        assertThat(staged).isEmpty();
    }

    @Test
    void closingWaitsForTheChunkInFlightAndThrowsItsFailure() {
        List<String> events = new CopyOnWriteArrayList<>();
        ChunkStaging staging = new ChunkStaging("staging-test");
        staging.submit(() -> {
            sleep(200);
            events.add("staged");
            throw new IllegalStateException("database gone");
        });
        assertThatThrownBy(staging::close).isInstanceOf(IllegalStateException.class).hasMessage("database gone");
        assertThat(events).containsExactly("staged");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
