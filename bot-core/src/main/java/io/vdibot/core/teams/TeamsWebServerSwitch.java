package io.vdibot.core.teams;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Teams always calls the bot over HTTPS ({@code /api/messages}), so with Teams configured the web server starts even
 * when Slack runs in Socket Mode or not at all. Added after the configuration files and before the Slack switch's
 * "no web server" default, so it wins over that default but never over an explicit
 * {@code spring.main.web-application-type}.
 */
public final class TeamsWebServerSwitch implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE = "vdibot-teams-web-server";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (TeamsEnabled.isEnabled(environment)) {
            environment.getPropertySources().addLast(new MapPropertySource(SOURCE,
                    Map.of("spring.main.web-application-type", "servlet")));
        }
    }

    @Override
    public int getOrder() {
        // one before the Slack switch: sources added last earlier take precedence over those added after them
        return Ordered.LOWEST_PRECEDENCE - 1;
    }
}
