package io.vdibot.core.health;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * The engines, one entry per configured site (its status, when it was checked, and what went wrong). A site that is
 * down makes the bot {@link #DEGRADED}, not DOWN: the other sites still work, and taking the bot out of service would
 * only stop those too.
 *
 * <p>The sites are details of one indicator rather than components of their own: Spring Boot aggregates components
 * by status alone, so a DOWN site component would make the whole readiness group DOWN.
 */
public final class SitesHealthIndicator implements HealthIndicator {

    /** Between UP and DOWN ({@code management.endpoint.health.status.order}), answered with HTTP 200. */
    public static final Status DEGRADED = new Status("DEGRADED", "a site does not answer; the others work");

    private final SiteProbe probe;

    public SitesHealthIndicator(SiteProbe probe) {
        this.probe = probe;
    }

    @Override
    public Health health() {
        Map<String, SiteProbe.Check> checks = probe.lastChecks();
        Map<String, Object> details = new LinkedHashMap<>();
        boolean anyDown = false;
        for (String site : probe.sites()) {
            SiteProbe.Check check = checks.get(site);
            Map<String, Object> entry = new LinkedHashMap<>();
            if (check == null) {
                entry.put("status", Status.UNKNOWN.getCode());
                entry.put("problem", "not checked yet");
            } else {
                entry.put("status", (check.up() ? Status.UP : Status.DOWN).getCode());
                entry.put("checkedAt", check.at().toString());
                if (check.problem() != null) {
                    entry.put("problem", check.problem());
                }
                anyDown |= !check.up();
            }
            details.put(site, entry);
        }
        return Health.status(anyDown ? DEGRADED : Status.UP).withDetails(details).build();
    }
}
