package io.vdibot.core.management;

import io.vdibot.core.slack.SlackEnabled;
import io.vdibot.core.teams.TeamsEnabled;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Health and metrics need a web server even when no chat adapter does. Spring Boot starts the management server
 * ({@code management.server.port}) only as a child of a servlet application, so this makes the application a servlet
 * one and, when neither Slack's HTTP mode nor Teams needs the chat port, turns the chat port off
 * ({@code server.port=-1}: Tomcat starts without a listening connector) — only the management port listens then.
 *
 * <p>Added as defaults after the configuration files and before the Slack and Teams switches, so it wins over the
 * Slack switch's "no web server" default and never over explicit settings. {@code management.server.port=-1}
 * switches the management server off and leaves the chat adapters' choice alone.
 */
public final class ManagementServerSwitch implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE = "vdibot-management-server";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (managementServerOff(environment)) {
            return;
        }
        refuseSharedPort(environment);
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("spring.main.web-application-type", "servlet");
        if (!SlackEnabled.needsWebServer(environment) && !TeamsEnabled.isEnabled(environment)) {
            defaults.put("server.port", "-1");
        }
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, defaults));
    }

    /** Health details and metrics are for operators: on the chat port they would face the internet. */
    private static void refuseSharedPort(ConfigurableEnvironment environment) {
        Integer management = environment.getProperty("management.server.port", Integer.class);
        Integer chat = environment.getProperty("server.port", Integer.class);
        if (management != null && management > 0 && management.equals(chat)) {
            throw new IllegalStateException("management.server.port and server.port are both " + chat
                    + ": health and metrics must not be served on the chat port; give the management server a port"
                    + " of its own");
        }
    }

    private static boolean managementServerOff(ConfigurableEnvironment environment) {
        Integer port = environment.getProperty("management.server.port", Integer.class);
        return port == null || port < 0;
    }

    @Override
    public int getOrder() {
        // before the Teams (LOWEST - 1) and Slack (LOWEST) switches: sources added last earlier take precedence
        return Ordered.LOWEST_PRECEDENCE - 2;
    }
}
