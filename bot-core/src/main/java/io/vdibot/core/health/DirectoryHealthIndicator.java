package io.vdibot.core.health;

import io.vdibot.core.directory.DirectoryUnavailableException;
import io.vdibot.core.directory.LdapDirectory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** The directory behind every permission check: without it the bot can only refuse, so it is not ready. */
public final class DirectoryHealthIndicator implements HealthIndicator {

    private final LdapDirectory directory;

    public DirectoryHealthIndicator(LdapDirectory directory) {
        this.directory = directory;
    }

    @Override
    public Health health() {
        try {
            directory.checkAnswers();
            return Health.up().build();
        } catch (DirectoryUnavailableException e) {
            // the message names the lookup and the LDAP result, never the bind password
            return Health.down().withDetail("problem", e.getMessage()).build();
        }
    }
}
