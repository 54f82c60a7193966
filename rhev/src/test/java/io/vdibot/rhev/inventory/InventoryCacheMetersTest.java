package io.vdibot.rhev.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vdibot.commands.view.InventoryKind;
import io.vdibot.rhev.call.EngineCalls;
import io.vdibot.rhev.support.MutableClock;
import io.vdibot.rhev.support.Sites;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reads served from the cache and loads from the engine are counted per site and kind; each list's age is shown. */
class InventoryCacheMetersTest {

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
    void hitsMissesAndAgeByKind() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        MutableClock clock = new MutableClock(Instant.parse("2026-11-26T09:00:00Z"));
        InventoryCache cache = new InventoryCache(new InventoryQueries(new EngineCalls(sites.connections())),
                Duration.ofSeconds(30), clock, meters);

        cache.names("dc1", InventoryKind.TEMPLATES, "", 5);
        cache.exists("dc1", InventoryKind.TEMPLATES, "rhel9-desktop");
        clock.advance(Duration.ofSeconds(12));
        cache.templates("dc1");

        assertThat(count(meters, "templates", "miss")).isEqualTo(1);
        assertThat(count(meters, "templates", "hit")).isEqualTo(2);
        assertThat(meters.get("vdibot.inventory.cache.age").tags("site", "dc1", "kind", "templates").timeGauge()
                .value(TimeUnit.SECONDS)).isEqualTo(12);
        assertThat(meters.get("vdibot.inventory.cache.age").tags("site", "dc1", "kind", "vms").timeGauge()
                .value(TimeUnit.SECONDS)).as("nothing loaded yet").isNaN();

        clock.advance(Duration.ofSeconds(30));
        cache.templates("dc1");
        assertThat(count(meters, "templates", "miss")).as("expired: loaded again").isEqualTo(2);
        assertThat(meters.get("vdibot.inventory.cache.age").tags("site", "dc1", "kind", "templates").timeGauge()
                .value(TimeUnit.SECONDS)).isZero();
    }

    private static double count(SimpleMeterRegistry meters, String kind, String result) {
        return meters.get("vdibot.inventory.cache").tags("site", "dc1", "kind", kind, "result", result).counter()
                .count();
    }
}
