package io.vdibot.core.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vdibot.rhev.call.EngineCalls;
import io.vdibot.rhev.call.EngineException;
import io.vdibot.rhev.call.RetryPolicy;
import io.vdibot.rhev.call.Sleeper;
import io.vdibot.rhev.connect.EngineConnections;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks every configured engine for its API root at a fixed interval, each site on its own thread so that one engine
 * that hangs does not delay the others, and keeps the last answer of each. The health check and the
 * {@code vdibot.engine.site.up} gauge read those answers: a readiness probe never waits for an engine, and Prometheus
 * learns that a site is unreachable even while no task calls it.
 */
public final class SiteProbe implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SiteProbe.class);
    /** One try: a probe that retried with backoff would report an outage 15 s late. */
    private static final RetryPolicy ONCE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

    /** The last answer of one site; {@code problem} is null when it answered. */
    public record Check(boolean up, Instant at, String problem) {
    }

    private final EngineCalls calls;
    private final List<String> sites;
    private final Duration interval;
    private final Clock clock;
    private final Map<String, Check> last = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;

    public SiteProbe(EngineConnections connections, Duration interval, Clock clock, MeterRegistry meters) {
        this.calls = new EngineCalls(connections, ONCE, Sleeper.system());
        this.sites = connections.siteNames();
        this.interval = interval;
        this.clock = clock;
        AtomicInteger threads = new AtomicInteger();
        this.timer = Executors.newScheduledThreadPool(sites.size(), runnable -> {
            Thread thread = new Thread(runnable, "site-probe-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        for (String site : sites) {
            Gauge.builder("vdibot.engine.site.up", this, probe -> probe.upValue(site))
                    .description("1 when the site's engine answered its last health check, 0 when it did not")
                    .tag("site", site).register(meters);
        }
    }

    public void start() {
        for (String site : sites) {
            timer.scheduleWithFixedDelay(() -> check(site), 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** The last answer of every site in configuration order; a site not asked yet is missing. */
    public Map<String, Check> lastChecks() {
        Map<String, Check> checks = new LinkedHashMap<>();
        for (String site : sites) {
            Check check = last.get(site);
            if (check != null) {
                checks.put(site, check);
            }
        }
        return checks;
    }

    public List<String> sites() {
        return sites;
    }

    void check(String site) {
        Check previous = last.get(site);
        Check now;
        try {
            calls.checkAnswers(site);
            now = new Check(true, clock.instant(), null);
        } catch (EngineException e) {
            now = new Check(false, clock.instant(), e.getMessage());
        } catch (RuntimeException e) {
            now = new Check(false, clock.instant(), e.toString());
        }
        last.put(site, now);
        if (previous != null && previous.up() != now.up()) {
            if (now.up()) {
                LOG.info("site {} answers again", site);
            } else {
                LOG.warn("site {} does not answer: {}", site, now.problem());
            }
        }
    }

    private double upValue(String site) {
        Check check = last.get(site);
        return check == null ? Double.NaN : check.up() ? 1 : 0;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
