package io.vdibot.core.slack;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The web server starts only for Slack's HTTP mode. Tomcat is on the class path for that mode, and Spring Boot would
 * otherwise start it for every run, taking port 8080 from a console demo or a second bot on the same machine. An
 * explicit {@code spring.main.web-application-type} still wins: this default is added last.
 */
public final class SlackWebServerSwitch implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE = "vdibot-slack-web-server";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!SlackEnabled.needsWebServer(environment)) {
            environment.getPropertySources().addLast(new MapPropertySource(SOURCE,
                    Map.of("spring.main.web-application-type", "none")));
        }
    }

    @Override
    public int getOrder() {
        // after the configuration files are read, so their vdibot.slack.* count
        return Ordered.LOWEST_PRECEDENCE;
    }
}
