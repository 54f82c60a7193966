package io.vdibot.rhev.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vdibot.rhev.call.EngineCalls;
import io.vdibot.rhev.call.EngineException;
import io.vdibot.rhev.call.RetryPolicy;
import io.vdibot.rhev.support.Faults;
import io.vdibot.rhev.support.Sites;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every HTTP request the SDK sends is timed by site, operation (ids left out) and outcome. */
class EngineCallMeterTest {

    private static Sites sites;

    @BeforeAll
    static void startEngines() {
        sites = Sites.start();
    }

    @AfterAll
    static void stopEngines() {
        sites.close();
    }

    @Test
    void operationsAreTheApiPathsWithoutIds() {
        assertThat(EngineCallMeter.operation("GET",
                URI.create("https://e/ovirt-engine/api/vms?search=name%3Dx&follow=reported_devices")))
                .isEqualTo("GET /vms");
        assertThat(EngineCallMeter.operation("POST",
                URI.create("https://e/ovirt-engine/api/vms/4f0c7a52-1b4e-4a5e-9d3c-2f1e8b6a7c10/start")))
                .isEqualTo("POST /vms/{id}/start");
        assertThat(EngineCallMeter.operation("GET", URI.create("https://e/ovirt-engine/api/storagedomains/"
                + "0a1b/templates"))).isEqualTo("GET /storagedomains/{id}/templates");
        assertThat(EngineCallMeter.operation("POST", URI.create("https://e/ovirt-engine/sso/oauth/token")))
                .isEqualTo("POST /sso/oauth/token");
        assertThat(EngineCallMeter.operation("GET", URI.create("https://e/ovirt-engine/api")))
                .isEqualTo("GET /");
        assertThat(EngineCallMeter.operation("GET", URI.create("https://e/ovirt-engine/api/vms/My-VM.01")))
                .as("a name in a path is no tag value").isEqualTo("GET /vms/{id}");
    }

    @Test
    void callsAreTimedBySiteOperationAndOutcome() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        List<SiteConfig> configs = List.of(sites.config("dc1"), sites.config("dc2"));
        EngineConnections connections = sites.track(new EngineConnections(configs, Sites.FAST, meters));
        EngineCalls once = new EngineCalls(connections, new RetryPolicy(1, Duration.ZERO, Duration.ZERO),
                wait -> { });

        once.call("dc1", "list clusters", c -> c.systemService().clustersService().list().send().clusters());
        once.call("dc1", "list clusters", c -> c.systemService().clustersService().list().send().clusters());

        assertThat(timer(meters, "dc1", "GET /clusters", "success").count()).isEqualTo(2);
        assertThat(timer(meters, "dc1", "POST /sso/oauth/token", "success").count())
                .as("the SDK's login is a call too").isEqualTo(1);
        assertThat(timer(meters, "dc1", "GET /clusters", "success").totalTime(java.util.concurrent.TimeUnit.NANOSECONDS))
                .isPositive();

        sites.simulator().site("dc2").faults().apply(Faults.down());
        try {
            assertThatThrownBy(() -> once.checkAnswers("dc2")).isInstanceOf(EngineException.class);
        } finally {
            sites.simulator().site("dc2").faults().clear();
        }
        assertThat(meters.find(EngineCallMeter.NAME).tag("site", "dc2").tag("outcome", "unreachable").timers())
                .as("an engine that drops the connection").isNotEmpty();
        assertThat(meters.find(EngineCallMeter.NAME).tag("site", "dc2").tag("outcome", "success").timers())
                .isEmpty();
    }

    private static Timer timer(SimpleMeterRegistry meters, String site, String operation, String outcome) {
        Timer timer = meters.find(EngineCallMeter.NAME).tags("site", site, "operation", operation, "outcome", outcome)
                .timer();
        assertThat(timer).as(site + " " + operation + " " + outcome + " among " + meters.getMetersAsString())
                .isNotNull();
        return timer;
    }
}
