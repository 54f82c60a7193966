package io.vdibot.rhev.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vdibot.rhev.connect.EngineConnections;
import io.vdibot.rhev.support.Faults;
import io.vdibot.rhev.support.Sites;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ovirt.engine.sdk4.builders.ClusterBuilder;
import org.ovirt.engine.sdk4.builders.TemplateBuilder;
import org.ovirt.engine.sdk4.builders.VmBuilder;

class EngineCallsTest {

    private static final RetryPolicy POLICY = new RetryPolicy(4, Duration.ofMillis(100), Duration.ofMillis(250));

    private static Sites sites;
    private static EngineConnections connections;
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final EngineCalls calls = new EngineCalls(connections, POLICY, waits::add);

    @BeforeAll
    static void startEngines() {
        sites = Sites.start();
        connections = sites.connections();
    }

    @AfterAll
    static void stopEngines() {
        sites.close();
    }

    @AfterEach
    void clearFaults() {
        sites.simulator().sites().forEach(site -> site.faults().clear());
    }

    private int countClusters() {
        return calls.call("dc1", "list clusters",
                c -> c.systemService().clustersService().list().send().clusters().size());
    }

    @Test
    void retriesAnEngineAnswering503AndSucceeds() {
        sites.simulator().site("dc1").faults().apply(Faults.failNext(2));

        assertThat(countClusters()).isEqualTo(3);
        assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void retriesAConnectionClosedWithoutAnswer() {
        sites.simulator().site("dc1").faults().apply(Faults.resetNext(1));

        assertThat(countClusters()).isEqualTo(3);
        assertThat(waits).containsExactly(Duration.ofMillis(100));
    }

    @Test
    void givesUpOnASiteThatIsDownAfterTheBoundedAttempts() {
        sites.simulator().site("dc1").faults().apply(Faults.down());

        assertThatThrownBy(this::countClusters).isInstanceOfSatisfying(EngineException.class, e -> {
            assertThat(e.isTransient()).isTrue();
            assertThat(e.kind()).isEqualTo(EngineException.Kind.TRANSPORT);
            assertThat(e.attempts()).isEqualTo(4);
            assertThat(e.site()).isEqualTo("dc1");
            assertThat(e.httpCode()).isZero();
        });
        assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(250));
    }

    @Test
    void failsAtOnceWhenTheEngineRefusesAndQuotesIt() {
        AtomicInteger tries = new AtomicInteger();

        assertThatThrownBy(() -> calls.call("dc1", "add VM", c -> {
            tries.incrementAndGet();
            return c.systemService().vmsService().add().vm(new VmBuilder().name("par-jump-01")
                    .cluster(new ClusterBuilder().name("Infra")).template(new TemplateBuilder().name("rhel8-server")))
                    .send().vm();
        })).isInstanceOfSatisfying(EngineException.class, e -> {
            assertThat(e.httpCode()).isEqualTo(409);
            assertThat(e.reason()).isEqualTo("Operation Failed");
            assertThat(e.engineText()).isEqualTo(
                    "Cannot add VM. The VM name is already in use, please choose a unique name and try again.");
            assertThat(e.isTransient()).isFalse();
            assertThat(e.attempts()).isEqualTo(1);
        });
        assertThat(tries).hasValue(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void leavesExceptionsThatDoNotComeFromTheSdkAlone() {
        IllegalStateException own = new IllegalStateException("a bug of ours");

        assertThatThrownBy(() -> calls.call("dc1", "do something", c -> {
            throw own;
        })).isSameAs(own);
        assertThat(waits).isEmpty();
    }

    @Test
    void anUnknownIdIsAPermanent404() {
        assertThatThrownBy(() -> calls.call("dc1", "get VM",
                c -> c.systemService().vmsService().vmService("no-such-id").get().send()))
                .isInstanceOfSatisfying(EngineException.class, e -> {
                    assertThat(e.httpCode()).isEqualTo(404);
                    assertThat(e.isTransient()).isFalse();
                });
    }
}
