package io.vdibot.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InOrderPerKeyTest {

    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void oneKeysWorkRunsInTheOrderItCameOnAPoolOfManyThreads() throws InterruptedException {
        InOrderPerKey ordered = new InOrderPerKey(pool);
        List<Integer> ran = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(200);
        for (int i = 0; i < 200; i++) {
            int n = i;
            ordered.execute("alice", () -> {
                ran.add(n);
                done.countDown();
            });
        }
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(ran).containsExactlyElementsOf(IntStream.range(0, 200).boxed().toList());
    }

    @Test
    void anotherKeyIsNotHeldUpByABusyOne() throws InterruptedException {
        InOrderPerKey ordered = new InOrderPerKey(pool);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch bobDone = new CountDownLatch(1);
        ordered.execute("alice", () -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        ordered.execute("bob", bobDone::countDown);
        assertThat(bobDone.await(30, TimeUnit.SECONDS)).isTrue();
        release.countDown();
    }

    @Test
    void aFailingPieceDoesNotStopTheOnesBehindIt() throws InterruptedException {
        InOrderPerKey ordered = new InOrderPerKey(pool);
        CountDownLatch after = new CountDownLatch(1);
        ordered.execute("alice", () -> {
            throw new IllegalStateException("boom");
        });
        ordered.execute("alice", after::countDown);
        assertThat(after.await(30, TimeUnit.SECONDS)).isTrue();
    }
}
