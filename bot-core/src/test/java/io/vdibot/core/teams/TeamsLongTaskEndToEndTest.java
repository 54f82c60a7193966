package io.vdibot.core.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.vdibot.adapters.teams.testing.Activities;
import io.vdibot.adapters.teams.testing.FakeBotFramework;
import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.persistence.task.TaskRepository;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A task in Teams is one status card, updated in place, plus its result: in a personal chat a VM's steps ("Checking…",
 * "VM created…", "VM is up…") update the card in the order they happened instead of arriving as messages; in a
 * channel a large pool's result shows the first rows of its table and a "show all" action that posts the rest.
 */
class TeamsLongTaskEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration RUN = Duration.ofMinutes(5);
    private static TeamsHarness bot;

    @BeforeAll
    static void start() {
        // large pools run without an approver here: the thread is what is looked at
        bot = new TeamsHarness(Map.of("vdibot.approval.commands", "pool.delete",
                "vdibot.approval.pool-size-threshold", "300"));
    }

    @AfterAll
    static void stop() {
        if (bot != null) {
            bot.close();
        }
    }

    @Test
    void aPersonalChatGetsOneStatusCardUpdatedInOrderAndTheResult() throws Exception {
        String chat = "a:carol-one-card";
        bot.send(bot.activities.personal(TeamsHarness.CAROL, chat, "vm create teams-one-01 template=rhel9-desktop"));
        String task = bot.awaitTask("teams-one-01", WAIT);
        awaitDone(task);
        assertThat(bot.idle(WAIT)).isTrue();
        List<LoggedRequest> posts = awaitCalls(chat, "POST", 2, "is ready");

        assertThat(posts).hasSize(2);
        assertThat(text(posts.get(0))).contains(task);
        String status = URLDecoder.decode(posts.get(0).getUrl(), StandardCharsets.UTF_8);
        List<LoggedRequest> updates = calls(chat, "PUT");
        assertThat(updates).isNotEmpty().allMatch(r -> URLDecoder.decode(r.getUrl(), StandardCharsets.UTF_8)
                .startsWith(status + "/"));
        // each update shows a later stage than (or the same as) the one before it
        List<String> stages = List.of("has started", "Checking", "Creating VM", "created at site", "Waiting for the disks",
                "Starting", "to come up", "Waiting for the IP address", "is up, IP address", "is ready");
        List<Integer> seen = new ArrayList<>();
        for (LoggedRequest update : updates) {
            String card = text(update);
            int stage = -1;
            for (int i = 0; i < stages.size(); i++) {
                if (card.contains(stages.get(i))) {
                    stage = i;
                }
            }
            seen.add(stage);
        }
        assertThat(seen).isSorted();
        assertThat(text(updates.get(updates.size() - 1))).contains("VM teams-one-01 is up, IP address 10.");
    }

    @Test
    void aLargePoolsResultShowsItsFirstRowsAndShowAllPostsTheRest() throws Exception {
        String thread = TeamsHarness.REQUESTS + ";messageid=1700000000300";
        ObjectNode mention = bot.activities.mention(TeamsHarness.CAROL, thread, "channel",
                "vdi pool create tbig-??? template=rhel9-desktop size=238 batch=24 prestarted=24");
        mention.put("id", "1700000000300");
        bot.send(mention);
        String task = bot.awaitTask("tbig-???", WAIT);
        awaitDone(task);
        assertThat(bot.idle(WAIT)).isTrue();

        List<LoggedRequest> posts = awaitCalls(thread, "POST", 2, "tbig-??? is ready");
        assertThat(posts).as("the status card, the result and at most a warning").hasSizeBetween(2, 3);
        assertThat(posts).noneMatch(p -> text(p).contains("Batch "));
        String result = posts.stream().map(TeamsLongTaskEndToEndTest::text).filter(t -> t.contains("is ready"))
                .findFirst().orElseThrow();
        assertThat(result).contains("tbig-001", "Show all 238 rows").doesNotContain("tbig-238");
        String lastUpdate = text(calls(thread, "PUT").get(calls(thread, "PUT").size() - 1));
        assertThat(lastUpdate).contains("Batch 10 of 10 done: 238 of 238 VMs in the pool, 24 up with an IP address");

        JsonNode resultCard = posts.stream().map(TeamsLongTaskEndToEndTest::json)
                .filter(a -> FakeBotFramework.allText(a).contains("is ready")).findFirst().orElseThrow();
        JsonNode showAll = resultCard.findParents("verb").stream()
                .filter(a -> "table.all".equals(a.path("verb").asText()) && a.has("title")
                        && a.path("title").asText().contains("238"))
                .findFirst().orElseThrow();
        HttpResponse<String> clicked = bot.send(bot.activities.invoke(TeamsHarness.CAROL, thread, "channel",
                "act-result", "table.all", (ObjectNode) showAll.path("data")));
        assertThat(clicked.statusCode()).isEqualTo(200);
        assertThat(clicked.body()).contains("Posting all 238 rows");
        bot.awaitSent("tbig-238", WAIT);
        assertThat(bot.idle(WAIT)).isTrue();
        assertThat(calls(thread, "POST").size() - posts.size()).isEqualTo(6);
    }

    private static List<LoggedRequest> calls(String conversation, String method) {
        return bot.bf.connectorCalls().stream()
                .filter(r -> r.getMethod().value().equals(method))
                .filter(r -> URLDecoder.decode(r.getUrl(), StandardCharsets.UTF_8)
                        .startsWith("/v3/conversations/" + conversation + "/activities"))
                .sorted((a, b) -> a.getLoggedDate().compareTo(b.getLoggedDate())).toList();
    }

    /** The {@code method} calls about {@code conversation}, once at least {@code n} and one of them says {@code text}. */
    private static List<LoggedRequest> awaitCalls(String conversation, String method, int n, String text) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            List<LoggedRequest> found = calls(conversation, method);
            if (found.size() >= n && found.stream().anyMatch(r -> text(r).contains(text))) {
                return found;
            }
            TeamsHarness.sleep(100);
        }
        throw new AssertionError("no " + method + " saying " + text + " to " + conversation + ": "
                + calls(conversation, method).stream().map(TeamsLongTaskEndToEndTest::text).toList());
    }

    private static JsonNode json(LoggedRequest request) {
        try {
            return Activities.JSON.readTree(request.getBodyAsString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String text(LoggedRequest request) {
        return FakeBotFramework.allText(json(request));
    }

    private static void awaitDone(String task) {
        long deadline = System.nanoTime() + RUN.toNanos();
        while (System.nanoTime() < deadline) {
            TaskStatus status = bot.bean(TaskRepository.class).findByCode(task).orElseThrow().status();
            if (status == TaskStatus.SUCCEEDED) {
                return;
            }
            assertThat(status).as(task).isIn(TaskStatus.SCHEDULED, TaskStatus.RUNNING, TaskStatus.PENDING_APPROVAL,
                    TaskStatus.WAITING);
            TeamsHarness.sleep(200);
        }
        throw new AssertionError(task + " did not succeed within " + RUN);
    }
}
