package io.vdibot.core.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.core.management.ManagementClient;
import io.vdibot.core.management.PrometheusScrape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bot as deployed with a chat platform: Slack in HTTP mode on the chat port, health and metrics on the management
 * port only; and the Grafana dashboard and Prometheus alerts of {@code deploy/} query nothing the running bot does not
 * expose, so they cannot drift from the code.
 */
class SlackManagementEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration RUN = Duration.ofSeconds(90);
    private static final Pattern METRIC = Pattern.compile("\\bvdibot_[a-z0-9_]+");
    private static final Path DEPLOY = Path.of("..", "deploy");
    private static SlackHarness bot;
    private static ManagementClient management;

    @BeforeAll
    static void start() {
        bot = SlackHarness.start(Map.of());
        management = ManagementClient.of(bot.context());
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    @Test
    void healthAndMetricsAreServedOnTheManagementPortOnlyNeverOnTheChatPort() {
        int chatPort = Integer.parseInt(bot.context().getEnvironment().getProperty("local.server.port"));
        assertThat(chatPort).isNotEqualTo(management.port());
        for (String path : new String[] {"/actuator", "/actuator/health", "/actuator/health/readiness",
                "/actuator/prometheus", "/actuator/info"}) {
            assertThat(management.get(chatPort, path).statusCode()).as("chat port " + path).isEqualTo(404);
            assertThat(management.get(path).statusCode()).as("management port " + path).isEqualTo(200);
        }
        assertThat(management.get(SlackConfiguration.EVENTS_PATH).statusCode())
                .as("Slack's endpoint is not on the management port").isEqualTo(404);
    }

    @Test
    void everyMetricTheDashboardAndTheAlertsQueryIsExposedByTheRunningBot() throws IOException {
        bot.slash("U0ALICE", "C0DEV", "vm create metrics-01 template=rhel9-desktop", "metrics");
        String task = bot.awaitTask("metrics-01", WAIT);
        long deadline = System.nanoTime() + RUN.toNanos();
        while (bot.task(task).status() != TaskStatus.SUCCEEDED && System.nanoTime() < deadline) {
            sleep();
        }
        assertThat(bot.task(task).status()).isEqualTo(TaskStatus.SUCCEEDED);

        Set<String> exposed = PrometheusScrape.parse(management.get("/actuator/prometheus").body()).names();
        Set<String> dashboard = metricsIn(DEPLOY.resolve("grafana/vdibot-dashboard.json"));
        Set<String> alerts = metricsIn(DEPLOY.resolve("prometheus/alerts.yml"));

        assertThat(dashboard).as("the dashboard's metrics").hasSizeGreaterThan(15);
        assertThat(alerts).as("the alerts' metrics").contains("vdibot_engine_site_up",
                "vdibot_tasks_finished_total", "vdibot_task_schedule_lag_seconds_bucket",
                "vdibot_approvals_pending_oldest_seconds", "vdibot_scheduler_nodes");
        assertThat(exposed).as("exposed by the bot").containsAll(dashboard).containsAll(alerts);
    }

    /** Every {@code vdibot_…} name in a file: queries, legends and descriptions alike must name real metrics. */
    private static Set<String> metricsIn(Path file) throws IOException {
        Set<String> names = new TreeSet<>();
        Matcher matcher = METRIC.matcher(Files.readString(file));
        while (matcher.find()) {
            names.add(matcher.group());
        }
        return names;
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
