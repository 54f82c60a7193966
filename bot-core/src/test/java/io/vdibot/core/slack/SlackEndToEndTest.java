package io.vdibot.core.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.vdibot.commands.Platform;
import io.vdibot.commands.port.MessageHandle;
import io.vdibot.commands.port.ThreadRef;
import io.vdibot.commands.reply.Reply;
import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.core.notify.Notifiers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bot in Slack, end to end over HTTP: slash command → modal → submission → approval click → the task runs on the
 * simulator → the thread is updated and shows the IP; rejections with a reason; mentions in threads; Slack's retries
 * and double clicks; unknown people; requests from another workspace, guests and unconfirmed addresses; 429s; and
 * requests that are forged, expired, replayed or too large. The VM commands (delete, power, snapshot, restore) work
 * from slash commands and their forms with no adapter change. Forms, pickers and the Home tab show nothing of the
 * estate to someone unknown to the directory or without the permission of the command that would show it.
 */
class SlackEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration RUN = Duration.ofSeconds(90);
    private static final String DEV = "C0DEV";
    private static SlackHarness bot;
    private static SlackWebApi slack;

    @BeforeAll
    static void start() {
        // vm.create waits for an approver here, so the whole path fits one quick task
        bot = SlackHarness.start(Map.of("vdibot.approval.commands", "vm.create,template.migrate,pool.delete"));
        slack = bot.slack();
    }

    @AfterAll
    static void stop() {
        if (bot != null) {
            bot.close();
        }
    }

    @Test
    void aModalRequestIsApprovedByButtonRunsAndReportsInItsThread() throws Exception {
        // /vdi vm create without arguments: acked at once, a loading modal opened with the trigger, then filled in
        String trigger = bot.triggerId();
        long started = System.nanoTime();
        HttpResponse<String> ack = bot.post(bot.slashBody("U0ALICE", DEV, "vm create", trigger, "modal"),
                "application/x-www-form-urlencoded", Map.of());
        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        SlackWebApi.Call opened = slack.await("views.open", c -> trigger.equals(c.param("trigger_id")), WAIT);
        assertThat(opened.view().get("callback_id").getAsString()).isEqualTo("vdi_form");
        assertThat(opened.view().get("title").getAsJsonObject().get("text").getAsString()).isEqualTo("Create a VM");
        SlackWebApi.Call filled = slack.await("views.update", c -> c.param("view_id") != null, WAIT);
        String viewId = filled.param("view_id");
        JsonObject form = filled.view();
        List<String> blockIds = StreamSupport.stream(form.getAsJsonArray("blocks").spliterator(), false)
                .map(b -> b.getAsJsonObject().get("block_id").getAsString()).toList();
        assertThat(blockIds).containsExactly("site", "name", "template", "cluster", "memory", "cpus", "init", "at");
        assertThat(filled.param("view")).contains("\"external_select\"", "\"datetimepicker\"");
        String metadata = form.get("private_metadata").getAsString();
        assertThat(metadata).contains("\"form\":\"vm.create\"", "\"channel\":\"C0DEV\"", "\"zone\":\"Europe/Paris\"");

        // the template picker loads from the inventory as the user types
        JsonObject suggestion = new JsonObject();
        suggestion.addProperty("type", "block_suggestion");
        suggestion.add("user", SlackHarness.user("U0ALICE"));
        suggestion.add("team", SlackHarness.team());
        suggestion.addProperty("api_app_id", "A0VDIBOT");
        suggestion.addProperty("token", "legacy-verification-token");
        suggestion.addProperty("action_id", "template");
        suggestion.addProperty("block_id", "template");
        suggestion.addProperty("value", "rhel");
        suggestion.add("view", SlackHarness.submission("U0ALICE", viewId, "vdi_form", metadata,
                new JsonObject()).getAsJsonObject("view"));
        // a cold inventory cache answers nothing rather than late; the next keystroke finds the names
        JsonArray offered = new JsonArray();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (offered.isEmpty() && System.nanoTime() < deadline) {
            long asked = System.nanoTime();
            HttpResponse<String> options = bot.interact(suggestion);
            assertThat(options.statusCode()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(3));
            offered = JsonParser.parseString(options.body()).getAsJsonObject().getAsJsonArray("options");
        }
        assertThat(StreamSupport.stream(offered.spliterator(), false)
                .map(o -> o.getAsJsonObject().get("value").getAsString())).contains("rhel9-desktop")
                .allMatch(v -> v.startsWith("rhel"));

        // a mistake comes back in the submission's ack, next to its field; nothing is created
        HttpResponse<String> wrong = bot.interact(SlackHarness.submission("U0ALICE", viewId, "vdi_form", metadata,
                SlackHarness.values(Map.of("name", SlackHarness.textValue("plain_text_input", "bad name!"),
                        "template", SlackHarness.selected("rhel9-desktop")))));
        JsonObject errors = JsonParser.parseString(wrong.body()).getAsJsonObject();
        assertThat(errors.get("response_action").getAsString()).isEqualTo("errors");
        assertThat(errors.getAsJsonObject("errors").keySet()).containsExactly("name");

        JsonObject good = SlackHarness.submission("U0ALICE", viewId, "vdi_form", metadata,
                SlackHarness.values(Map.of("site", SlackHarness.selected("dc1"),
                        "name", SlackHarness.textValue("plain_text_input", "slack-vm-01"),
                        "template", SlackHarness.selected("rhel9-desktop"))));
        assertThat(bot.interact(good).body()).isNullOrEmpty();
        // a second click on Submit (same view) changes nothing
        bot.interact(good);
        String task = bot.awaitTask("slack-vm-01", WAIT);
        assertThat(bot.task(task).status()).isEqualTo(TaskStatus.PENDING_APPROVAL);

        // the requester's channel: a status message whose thread gets everything else
        SlackWebApi.Call status = slack.await("chat.postMessage", c -> DEV.equals(c.param("channel"))
                && c.allText().contains("Task " + task + " (vm create slack-vm-01 template=rhel9-desktop) is waiting for an approver"), WAIT);
        assertThat(status.param("thread_ts")).isNull();
        String root = slack.postedTs(status);

        // the approvers' card, with both buttons carrying the task id
        SlackWebApi.Call card = slack.await("chat.postMessage", c -> SlackHarness.APPROVERS.equals(c.param("channel"))
                && c.allText().contains(task), WAIT);
        assertThat(card.param("thread_ts")).isNull();
        assertThat(card.param("blocks")).contains("\"action_id\":\"approve\"", "\"action_id\":\"reject\"",
                "\"value\":\"" + task + "\"", "\"style\":\"primary\"", "\"style\":\"danger\"");
        String cardTs = slack.postedTs(card);

        // the requester (no approver) cannot approve: told privately, the card keeps its buttons
        bot.interact(bot.click("U0ALICE", SlackHarness.APPROVERS, cardTs, card.blocks(), "approve", task, "self"));
        JsonObject refusal = slack.awaitResponse("self", r -> true, WAIT);
        assertThat(refusal.get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(refusal.get("text").getAsString()).isEqualTo("\u26A0\uFE0F Sorry, you are not allowed to do that.");
        assertThat(slack.calls("chat.update")).noneMatch(c -> cardTs.equals(c.param("ts")));

        // bob approves; a double click makes no second decision
        bot.interact(bot.click("U0BOB", SlackHarness.APPROVERS, cardTs, card.blocks(), "approve", task, "bob"));
        bot.interact(bot.click("U0BOB", SlackHarness.APPROVERS, cardTs, card.blocks(), "approve", task, "bob"));
        SlackWebApi.Call decided = slack.await("chat.update", c -> cardTs.equals(c.param("ts")), WAIT);
        assertThat(decided.param("channel")).isEqualTo(SlackHarness.APPROVERS);
        assertThat(decided.allText()).contains("was approved by Bob Johnson", "<!date^");
        assertThat(decided.param("blocks")).doesNotContain("\"type\":\"actions\"");
        slack.await("chat.postMessage", c -> DEV.equals(c.param("channel")) && root.equals(c.param("thread_ts"))
                && c.allText().contains("was approved by Bob Johnson"), WAIT);

        // the task runs on the simulator: its status message shows how it gets on (which of its steps an edit shows
        // depends on the edit interval: a busy machine may coalesce "has started" away), its thread gets the IP
        slack.await("chat.update", c -> root.equals(c.param("ts"))
                && c.allText().matches("(?s).*\u21B3[^\n]*slack-vm-01.*"), RUN);
        SlackWebApi.Call ip = slack.await("chat.postMessage", c -> root.equals(c.param("thread_ts"))
                && c.allText().matches("(?s).*slack-vm-01.*10\\.\\d+\\.\\d+\\.\\d+.*"), RUN);
        assertThat(ip.param("channel")).isEqualTo(DEV);
        awaitStatus(task, TaskStatus.SUCCEEDED);
        slack.await("chat.update", c -> root.equals(c.param("ts")) && c.allText().contains("\u21B3"), WAIT);
        slack.await("chat.postMessage", c -> SlackHarness.ONCALL.equals(c.param("channel"))
                && c.allText().contains(task), WAIT);
        assertThat(bot.vmsNamed("dc1", "slack-vm-01")).isEqualTo(1);
        assertThat(bot.tasksNamed("slack-vm-01")).isEqualTo(1);
        assertThat(bot.task(task).approval().decidedBy()).isEqualTo("bob");
        assertThat(bot.idle(WAIT)).isTrue();
        assertThat(slack.calls("chat.postMessage").stream().filter(c -> cardTs.equals(c.param("thread_ts"))
                && c.allText().contains("approved by")).count()).isEqualTo(1);
        assertThat(slack.calls("chat.update").stream().filter(c -> cardTs.equals(c.param("ts"))))
                .as("the click's answer drew the decision on the card, once").hasSize(1);
    }

    @Test
    void anApprovalTypedAsACommandTakesTheButtonsOffTheCard() throws Exception {
        bot.slash("U0ALICE", DEV, "vm create slack-vm-typed template=rhel9-desktop", "typed");
        String task = bot.awaitTask("slack-vm-typed", WAIT);
        SlackWebApi.Call card = slack.await("chat.postMessage", c -> SlackHarness.APPROVERS.equals(c.param("channel"))
                && c.param("thread_ts") == null && c.allText().contains(task), WAIT);
        String cardTs = slack.postedTs(card);

        bot.slash("U0BOB", DEV, "approve " + task, "typed-approve");
        SlackWebApi.Call closed = slack.await("chat.update", c -> cardTs.equals(c.param("ts")), WAIT);
        assertThat(closed.param("channel")).isEqualTo(SlackHarness.APPROVERS);
        assertThat(closed.allText()).contains("Alice Martin asks for approval of task " + task,
                "was approved by Bob Johnson");
        assertThat(closed.param("blocks")).doesNotContain("\"type\":\"actions\"");
        awaitStatus(task, TaskStatus.SUCCEEDED);
        assertThat(bot.idle(WAIT)).isTrue();
        assertThat(slack.calls("chat.update").stream().filter(c -> cardTs.equals(c.param("ts")))).hasSize(1);
    }

    @Test
    void rejectAsksForAReasonAndTheRequesterIsTold() throws Exception {
        HttpResponse<String> ack = bot.slash("U0ALICE", DEV, "vm create slack-vm-02 template=rhel9-desktop", "r2");
        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(JsonParser.parseString(ack.body()).getAsJsonObject().get("response_type").getAsString())
                .isEqualTo("ephemeral");
        String task = bot.awaitTask("slack-vm-02", WAIT);
        SlackWebApi.Call card = slack.await("chat.postMessage", c -> SlackHarness.APPROVERS.equals(c.param("channel"))
                && c.allText().contains(task), WAIT);
        String cardTs = slack.postedTs(card);
        SlackWebApi.Call status = slack.await("chat.postMessage", c -> DEV.equals(c.param("channel"))
                && c.param("thread_ts") == null && c.allText().contains(task), WAIT);

        JsonObject click = bot.click("U0CAROL", SlackHarness.APPROVERS, cardTs, card.blocks(), "reject", task, "carol");
        String trigger = click.get("trigger_id").getAsString();
        bot.interact(click);
        SlackWebApi.Call modal = slack.await("views.open", c -> trigger.equals(c.param("trigger_id")), WAIT);
        assertThat(modal.view().get("callback_id").getAsString()).isEqualTo("vdi_reject");
        assertThat(modal.param("view")).contains("Reject " + task);

        bot.interact(SlackHarness.submission("U0CAROL", "V-REJECT-2", "vdi_reject",
                modal.view().get("private_metadata").getAsString(), SlackHarness.values(Map.of("reason",
                        SlackHarness.textValue("plain_text_input", "no \"budget\" this quarter")))));
        SlackWebApi.Call decided = slack.await("chat.update", c -> cardTs.equals(c.param("ts")), WAIT);
        assertThat(decided.allText()).contains("rejected by Carol Nguyen");
        slack.await("chat.postMessage", c -> slack.postedTs(status).equals(c.param("thread_ts"))
                && c.allText().contains("rejected by Carol Nguyen"), WAIT);
        awaitStatus(task, TaskStatus.REJECTED);
        assertThat(bot.task(task).approval().reason()).isEqualTo("no \"budget\" this quarter");
        assertThat(bot.vmsNamed("dc1", "slack-vm-02")).isZero();
    }

    @Test
    void mentionsAnswerInTheirThreadAndRedeliveriesAreIgnored() throws Exception {
        JsonObject mention = new JsonObject();
        mention.addProperty("type", "app_mention");
        mention.addProperty("user", "U0CAROL");
        mention.addProperty("text", "<@U0VDIBOT> vdi sites");
        mention.addProperty("ts", "1700001000.000200");
        mention.addProperty("thread_ts", "1700001000.000100");
        mention.addProperty("channel", "C0OPS");
        mention.addProperty("event_ts", "1700001000.000200");
        JsonObject envelope = SlackHarness.eventEnvelope("Ev0MENTION1", mention);
        assertThat(bot.event(envelope, 0).statusCode()).isEqualTo(200);
        SlackWebApi.Call answer = slack.await("chat.postMessage", c -> "C0OPS".equals(c.param("channel")), WAIT);
        assertThat(answer.param("thread_ts")).isEqualTo("1700001000.000100");
        assertThat(answer.allText()).contains("dc1", "dc2");
        // Slack's retry of the same event (it did not see our ack in time) is acked and not acted on again
        assertThat(bot.event(envelope, 1).statusCode()).isEqualTo(200);
        assertThat(bot.event(envelope, 2).statusCode()).isEqualTo(200);
        assertThat(bot.idle(WAIT)).isTrue();
        Thread.sleep(500);
        assertThat(slack.calls("chat.postMessage").stream().filter(c -> "C0OPS".equals(c.param("channel"))))
                .hasSize(1);

        // the same slash command delivered twice (same trigger id) makes one task
        String body = bot.slashBody("U0ALICE", DEV, "vm create slack-vm-03 template=rhel9-desktop at=+2h",
                bot.triggerId(), "twice");
        bot.post(body, "application/x-www-form-urlencoded", Map.of());
        bot.post(body.replace("&token=", "&token=") + "", "application/x-www-form-urlencoded", Map.of());
        bot.awaitTask("slack-vm-03", WAIT);
        assertThat(bot.idle(WAIT)).isTrue();
        Thread.sleep(500);
        assertThat(bot.tasksNamed("slack-vm-03")).isEqualTo(1);
    }

    @Test
    void theDashboardAskedInAThreadIsAnsweredThereAndItsPiesAreUploadedIntoThatThread() throws Exception {
        JsonObject mention = new JsonObject();
        mention.addProperty("type", "app_mention");
        mention.addProperty("user", "U0CAROL");
        mention.addProperty("text", "<@U0VDIBOT> vdi dashboard site=dc1");
        mention.addProperty("ts", "1700005000.000200");
        mention.addProperty("thread_ts", "1700005000.000100");
        mention.addProperty("channel", "C0DASH");
        mention.addProperty("event_ts", "1700005000.000200");
        assertThat(bot.event(SlackHarness.eventEnvelope("Ev0DASH1", mention), 0).statusCode()).isEqualTo(200);

        SlackWebApi.Call answer = slack.await("chat.postMessage", c -> "C0DASH".equals(c.param("channel")), WAIT);
        assertThat(answer.param("thread_ts")).isEqualTo("1700005000.000100");
        assertThat(answer.allText()).contains("Dashboard of site dc1", "Hosts: Up (7)", "Without a desktop");
        // the three-step upload: an upload URL, the bytes, then completed into the channel's thread
        SlackWebApi.Call completed = slack.await("files.completeUploadExternal",
                c -> "C0DASH".equals(c.param("channel_id")), WAIT);
        assertThat(completed.param("thread_ts")).isEqualTo("1700005000.000100");
        JsonObject file = JsonParser.parseString(completed.param("files")).getAsJsonArray().get(0).getAsJsonObject();
        assertThat(file.get("title").getAsString()).startsWith("Pie charts of hosts and VMs by status");
        String fileId = file.get("id").getAsString();
        SlackWebApi.Call asked = slack.calls("files.getUploadURLExternal").stream()
                .filter(c -> "dashboard-dc1.png".equals(c.param("filename"))).findFirst().orElseThrow();
        assertThat(Integer.parseInt(asked.param("length"))).isGreaterThan(8_000);
        byte[] uploaded = slack.uploaded(fileId);
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(
                pngIn(uploaded)));
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(960);
    }

    /** The PNG inside an upload's body, whether sent as raw bytes or as a multipart form. */
    private static byte[] pngIn(byte[] body) {
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G'};
        for (int i = 0; i + signature.length <= body.length; i++) {
            if (java.util.Arrays.equals(body, i, i + signature.length, signature, 0, signature.length)) {
                return java.util.Arrays.copyOfRange(body, i, body.length);
            }
        }
        throw new AssertionError("no PNG in the upload");
    }

    @Test
    void aVmIsDeletedFromASlashCommandWithNoChangeToTheAdapter() throws Exception {
        assertThat(bot.vmsNamed("dc1", "par-win11-golden")).isEqualTo(1);
        bot.slash("U0ALICE", DEV, "vm delete par-win11-golden", "delete");
        String task = bot.awaitTask("par-win11-golden", WAIT);
        awaitStatus(task, TaskStatus.SUCCEEDED);
        assertThat(bot.vmsNamed("dc1", "par-win11-golden")).isZero();
        slack.await("chat.postMessage", c -> "C0DEV".equals(c.param("channel"))
                && c.allText().contains("VM par-win11-golden deleted"), WAIT);
    }

    @Test
    void aVmPowerCommandTypedWithoutArgumentsOpensItsForm() throws Exception {
        String trigger = bot.triggerId();
        HttpResponse<String> ack = bot.post(bot.slashBody("U0ALICE", DEV, "vm stop", trigger, "stop-form"),
                "application/x-www-form-urlencoded", Map.of());
        assertThat(ack.statusCode()).isEqualTo(200);
        SlackWebApi.Call opened = slack.await("views.open", c -> trigger.equals(c.param("trigger_id")), WAIT);
        assertThat(opened.view().get("title").getAsJsonObject().get("text").getAsString()).isEqualTo("Power off a VM");
        SlackWebApi.Call filled = slack.await("views.update", c -> c.param("view") != null
                && c.view().get("private_metadata").getAsString().contains("\"form\":\"vm.stop\""), WAIT);
        List<String> blockIds = StreamSupport.stream(filled.view().getAsJsonArray("blocks").spliterator(), false)
                .map(b -> b.getAsJsonObject().get("block_id").getAsString()).toList();
        assertThat(blockIds).containsExactly("site", "name", "at");
    }

    @Test
    void aSnapshotAndItsRestoreAreAskedForThroughTheirFormsWithNoChangeToTheAdapter() throws Exception {
        JsonObject snapshotForm = openForm("vm snapshot", "vm.snapshot", "Take a snapshot of a VM");
        assertThat(blockIds(snapshotForm)).containsExactly("site", "name", "description", "memory", "at");
        assertThat(bot.interact(SlackHarness.submission("U0ALICE", "V-SNAPSHOT", "vdi_form",
                snapshotForm.get("private_metadata").getAsString(),
                SlackHarness.values(Map.of("site", SlackHarness.selected("dc1"),
                        "name", SlackHarness.selected("par-build-01"),
                        "description", SlackHarness.textValue("plain_text_input", "from slack"),
                        "memory", SlackHarness.selected("false"))))).body()).isNullOrEmpty();
        String snapshot = bot.awaitTask("par-build-01", WAIT);
        awaitStatus(snapshot, TaskStatus.SUCCEEDED);
        slack.await("chat.postMessage", c -> DEV.equals(c.param("channel"))
                && c.allText().contains("Snapshot of VM par-build-01 taken"), WAIT);

        JsonObject restoreForm = openForm("vm restore", "vm.restore", "Restore VM to snapshot");
        assertThat(blockIds(restoreForm)).containsExactly("site", "name", "snapshot", "start", "at");
        assertThat(bot.interact(SlackHarness.submission("U0ALICE", "V-RESTORE", "vdi_form",
                restoreForm.get("private_metadata").getAsString(),
                SlackHarness.values(Map.of("name", SlackHarness.selected("par-build-01"),
                        "snapshot", SlackHarness.textValue("plain_text_input", "from slack"),
                        "start", SlackHarness.selected("true"))))).body()).isNullOrEmpty();
        String restore = bot.awaitTask("par-build-01", 2, WAIT);
        awaitStatus(restore, TaskStatus.SUCCEEDED);
        slack.await("chat.postMessage", c -> DEV.equals(c.param("channel"))
                && c.allText().contains("VM par-build-01 restored to snapshot “from slack”"), WAIT);
        var engine = bot.bean(io.vdibot.rhev.simulator.Simulator.class).site("dc1").engine();
        assertThat(engine.read(() -> engine.estate().vms.values().stream()
                .filter(vm -> vm.name.equals("par-build-01")).map(vm -> vm.status).findFirst().orElseThrow()))
                .isEqualTo("up");
    }

    /** Types {@code words} without arguments and returns the form the bot fills in once the modal is open. */
    private static JsonObject openForm(String words, String formId, String title) {
        String trigger = bot.triggerId();
        HttpResponse<String> ack = bot.post(bot.slashBody("U0ALICE", DEV, words, trigger, formId + "-form"),
                "application/x-www-form-urlencoded", Map.of());
        assertThat(ack.statusCode()).isEqualTo(200);
        SlackWebApi.Call opened = slack.await("views.open", c -> trigger.equals(c.param("trigger_id")), WAIT);
        assertThat(opened.view().get("title").getAsJsonObject().get("text").getAsString()).isEqualTo(title);
        return slack.await("views.update", c -> c.param("view") != null
                && c.view().get("private_metadata").getAsString().contains("\"form\":\"" + formId + "\""), WAIT)
                .view();
    }

    private static List<String> blockIds(JsonObject view) {
        return StreamSupport.stream(view.getAsJsonArray("blocks").spliterator(), false)
                .map(b -> b.getAsJsonObject().get("block_id").getAsString()).toList();
    }

    @Test
    void someoneWithoutADirectoryEntryIsRefusedPolitelyAndNothingRuns() throws Exception {
        long before = bot.taskCount();
        bot.slash("U0STRANGER", DEV, "vm create stranger-01 template=rhel9-desktop", "stranger");
        JsonObject refusal = slack.awaitResponse("stranger", r -> true, WAIT);
        assertThat(refusal.get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(refusal.get("text").getAsString()).contains("cannot find your account in the directory");
        assertThat(bot.idle(WAIT)).isTrue();
        assertThat(bot.taskCount()).isEqualTo(before);
        assertThat(bot.tasksNamed("stranger-01")).isZero();
    }

    @Test
    void noFormForSomeoneUnknownToTheDirectoryOrWithoutThePermissionOnlyTheCoresLine() throws Exception {
        // sam is not in the directory; mallory is, in no group; dave is a viewer, who may look but not ask for a VM
        Map<String, String> refusals = new LinkedHashMap<>();
        refusals.put("U0STRANGER", "Sorry, I cannot find your account in the directory, so I cannot act for you."
                + " Please ask an administrator to link your chat account.");
        refusals.put("U0MALLORY", "Sorry, you are not allowed to do that.");
        refusals.put("U0DAVE", "抱歉，您没有执行此操作的权限。");
        Map<String, String> triggers = new LinkedHashMap<>();
        long before = bot.taskCount();
        for (Map.Entry<String, String> who : refusals.entrySet()) {
            String trigger = bot.triggerId();
            triggers.put(who.getKey(), trigger);
            HttpResponse<String> ack = bot.post(bot.slashBody(who.getKey(), DEV, "vm create", trigger,
                    "form-" + who.getKey()), "application/x-www-form-urlencoded", Map.of());
            assertThat(ack.statusCode()).isEqualTo(200);
            JsonObject told = slack.awaitResponse("form-" + who.getKey(), r -> true, WAIT);
            assertThat(told.get("response_type").getAsString()).isEqualTo("ephemeral");
            assertThat(told.get("text").getAsString()).isEqualTo(who.getValue());
        }
        assertThat(bot.idle(WAIT)).isTrue();
        assertThat(slack.calls("views.open")).as("no modal opened, not even a loading one")
                .noneMatch(c -> triggers.containsValue(c.param("trigger_id")));
        triggers.forEach((user, trigger) -> assertNoEstateNames(slack.requestsAbout(user, trigger, "form-" + user)));
        assertThat(bot.taskCount()).isEqualTo(before);

        // what a viewer types still reaches the core, which shows the estate to them
        bot.slash("U0DAVE", DEV, "sites", "dave-sites");
        assertThat(slack.awaitResponse("dave-sites", r -> true, WAIT).toString()).contains("dc1", "dc2");
    }

    @Test
    void pickersListNothingToSomeoneUnknownToTheDirectoryOrWithoutThePermission() throws Exception {
        // alice's picker first, until the inventory cache is warm: an empty list below is a refusal, not a cold cache
        JsonArray alices = new JsonArray();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (alices.isEmpty() && System.nanoTime() < deadline) {
            alices = JsonParser.parseString(bot.interact(suggestion("U0ALICE", "rhel")).body()).getAsJsonObject()
                    .getAsJsonArray("options");
        }
        assertThat(alices).isNotEmpty();

        for (String user : List.of("U0STRANGER", "U0MALLORY", "U0DAVE")) {
            HttpResponse<String> options = bot.interact(suggestion(user, "rhel"));
            assertThat(options.statusCode()).isEqualTo(200);
            assertThat(JsonParser.parseString(options.body())).as(user)
                    .isEqualTo(JsonParser.parseString("{\"options\":[]}"));
            assertThat(JsonParser.parseString(bot.interact(suggestion(user, "")).body())).as(user)
                    .isEqualTo(JsonParser.parseString("{\"options\":[]}"));
        }
    }

    @Test
    void theHomeTabOfSomeoneUnknownOrWithoutARoleIsOneLineAndNamesNothing() throws Exception {
        openHome("U0STRANGER", "Ev0HOMESAM", "1700003100.000100");
        SlackWebApi.Call stranger = slack.await("views.publish", c -> "U0STRANGER".equals(c.param("user_id")), WAIT);
        assertThat(stranger.allText()).contains("cannot find your account in the directory", "ask an administrator")
                .doesNotContain("Estate", "Your tasks", "Waiting for approval", "Loading");

        openHome("U0MALLORY", "Ev0HOMEMAL", "1700003100.000200");
        SlackWebApi.Call mallory = slack.await("views.publish", c -> "U0MALLORY".equals(c.param("user_id")), WAIT);
        assertThat(mallory.allText()).contains("Ask your administrator for access to VDI Bot.")
                .doesNotContain("Estate", "Your tasks", "Waiting for approval");

        assertThat(bot.idle(WAIT)).isTrue();
        SlackWebApi.sleep(500);
        for (String user : List.of("U0STRANGER", "U0MALLORY")) {
            assertThat(slack.calls("views.publish").stream().filter(c -> user.equals(c.param("user_id"))))
                    .as("the one line stays; no section is drawn after it").hasSize(1);
            assertNoEstateNames(slack.requestsAbout(user));
        }
    }

    private static void openHome(String user, String eventId, String eventTs) {
        JsonObject opened = new JsonObject();
        opened.addProperty("type", "app_home_opened");
        opened.addProperty("user", user);
        opened.addProperty("channel", "D" + user);
        opened.addProperty("tab", "home");
        opened.addProperty("event_ts", eventTs);
        assertThat(bot.event(SlackHarness.eventEnvelope(eventId, opened), 0).statusCode()).isEqualTo(200);
    }

    /** The template picker of a {@code vm create} modal, as Slack asks for its options while {@code user} types. */
    private static JsonObject suggestion(String user, String typed) {
        JsonObject metadata = new JsonObject();
        metadata.addProperty("form", "vm.create");
        metadata.addProperty("channel", DEV);
        metadata.addProperty("user", user);
        metadata.addProperty("zone", "UTC");
        metadata.addProperty("locale", "en-US");
        JsonObject suggestion = new JsonObject();
        suggestion.addProperty("type", "block_suggestion");
        suggestion.add("user", SlackHarness.user(user));
        suggestion.add("team", SlackHarness.team());
        suggestion.addProperty("api_app_id", "A0VDIBOT");
        suggestion.addProperty("token", "legacy-verification-token");
        suggestion.addProperty("action_id", "template");
        suggestion.addProperty("block_id", "template");
        suggestion.addProperty("value", typed);
        suggestion.add("view", SlackHarness.submission(user, "V-PICK-" + user, "vdi_form", metadata.toString(),
                new JsonObject()).getAsJsonObject("view"));
        return suggestion;
    }

    /** None of the estate's names is in {@code requests} (and there were some). */
    private static void assertNoEstateNames(List<String> requests) {
        assertThat(requests).isNotEmpty();
        for (String name : bot.estateNames()) {
            assertThat(requests).as("requests naming " + name).noneMatch(r -> r.contains(name));
        }
    }

    @Test
    void aSlashCommandFromAnotherWorkspaceIsRefusedInItsAckAndNoTaskIsCreated() throws Exception {
        HttpResponse<String> ack = bot.post(bot.slashBody("T0EVIL", "U0ALICE", DEV,
                "vm create evil-01 template=rhel9-desktop", bot.triggerId(), "evil"),
                "application/x-www-form-urlencoded", Map.of());
        assertThat(ack.statusCode()).isEqualTo(200);
        JsonObject answer = JsonParser.parseString(ack.body()).getAsJsonObject();
        assertThat(answer.get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(answer.get("text").getAsString()).isEqualTo(
                "Sorry, this bot serves only its own Slack workspace; requests from this one are not accepted.");

        // a mention from there is acked, so Slack does not retry it, and ignored
        JsonObject mention = new JsonObject();
        mention.addProperty("type", "app_mention");
        mention.addProperty("user", "U0CAROL");
        mention.addProperty("text", "<@U0VDIBOT> vdi sites");
        mention.addProperty("ts", "1700004000.000100");
        mention.addProperty("channel", "C0EVIL");
        mention.addProperty("event_ts", "1700004000.000100");
        JsonObject envelope = SlackHarness.eventEnvelope("Ev0EVIL1", mention);
        envelope.addProperty("team_id", "T0EVIL");
        assertThat(bot.event(envelope, 0).statusCode()).isEqualTo(200);

        assertThat(bot.idle(WAIT)).isTrue();
        Thread.sleep(500);
        assertThat(bot.tasksNamed("evil-01")).isZero();
        assertThat(slack.responses("evil")).isEmpty();
        assertThat(slack.calls("chat.postMessage")).noneMatch(c -> "C0EVIL".equals(c.param("channel")));
    }

    @Test
    void aGuestIsToldWhyAndNoTaskIsCreated() throws Exception {
        // U0GUEST carries alice's address, so only Slack's guest flag stands between them and a task
        bot.slash("U0GUEST", DEV, "vm create guest-01 template=rhel9-desktop", "guest");
        JsonObject refusal = slack.awaitResponse("guest", r -> true, WAIT);
        assertThat(refusal.get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(refusal.get("text").getAsString()).isEqualTo("Sorry, guest accounts cannot use this bot.");
        assertThat(bot.idle(WAIT)).isTrue();
        Thread.sleep(300);
        assertThat(bot.tasksNamed("guest-01")).isZero();
    }

    @Test
    void anUnconfirmedAddressIsRefusedInTheUsersLanguageAndNoTaskIsCreated() throws Exception {
        // bob's address on an account Slack has not confirmed it for; the account's language is Chinese
        bot.slash("U0UNCONFIRMED", DEV, "vm create unconfirmed-01 template=rhel9-desktop", "unconfirmed");
        JsonObject refusal = slack.awaitResponse("unconfirmed", r -> true, WAIT);
        assertThat(refusal.get("text").getAsString())
                .isEqualTo("抱歉，您在 Slack 中的电子邮件地址尚未确认，因此我无法确认您的身份。请先确认后再试。");
        assertThat(bot.idle(WAIT)).isTrue();
        Thread.sleep(300);
        assertThat(bot.tasksNamed("unconfirmed-01")).isZero();
    }

    @Test
    void forgedExpiredReplayedAndOversizedRequestsAreRefusedAndNothingRuns() throws Exception {
        long before = bot.taskCount();
        String body = bot.slashBody("U0DAVE", DEV, "vm create forged-01 template=rhel9-desktop", bot.triggerId(),
                "forged");
        String now = String.valueOf(java.time.Instant.now().getEpochSecond());
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);

        String wrongSecret = io.vdibot.adapters.slack.SlackSignatureVerifier.sign("not-the-secret", now, bytes);
        assertThat(bot.send(body, "application/x-www-form-urlencoded", now, wrongSecret, Map.of()).statusCode())
                .isEqualTo(401);
        String signed = io.vdibot.adapters.slack.SlackSignatureVerifier.sign(SlackHarness.SECRET, now, bytes);
        String tampered = body.replace("forged-01", "forged-02");
        assertThat(bot.send(tampered, "application/x-www-form-urlencoded", now, signed, Map.of()).statusCode())
                .isEqualTo(401);
        assertThat(bot.send(body, "application/x-www-form-urlencoded", null, null, Map.of()).statusCode())
                .isEqualTo(401);
        String old = String.valueOf(java.time.Instant.now().minusSeconds(6 * 60).getEpochSecond());
        String oldSigned = io.vdibot.adapters.slack.SlackSignatureVerifier.sign(SlackHarness.SECRET, old, bytes);
        assertThat(bot.send(body, "application/x-www-form-urlencoded", old, oldSigned, Map.of()).statusCode())
                .isEqualTo(401);
        String huge = "payload=" + "x".repeat(600 * 1024);
        assertThat(bot.post(huge, "application/x-www-form-urlencoded", Map.of()).statusCode()).isEqualTo(413);

        assertThat(bot.idle(WAIT)).isTrue();
        Thread.sleep(300);
        assertThat(slack.calls("users.info")).noneMatch(c -> "U0DAVE".equals(c.param("user")));
        assertThat(slack.responses("forged")).isEmpty();
        assertThat(bot.taskCount()).isEqualTo(before);

        // a genuine request goes through once; the very same request sent again is a replay
        String replayBody = bot.slashBody("U0DAVE", DEV, "help", bot.triggerId(), "replay");
        String ts = String.valueOf(java.time.Instant.now().getEpochSecond());
        String sig = io.vdibot.adapters.slack.SlackSignatureVerifier.sign(SlackHarness.SECRET, ts,
                replayBody.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(bot.send(replayBody, "application/x-www-form-urlencoded", ts, sig, Map.of()).statusCode())
                .isEqualTo(200);
        assertThat(bot.send(replayBody, "application/x-www-form-urlencoded", ts, sig, Map.of()).statusCode())
                .isEqualTo(401);
    }

    @Test
    void aRateLimitedEditWaitsForRetryAfterAndTheLastWordArrives() throws Exception {
        // Only this test's channel meets the 429, so edits made by other tests' tasks cannot use it up.
        slack.server().stubFor(post(urlPathEqualTo("/api/chat.update")).withRequestBody(containing("C0RATE"))
                .atPriority(1).inScenario("429")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("limited")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                        .withBody("{\"ok\":false,\"error\":\"ratelimited\"}")));
        Notifiers notifiers = bot.bean(Notifiers.class);
        ThreadRef thread = ThreadRef.of(Platform.SLACK, "C0RATE", "1700002000.000100", Map.of("user", "U0CAROL"));
        MessageHandle progress = notifiers.post(thread, Reply.text("step 1 of 3"));
        assertThat(progress.messageId()).isNotBlank();
        notifiers.update(progress, Reply.text("step 2 of 3"));
        Thread.sleep(150);
        notifiers.update(progress, Reply.text("step 3 of 3"));
        notifiers.update(progress, Reply.text("all 3 steps done"));
        SlackWebApi.Call last = slack.await("chat.update", c -> progress.messageId().equals(c.param("ts"))
                && c.allText().contains("all 3 steps done"), WAIT);
        List<SlackWebApi.Call> edits = slack.calls("chat.update").stream()
                .filter(c -> progress.messageId().equals(c.param("ts"))).toList();
        // the first edit met the 429; nothing was sent again before Retry-After, and the newest text won
        assertThat(edits.size()).isBetween(2, 3);
        assertThat(Duration.between(edits.get(0).at(), edits.get(1).at())).isGreaterThanOrEqualTo(
                Duration.ofMillis(950));
        assertThat(edits.get(edits.size() - 1)).isEqualTo(last);
    }

    @Test
    void theHomeTabShowsTheEstateTheUsersTasksAndWhatWaitsForApproval() throws Exception {
        JsonObject opened = new JsonObject();
        opened.addProperty("type", "app_home_opened");
        opened.addProperty("user", "U0BOB");
        opened.addProperty("channel", "D0BOB");
        opened.addProperty("tab", "home");
        opened.addProperty("event_ts", "1700003000.000100");
        assertThat(bot.event(SlackHarness.eventEnvelope("Ev0HOME1", opened), 0).statusCode()).isEqualTo(200);
        SlackWebApi.Call home = slack.await("views.publish", c -> "U0BOB".equals(c.param("user_id"))
                && c.allText().contains("slack_file") && !c.allText().contains("Loading"), WAIT);
        JsonObject view = home.view();
        assertThat(view.get("type").getAsString()).isEqualTo("home");
        assertThat(view.getAsJsonArray("blocks").size()).isLessThanOrEqualTo(100);
        assertThat(home.allText()).contains("Estate", "Your tasks", "Waiting for approval", "dc1", "dc2");
        // the pie charts were uploaded to the app, privately, and are shown from there: one image per site
        List<SlackWebApi.Call> completed = slack.calls("files.completeUploadExternal");
        assertThat(completed).isNotEmpty();
        assertThat(completed.get(completed.size() - 1).param("channel_id")).isNull();
        List<JsonObject> images = StreamSupport.stream(view.getAsJsonArray("blocks").spliterator(), false)
                .map(JsonElement::getAsJsonObject).filter(b -> "image".equals(b.get("type").getAsString())).toList();
        assertThat(images).hasSize(2).allSatisfy(image -> assertThat(image.get("alt_text").getAsString())
                .startsWith("Pie charts of hosts and VMs by status"));
        List<String> uploadedIds = completed.stream().flatMap(c -> StreamSupport.stream(JsonParser.parseString(
                c.param("files")).getAsJsonArray().spliterator(), false))
                .map(f -> f.getAsJsonObject().get("id").getAsString()).toList();
        assertThat(images).allSatisfy(image -> assertThat(uploadedIds)
                .contains(image.getAsJsonObject("slack_file").get("id").getAsString()));
    }

    @Test
    void aFormWhoseTriggerExpiredIsExplainedToTheUser() throws Exception {
        String trigger = bot.triggerId();
        slack.server().stubFor(post(urlPathEqualTo("/api/views.open")).atPriority(1)
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(trigger))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"ok\":false,\"error\":\"expired_trigger_id\"}")));
        bot.post(bot.slashBody("U0CAROL", DEV, "template migrate", trigger, "expired"),
                "application/x-www-form-urlencoded", Map.of());
        JsonObject told = slack.awaitResponse("expired", r -> true, WAIT);
        assertThat(told.get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(told.get("text").getAsString()).isEqualTo(
                "The form could not be opened in time. Run /vdi template migrate again, or type the command with its"
                        + " arguments.");
        assertThat(slack.calls("views.update")).noneMatch(c -> c.allText().contains("template.migrate"));
    }

    private static void awaitStatus(String task, TaskStatus status) {
        long deadline = System.nanoTime() + RUN.toNanos();
        while (System.nanoTime() < deadline) {
            if (bot.task(task).status() == status) {
                return;
            }
            SlackWebApi.sleep(100);
        }
        throw new AssertionError(task + " is " + bot.task(task).status() + ", not " + status);
    }

    @SuppressWarnings("unused")
    private static boolean hasBlockType(JsonArray blocks, String type) {
        for (JsonElement block : blocks) {
            if (type.equals(block.getAsJsonObject().get("type").getAsString())) {
                return true;
            }
        }
        return false;
    }
}
