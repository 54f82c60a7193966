package io.vdibot.adapters.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class AdapterWorkersTest {

    private final AdapterWorkers workers = new AdapterWorkers("test-work", 2, 10);

    @Test
    void idleOnlyOnceTheWorkIsDone() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        workers.execute(() -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        started.await();

        assertThat(workers.awaitIdle(Duration.ofMillis(50))).isFalse();
        release.countDown();
        assertThat(workers.awaitIdle(Duration.ofSeconds(10))).isTrue();
        workers.shutdownNow();
    }

    @Test
    void workRunsOnNamedDaemonThreads() throws Exception {
        Thread[] ran = new Thread[1];
        workers.execute(() -> ran[0] = Thread.currentThread());

        assertThat(workers.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(ran[0].isDaemon()).isTrue();
        assertThat(ran[0].getName()).startsWith("test-work-");
        workers.shutdownNow();
    }
}
