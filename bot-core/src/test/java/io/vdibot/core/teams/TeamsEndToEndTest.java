package io.vdibot.core.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vdibot.adapters.teams.testing.Activities;
import io.vdibot.adapters.teams.testing.FakeBotFramework;
import io.vdibot.adapters.teams.testing.TokenMinter;
import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.persistence.task.TaskRepository;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole bot in Teams: a mention opens a form card, its submission waits for approval, an approver decides on the
 * approval card, the task runs on the simulated engine, the status card is updated in place and the on-call person is
 * told in their personal chat, reached through the reference stored when they installed the app. Activities from
 * another tenant, or from another channel than Teams, run nothing. Form cards and their choices show nothing of the
 * estate to someone unknown to the directory or without the form's permission.
 */
class TeamsEndToEndTest {

    private static TeamsHarness bot;

    @BeforeAll
    static void start() {
        bot = new TeamsHarness(Map.of("vdibot.approval.commands", "vm.create,template.migrate,pool.delete"));
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return Activities.JSON.readTree(response.body());
    }

    @Test
    void mentionFormApprovalRunStatusCardAndOnCallNotice() throws Exception {
        long tasksBefore = bot.taskCount();
        // erin installs the app: her personal chat is where on-call notices go
        bot.send(bot.activities.installed(TeamsHarness.ERIN, "a:erin-chat", "personal", null));
        bot.idle(Duration.ofSeconds(5));
        assertThat(bot.conversationRefs("user:aad-erin")).isEqualTo(1);

        // The card waits at most a few seconds for each list of choices (a user can reload them); on a busy machine the
        // first, cold look at a site's templates can take longer, so the inventory is read once before.
        assertThat(bot.bean(io.vdibot.commands.port.InventoryLookup.class)
                .names("dc1", io.vdibot.commands.view.InventoryKind.TEMPLATES, "", 100)).contains("rhel9-desktop");
        ObjectNode mention = bot.activities.mention(TeamsHarness.ALICE,
                TeamsHarness.REQUESTS + ";messageid=1700000000100", "channel", "vdi vm create");
        mention.put("id", "1700000000100");
        assertThat(bot.send(mention).statusCode()).isEqualTo(200);
        String form = bot.awaitSent("rhel9-desktop", Duration.ofSeconds(20));
        assertThat(form).contains("Submit");

        ObjectNode data = Activities.JSON.createObjectNode();
        data.put("vdibot", "form");
        data.put("form", "vm.create");
        data.put("name", "teams-e2e-01");
        data.put("template", "rhel9-desktop");
        HttpResponse<String> submitted = bot.send(bot.activities.invoke(TeamsHarness.ALICE,
                TeamsHarness.REQUESTS + ";messageid=1700000000100", "channel", "act-form-card", "form.submit", data));
        String task = bot.awaitTask("teams-e2e-01", Duration.ofSeconds(20));
        JsonNode answer = json(submitted);
        assertThat(FakeBotFramework.allText(answer.path("value"))).contains(task);

        String approval = bot.awaitSent("asks for approval of task " + task, Duration.ofSeconds(20));
        assertThat(approval).contains("Alice Martin");
        // the card is stored once the Connector has answered its post, a moment after the post was seen
        var cards = bot.bean(io.vdibot.adapters.teams.TeamsThreadStore.class);
        long stored = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (cards.find(task, "approval").isEmpty() && System.nanoTime() < stored) {
            TeamsHarness.sleep(50);
        }
        String cardId = cards.find(task, "approval").orElseThrow().activityId();

        // Approve and Reject are in the card everyone in the approvers' channel gets, whoever joined it when
        JsonNode sentCard = bot.bf.sentActivities().stream()
                .filter(a -> FakeBotFramework.allText(a).contains("asks for approval of task " + task)).findFirst()
                .orElseThrow().path("attachments").get(0).path("content");
        assertThat(sentCard.path("actions").toString()).contains("\"verb\":\"approve\"")
                .contains("\"verb\":\"reject\"");
        assertThat(sentCard.has("refresh")).isFalse();

        // so the core decides who may click: the requester, a viewer and someone in no group are refused
        ObjectNode refresh = Activities.JSON.createObjectNode();
        refresh.put("vdibot", "approval");
        refresh.put("task", task);
        Map<Activities.User, String> refusals = Map.of(TeamsHarness.ALICE, "Sorry, you are not allowed to do that.",
                TeamsHarness.DAVE, "\u6743\u9650", TeamsHarness.MALLORY, "you are in no VDI Bot group yet");
        for (Map.Entry<Activities.User, String> clicker : refusals.entrySet()) {
            JsonNode refused = json(bot.send(bot.activities.invoke(clicker.getKey(), TeamsHarness.APPROVERS,
                    "channel", cardId, "approve", refresh))).path("value");
            assertThat(FakeBotFramework.allText(refused)).as(clicker.getKey().name()).contains(clicker.getValue());
        }
        assertThat(bot.bean(TaskRepository.class).findByCode(task).orElseThrow().status())
                .isEqualTo(TaskStatus.PENDING_APPROVAL);
        assertThat(bot.bean(TaskRepository.class).findByCode(task).orElseThrow().approval().decidedBy()).isNull();

        JsonNode decided = json(bot.send(bot.activities.invoke(TeamsHarness.BOB, TeamsHarness.APPROVERS, "channel",
                cardId, "approve", refresh))).path("value");
        assertThat(FakeBotFramework.allText(decided)).contains("approved by Bob Johnson").contains("UTC");
        assertThat(decided.has("actions")).isFalse();

        String done = bot.awaitSent("ready", Duration.ofSeconds(90));
        assertThat(done).contains("teams-e2e-01");
        assertThat(bot.vmsNamed("dc1", "teams-e2e-01")).isEqualTo(1);
        assertThat(bot.bean(TaskRepository.class).findByCode(task).orElseThrow().status())
                .isEqualTo(TaskStatus.SUCCEEDED);

        // the form card became the status card, edited in place
        var statusEdits = bot.bf.connectorCalls().stream()
                .filter(r -> r.getMethod().value().equals("PUT") && r.getUrl().endsWith("/activities/act-form-card"))
                .toList();
        assertThat(statusEdits).isNotEmpty();
        assertThat(statusEdits.get(statusEdits.size() - 1).getBodyAsString()).contains(task);

        // on call: erin's personal chat
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        boolean told = false;
        while (!told && System.nanoTime() < deadline) {
            told = bot.bf.connectorCalls().stream().anyMatch(r -> r.getMethod().value().equals("POST")
                    && r.getUrl().contains("erin-chat") && r.getBodyAsString().contains(task));
            TeamsHarness.sleep(100);
        }
        assertThat(told).as("on-call notice in erin's chat").isTrue();
        assertThat(bot.taskCount()).isEqualTo(tasksBefore + 1);
    }

    @Test
    void anApprovalTypedInAPersonalChatTakesTheButtonsOffTheCardInTheApproversChannel() throws Exception {
        bot.send(bot.activities.personal(TeamsHarness.ALICE, "a:alice-chat", "vm create teams-typed-01"
                + " template=rhel9-desktop"));
        String task = bot.awaitTask("teams-typed-01", Duration.ofSeconds(20));
        bot.awaitSent("asks for approval of task " + task, Duration.ofSeconds(20));
        var cards = bot.bean(io.vdibot.adapters.teams.TeamsThreadStore.class);
        long stored = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (cards.find(task, "approval").isEmpty() && System.nanoTime() < stored) {
            TeamsHarness.sleep(50);
        }
        String cardId = cards.find(task, "approval").orElseThrow().activityId();

        bot.send(bot.activities.personal(TeamsHarness.BOB, "a:bob-chat", "approve " + task));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<com.github.tomakehurst.wiremock.verification.LoggedRequest> edits = List.of();
        while (edits.isEmpty() && System.nanoTime() < deadline) {
            edits = bot.bf.connectorCalls().stream().filter(r -> r.getMethod().value().equals("PUT")
                    && r.getUrl().endsWith("/activities/" + cardId)).toList();
            TeamsHarness.sleep(50);
        }
        assertThat(edits).as("the card in the approvers' channel is redrawn").hasSize(1);
        JsonNode card = Activities.JSON.readTree(edits.get(0).getBodyAsString());
        assertThat(FakeBotFramework.allText(card)).contains("approved by Bob Johnson");
        assertThat(card.toString()).doesNotContain("\"verb\":\"approve\"");
        bot.awaitSent("teams-typed-01 is ready", Duration.ofSeconds(90));
        assertThat(bot.bean(TaskRepository.class).findByCode(task).orElseThrow().approval().decidedBy())
                .isEqualTo("bob");
    }

    @Test
    void theDashboardAskedInAChannelThreadIsAnsweredThereWithItsPiesAsInlineImages() throws Exception {
        ObjectNode mention = bot.activities.mention(TeamsHarness.ALICE,
                TeamsHarness.REQUESTS + ";messageid=1700000000500", "channel", "vdi dashboard site=dc1");
        mention.put("id", "1700000000500");
        assertThat(bot.send(mention).statusCode()).isEqualTo(200);

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<com.github.tomakehurst.wiremock.verification.LoggedRequest> replies = List.of();
        while (replies.size() < 2 && System.nanoTime() < deadline) {
            replies = bot.bf.connectorCalls().stream().filter(r -> r.getMethod().value().equals("POST")
                    && r.getUrl().endsWith("/activities/1700000000500")).toList();
            TeamsHarness.sleep(50);
        }
        assertThat(replies).as("the answer and its chart, replies in the thread of the question").hasSize(2);
        assertThat(FakeBotFramework.allText(Activities.JSON.readTree(replies.get(0).getBodyAsString())))
                .contains("Dashboard of site dc1").contains("Up (7), Maintenance (1)").contains("Without a desktop");
        JsonNode chart = Activities.JSON.readTree(replies.get(1).getBodyAsString());
        assertThat(chart.path("text").asText()).startsWith("Pie charts of hosts and VMs by status");
        JsonNode image = chart.path("attachments").get(0);
        assertThat(image.path("contentType").asText()).isEqualTo("image/png");
        assertThat(image.path("name").asText()).isEqualTo("dashboard-dc1.png");
        String uri = image.path("contentUrl").asText();
        assertThat(uri).startsWith("data:image/png;base64,");
        byte[] png = java.util.Base64.getDecoder().decode(uri.substring("data:image/png;base64,".length()));
        java.awt.image.BufferedImage decoded = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
        assertThat(decoded).isNotNull();
        assertThat(decoded.getWidth()).isEqualTo(960);
        // the whole message stays under Teams' limit of about 28 KB
        assertThat(replies.get(1).getBody().length).isLessThan(28_000);
    }

    @Test
    void aVmIsDeletedFromAPersonalChatWithNoChangeToTheAdapter() throws Exception {
        assertThat(bot.vmsNamed("dc1", "par-jump-01")).isEqualTo(1);
        bot.send(bot.activities.personal(TeamsHarness.ALICE, "a:alice-chat", "vm delete par-jump-01"));
        String task = bot.awaitTask("par-jump-01", Duration.ofSeconds(20));
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (bot.bean(TaskRepository.class).findByCode(task).orElseThrow().status() != TaskStatus.SUCCEEDED
                && System.nanoTime() < deadline) {
            TeamsHarness.sleep(100);
        }
        assertThat(bot.bean(TaskRepository.class).findByCode(task).orElseThrow().status())
                .isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(bot.vmsNamed("dc1", "par-jump-01")).isZero();
        assertThat(bot.awaitSent("par-jump-01", Duration.ofSeconds(20))).isNotEmpty();
    }

    @Test
    void aVmIsRebootedThroughItsFormCard() throws Exception {
        String task = submitForm("vm reboot", "Reboot a VM", "act-reboot-card", 1, Map.of(
                "form", "vm.reboot", "site", "dc2", "name", "sg-jump-01"));
        awaitSucceeded(task);
        assertThat(bot.awaitSent("VM sg-jump-01 rebooted", Duration.ofSeconds(20))).isNotEmpty();
    }

    @Test
    void aSnapshotAndItsRestoreComeFromFormCardsWithNoChangeToTheAdapter() throws Exception {
        String snapshot = submitForm("vm snapshot", "Take a snapshot of a VM", "act-snapshot-form", 1, Map.of(
                "form", "vm.snapshot", "site", "dc1", "name", "par-build-01", "description", "from teams",
                "memory", "false"));
        awaitSucceeded(snapshot);
        assertThat(bot.awaitSent("Snapshot of VM par-build-01 taken", Duration.ofSeconds(20))).contains("from teams");

        String restore = submitForm("vm restore", "Restore VM to snapshot", "act-restore-form", 2, Map.of(
                "form", "vm.restore", "site", "dc1", "name", "par-build-01", "snapshot", "from teams",
                "start", "true"));
        awaitSucceeded(restore);
        assertThat(bot.awaitSent("VM par-build-01 restored to snapshot", Duration.ofSeconds(20)))
                .contains("from teams");
        var engine = bot.bean(io.vdibot.rhev.simulator.Simulator.class).site("dc1").engine();
        assertThat(engine.read(() -> engine.estate().vms.values().stream()
                .filter(vm -> vm.name.equals("par-build-01")).map(vm -> vm.status).findFirst().orElseThrow()))
                .isEqualTo("up");
    }

    /**
     * Mentions the bot with {@code words} alone, waits for the form card titled {@code title}, submits
     * {@code values} from it and returns the {@code nth} task for the VM they name.
     */
    private static String submitForm(String words, String title, String cardId, int nth, Map<String, String> values)
            throws Exception {
        bot.send(bot.activities.personal(TeamsHarness.ALICE, "a:alice-chat", "vdi " + words));
        assertThat(bot.awaitSent(title, Duration.ofSeconds(20))).contains("Submit");
        ObjectNode data = Activities.JSON.createObjectNode();
        data.put("vdibot", "form");
        values.forEach(data::put);
        HttpResponse<String> submitted = bot.send(bot.activities.invoke(TeamsHarness.ALICE, "a:alice-chat",
                "personal", cardId, "form.submit", data));
        assertThat(submitted.statusCode()).isEqualTo(200);
        String task = bot.awaitTask(values.get("name"), nth, Duration.ofSeconds(20));
        assertThat(FakeBotFramework.allText(json(submitted).path("value"))).contains(task);
        return task;
    }

    private static void awaitSucceeded(String task) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (bot.bean(TaskRepository.class).findByCode(task).orElseThrow().status() != TaskStatus.SUCCEEDED
                && System.nanoTime() < deadline) {
            TeamsHarness.sleep(100);
        }
        assertThat(bot.bean(TaskRepository.class).findByCode(task).orElseThrow().status())
                .isEqualTo(TaskStatus.SUCCEEDED);
    }

    @Test
    void anActivityFromAnotherTenantIsRefusedAndNothingRuns() throws Exception {
        long before = bot.taskCount();
        int sentBefore = bot.bf.sentActivities().size();
        ObjectNode message = Activities.inTenant(bot.activities.personal(TeamsHarness.ALICE, "a:alice-elsewhere",
                "vm create teams-evil-01 template=rhel9-desktop"), "0badc0de-0000-4000-8000-000000000bad");

        HttpResponse<String> response = bot.send(message);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(bot.idle(Duration.ofSeconds(10))).isTrue();
        TeamsHarness.sleep(1_000);
        assertThat(bot.taskCount()).isEqualTo(before);
        assertThat(bot.bf.sentActivities()).as("nothing is sent there").hasSize(sentBefore);
        assertThat(bot.conversationRefs("conversation:a:alice-elsewhere")).isZero();
    }

    @Test
    void anActivityFromWebChatIsRefusedEvenWithAValidTokenAndNothingRuns() throws Exception {
        long before = bot.taskCount();
        int sentBefore = bot.bf.sentActivities().size();
        // a key the channel service uses for Web Chat as well as Teams: the token is valid, the channel is not Teams
        ObjectNode message = bot.activities.personal(TeamsHarness.ALICE, "a:alice-webchat",
                "vm create teams-web-01 template=rhel9-desktop");
        message.put("channelId", "webchat");

        HttpResponse<String> response = bot.post(message.toString(),
                "Bearer " + bot.webChatToo.mint(FakeBotFramework.APP_ID, bot.bf.serviceUrl()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(bot.idle(Duration.ofSeconds(10))).isTrue();
        TeamsHarness.sleep(1_000);
        assertThat(bot.taskCount()).isEqualTo(before);
        assertThat(bot.bf.sentActivities()).hasSize(sentBefore);
    }

    @Test
    void formCardsShowNothingToSomeoneUnknownToTheDirectoryOrWithoutThePermission() throws Exception {
        long before = bot.taskCount();
        // sam is not in the directory; mallory is, in no group; dave is a viewer, who may look but not ask for a VM
        Map<Activities.User, String> refusals = Map.of(
                TeamsHarness.STRANGER, "cannot find your account in the directory",
                TeamsHarness.MALLORY, "Sorry, you are not allowed to do that.",
                TeamsHarness.DAVE, "Sorry, you are not allowed to do that.");
        for (Map.Entry<Activities.User, String> who : refusals.entrySet()) {
            String chat = "a:" + who.getKey().aadObjectId() + "-form";
            bot.send(bot.activities.personal(who.getKey(), chat, "vdi vm create"));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (sentTo(chat).isEmpty() && System.nanoTime() < deadline) {
                TeamsHarness.sleep(50);
            }
            assertThat(sentTo(chat)).as(chat).singleElement().asString().contains(who.getValue())
                    .doesNotContain("Submit");

            // the choices, reloaded for a site, and a submitted form drawn again: nothing of the estate either
            ObjectNode reload = Activities.JSON.createObjectNode();
            reload.put("vdibot", "form");
            reload.put("form", "vm.create");
            reload.put("site", "dc2");
            JsonNode reloaded = json(bot.send(bot.activities.invoke(who.getKey(), chat, "personal", "act-x",
                    "form.reload", reload)));
            assertThat(FakeBotFramework.allText(reloaded.path("value"))).contains(who.getValue());
            ObjectNode submit = reload.deepCopy();
            submit.put("name", "bad name!");
            JsonNode submitted = json(bot.send(bot.activities.invoke(who.getKey(), chat, "personal", "act-x",
                    "form.submit", submit)));
            assertThat(FakeBotFramework.allText(submitted.path("value"))).contains(who.getValue());
            assertThat(bot.idle(Duration.ofSeconds(10))).isTrue();
            List<String> seen = new java.util.ArrayList<>(bot.callsAbout(chat));
            seen.add(reloaded.toString());
            seen.add(submitted.toString());
            for (String name : bot.estateNames()) {
                assertThat(seen).as(chat + " shows " + name).noneMatch(text -> text.contains(name));
            }
        }
        assertThat(bot.taskCount()).isEqualTo(before);

        // what a viewer types still reaches the core, which shows the estate to them
        bot.send(bot.activities.personal(TeamsHarness.DAVE, "a:dave-sites", "sites"));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (sentTo("a:dave-sites").isEmpty() && System.nanoTime() < deadline) {
            TeamsHarness.sleep(50);
        }
        assertThat(sentTo("a:dave-sites")).singleElement().asString().contains("dc1", "dc2");
    }

    /** The text of every activity the bot posted in {@code conversation}. */
    private static List<String> sentTo(String conversation) {
        return bot.bf.connectorCalls().stream()
                .filter(r -> r.getMethod().value().equals("POST") && r.getUrl().contains("/activities")
                        && java.net.URLDecoder.decode(r.getUrl(), java.nio.charset.StandardCharsets.UTF_8)
                        .contains(conversation))
                .map(r -> {
                    try {
                        return FakeBotFramework.allText(Activities.JSON.readTree(r.getBodyAsString()));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
    }

    @Test
    void aStrangerIsRefusedPolitelyAndABadTokenRunsNothing() throws Exception {
        long before = bot.taskCount();
        bot.send(bot.activities.personal(TeamsHarness.STRANGER, "a:sam-chat", "vm create teams-e2e-x "
                + "template=rhel9-desktop"));
        bot.awaitSent("not", Duration.ofSeconds(20));
        assertThat(bot.bf.sentTexts()).anyMatch(t -> t.toLowerCase().contains("directory")
                || t.toLowerCase().contains("know"));

        TokenMinter forger = new TokenMinter("bf-key-1", List.of("msteams"));
        HttpResponse<String> forged = bot.post(bot.activities.personal(TeamsHarness.ALICE, "a:alice-chat",
                "vm create teams-e2e-forged template=rhel9-desktop").toString(),
                "Bearer " + forger.mint(FakeBotFramework.APP_ID, bot.bf.serviceUrl()));
        assertThat(forged.statusCode()).isEqualTo(403);
        HttpResponse<String> none = bot.post(bot.activities.personal(TeamsHarness.ALICE, "a:alice-chat",
                "vm create teams-e2e-forged template=rhel9-desktop").toString(), null);
        assertThat(none.statusCode()).isEqualTo(401);
        TeamsHarness.sleep(1_000);
        assertThat(bot.taskCount()).isEqualTo(before);
    }
}
