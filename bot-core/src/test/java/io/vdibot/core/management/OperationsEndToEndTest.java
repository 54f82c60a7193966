package io.vdibot.core.management;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vdibot.core.e2e.BotHarness;
import io.vdibot.core.execution.NodeIdentity;
import io.vdibot.rhev.simulator.Simulator;
import io.vdibot.rhev.simulator.faults.FaultPlan;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The bot on its embedded defaults as an operator sees it: health probes and Prometheus on the management port,
 * with meters that say what the bot did (a VM created, a request waiting for an approver, a site that stopped).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperationsEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration RUN = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static BotHarness bot;
    private static ManagementClient management;
    private static final PrintStream STDERR = System.err;
    private static final List<String> logLines = new CopyOnWriteArrayList<>();
    private static String vmCreateTask;

    @BeforeAll
    static void start() {
        // the bot logs to standard error: keep printing it, and keep its lines
        System.setErr(new PrintStream(new LineTee(STDERR, logLines), true, StandardCharsets.UTF_8));
        bot = BotHarness.start(Map.of(
                "vdibot.health.site-check-interval", "300ms",
                "vdibot.metrics.cluster-interval", "200ms",
                // a delete waits for an approver here, so the approval gauges have something to count
                "vdibot.approval.commands", "vm.delete",
                "logging.structured.format.console", "ecs"));
        management = ManagementClient.of(bot.context());
    }

    @AfterAll
    static void stop() {
        bot.close();
        System.setErr(STDERR);
        // Spring Boot passes the format on as a system property; later bots of this JVM log as configured
        System.clearProperty("CONSOLE_LOG_STRUCTURED_FORMAT");
    }

    @Test
    @Order(1)
    void aVmCreateShowsInTheMeters() {
        bot.type("/login alice");
        bot.type("/vdi vm create ops-01 template=rhel9-desktop");
        String task = bot.awaitTask("ops-01", WAIT);
        bot.awaitIn(task, "^ok: .*ops-01", RUN);
        vmCreateTask = task;

        PrometheusScrape scrape = awaitScrape(s -> s.sum("vdibot_tasks_finished_total", Map.of()) >= 1);
        Map<String, String> vmCreate = Map.of("command", "vm.create");
        assertThat(scrape.value("vdibot_tasks_accepted_total", with(vmCreate, "outcome", "scheduled"))).isEqualTo(1);
        assertThat(scrape.sum("vdibot_tasks_accepted_total", with(vmCreate, "outcome", "refused"))).isZero();
        assertThat(scrape.value("vdibot_tasks_finished_total", with(vmCreate, "outcome", "succeeded"))).isEqualTo(1);
        assertThat(scrape.value("vdibot_task_duration_seconds_count", with(vmCreate, "outcome", "succeeded")))
                .isEqualTo(1);
        assertThat(scrape.value("vdibot_task_duration_seconds_sum", with(vmCreate, "outcome", "succeeded")))
                .as("a VM created, started and given an address takes a moment").isGreaterThan(0.1);
        assertThat(scrape.samples("vdibot_task_duration_seconds_bucket", vmCreate)).as("a histogram").hasSizeGreaterThan(5);
        assertThat(scrape.value("vdibot_task_schedule_lag_seconds_count", vmCreate)).isEqualTo(1);
        assertThat(scrape.value("vdibot_task_schedule_lag_seconds_sum", vmCreate))
                .as("run now: started within seconds of being due").isBetween(0.0, 10.0);
        assertThat(scrape.value("vdibot_tasks_running", Map.of("node", bot.bean(NodeIdentity.class).id())))
                .isZero();

        Map<String, String> dc1 = Map.of("site", "dc1", "outcome", "success");
        assertThat(scrape.sum("vdibot_engine_calls_seconds_count", dc1)).isGreaterThan(5);
        assertThat(scrape.sum("vdibot_engine_calls_seconds_count", with(dc1, "operation", "POST /vms")))
                .as("the VM was added").isEqualTo(1);
        assertThat(scrape.sum("vdibot_engine_calls_seconds_count", with(dc1, "operation", "POST /vms/{id}/start")))
                .isEqualTo(1);
        assertThat(scrape.sum("vdibot_engine_calls_seconds_count", Map.of("outcome", "unreachable"))).isZero();

        Map<String, String> templates = Map.of("site", "dc1", "kind", "templates");
        assertThat(scrape.value("vdibot_inventory_cache_total", with(templates, "result", "miss"))).isPositive();
        assertThat(scrape.value("vdibot_inventory_cache_age_seconds", templates)).isBetween(0.0, 60.0);
        assertThat(scrape.sum("vdibot_directory_lookups_seconds_count", Map.of("outcome", "found"))).isPositive();
        assertThat(scrape.value("vdibot_engine_site_up", Map.of("site", "dc1"))).isEqualTo(1);
        assertThat(scrape.value("vdibot_scheduler_nodes", Map.of())).isEqualTo(1);
        assertThat(scrape.value("vdibot_approvals_pending", Map.of())).isZero();
    }

    @Test
    @Order(2)
    void aRequestWaitingForAnApproverIsCountedWithItsAge() {
        bot.type("/login alice");
        bot.type("/vdi vm delete ops-01");
        bot.await("\\[T\\d+\\] .*(approv)", WAIT);

        PrometheusScrape scrape = awaitScrape(s -> s.value("vdibot_approvals_pending", Map.of()) == 1);
        assertThat(scrape.value("vdibot_tasks_accepted_total",
                Map.of("command", "vm.delete", "outcome", "pending_approval"))).isEqualTo(1);
        assertThat(scrape.value("vdibot_approvals_pending_oldest_seconds", Map.of())).isBetween(0.0, 60.0);
    }

    @Test
    @Order(3)
    void aSiteThatStopsLeavesTheBotReadyButDegraded() throws Exception {
        FaultPlan.Settings down = new FaultPlan.Settings();
        down.down = true;
        FaultPlan dc2 = bot.bean(Simulator.class).site("dc2").faults();
        dc2.apply(down);
        try {
            JsonNode readiness = awaitReadiness(r -> "DEGRADED".equals(r.path("status").asText()));
            assertThat(readiness.at("/components/sites/details/dc2/status").asText()).isEqualTo("DOWN");
            assertThat(readiness.at("/components/sites/details/dc2/problem").asText()).contains("dc2");
            assertThat(readiness.at("/components/sites/details/dc1/status").asText()).isEqualTo("UP");
            assertThat(readiness.at("/components/db/status").asText()).isEqualTo("UP");
            assertThat(readiness.at("/components/directory/status").asText()).isEqualTo("UP");
            assertThat(management.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
            assertThat(scrape().value("vdibot_engine_site_up", Map.of("site", "dc2"))).isZero();
        } finally {
            dc2.clear();
        }
        JsonNode healed = awaitReadiness(r -> "UP".equals(r.path("status").asText()));
        assertThat(healed.at("/components/sites/details/dc2/status").asText()).isEqualTo("UP");
    }

    @Test
    @Order(4)
    void onlyHealthInfoAndPrometheusAreExposed() throws Exception {
        HttpResponse<String> index = management.get("/actuator");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(index.body()).path("_links").fieldNames()).toIterable()
                .allMatch(link -> link.equals("self") || link.startsWith("health") || link.equals("info")
                        || link.equals("prometheus"))
                .contains("health", "info", "prometheus");
        for (String hidden : new String[] {"/actuator/env", "/actuator/beans", "/actuator/metrics",
                "/actuator/configprops", "/actuator/loggers", "/actuator/heapdump", "/actuator/threaddump"}) {
            assertThat(management.get(hidden).statusCode()).as(hidden).isEqualTo(404);
        }
        assertThat(management.get("/actuator/info").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(5)
    void withStructuredLoggingATasksLinesAreJsonCarryingItsIdAndCommand() throws Exception {
        assertThat(vmCreateTask).as("the VM create ran first").isNotNull();
        // the task's end, not its first line: on a busy machine a retried statement may be logged before it
        String line = logLines.stream().filter(l -> l.contains("\"" + vmCreateTask + "\""))
                .filter(l -> l.contains("ended SUCCEEDED")).findFirst()
                .orElseThrow(() -> new AssertionError("no end line of " + vmCreateTask + " in:\n"
                        + String.join("\n", logLines)));
        JsonNode entry = JSON.readTree(line);
        assertThat(entry.path("task").asText()).isEqualTo(vmCreateTask);
        assertThat(entry.path("command").asText()).isEqualTo("vm.create");
        assertThat(entry.path("message").asText()).contains("ended SUCCEEDED");
        assertThat(entry.at("/log/level").asText()).isEqualTo("INFO");
        assertThat(entry.at("/service/name").asText()).isEqualTo("vdibot");
        assertThat(logLines).as("every line is JSON").allSatisfy(l -> JSON.readTree(l));
    }

    /** Copies what is printed and splits it into lines. */
    private static final class LineTee extends OutputStream {
        private final PrintStream copy;
        private final List<String> lines;
        private final ByteArrayOutputStream current = new ByteArrayOutputStream();

        LineTee(PrintStream copy, List<String> lines) {
            this.copy = copy;
            this.lines = lines;
        }

        @Override
        public synchronized void write(int b) {
            copy.write(b);
            if (b == '\n') {
                lines.add(current.toString(StandardCharsets.UTF_8));
                current.reset();
            } else {
                current.write(b);
            }
        }
    }

    private static Map<String, String> with(Map<String, String> labels, String key, String value) {
        Map<String, String> more = new java.util.LinkedHashMap<>(labels);
        more.put(key, value);
        return more;
    }

    private static PrometheusScrape scrape() {
        HttpResponse<String> response = management.get("/actuator/prometheus");
        assertThat(response.statusCode()).isEqualTo(200);
        return PrometheusScrape.parse(response.body());
    }

    /** Gauges read the database at an interval, and a finished task is counted just after its last line. */
    private static PrometheusScrape awaitScrape(Predicate<PrometheusScrape> ready) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        PrometheusScrape scrape = scrape();
        while (!safely(ready, scrape) && System.nanoTime() < deadline) {
            sleep();
            scrape = scrape();
        }
        return scrape;
    }

    private static JsonNode awaitReadiness(Predicate<JsonNode> wanted) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            HttpResponse<String> response = management.get("/actuator/health/readiness");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode body = JSON.readTree(response.body());
            if (wanted.test(body) || System.nanoTime() > deadline) {
                assertThat(wanted.test(body)).as(response.body()).isTrue();
                return body;
            }
            sleep();
        }
    }

    private static boolean safely(Predicate<PrometheusScrape> ready, PrometheusScrape scrape) {
        try {
            return ready.test(scrape);
        } catch (AssertionError notYet) {
            return false;
        }
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
