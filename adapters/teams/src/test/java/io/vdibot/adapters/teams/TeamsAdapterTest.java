package io.vdibot.adapters.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vdibot.adapters.teams.testing.Activities;
import io.vdibot.adapters.teams.testing.FakeBotFramework;
import io.vdibot.adapters.teams.testing.TeamsRig;
import io.vdibot.commands.Platform;
import io.vdibot.commands.port.Envelope;
import io.vdibot.commands.port.MessageHandle;
import io.vdibot.commands.port.ThreadRef;
import io.vdibot.commands.reply.Action;
import io.vdibot.commands.reply.Reply;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The adapter against a fake Bot Framework, with the core scripted: what reaches the core and what Teams gets. */
class TeamsAdapterTest {

    private static final String CHANNEL = "19:vdi-requests@thread.tacv2";
    private TeamsRig rig;

    @BeforeEach
    void start() throws Exception {
        rig = new TeamsRig();
    }

    @AfterEach
    void stop() throws Exception {
        rig.close();
        rig.bf.close();
    }

    private static ThreadRef taskThread(Envelope envelope, String task) {
        return envelope.thread().withTask(task);
    }

    @Test
    void aMentionInAChannelReachesTheCoreOnceWithTheDirectoryNameFromTheRoster() throws Exception {
        ObjectNode message = rig.activities.mention(TeamsRig.ALICE, CHANNEL + ";messageid=1700000000001",
                "channel", "vdi pool create web-?? template=rhel9 size=2");
        message.put("id", "1700000000001");
        long started = System.nanoTime();
        HttpResponse<String> first = rig.send(message);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(millis).as("answered at once, long before Teams' 15 s").isLessThan(3_000);
        HttpResponse<String> resent = rig.send(message);
        assertThat(resent.statusCode()).isEqualTo(200);
        rig.idle();

        assertThat(rig.submitted).hasSize(1);
        Envelope envelope = rig.submitted.get(0);
        assertThat(envelope.text()).isEqualTo("vdi pool create web-?? template=rhel9 size=2");
        assertThat(envelope.idempotencyKey()).isEqualTo("teams:1700000000001");
        assertThat(envelope.identity().platform()).isEqualTo(Platform.TEAMS);
        assertThat(envelope.identity().userId()).isEqualTo("aad-alice");
        assertThat(envelope.identity().email()).isEqualTo("alice@vdibot.example");
        assertThat(envelope.identity().displayName()).isEqualTo("Alice Requester");
        assertThat(envelope.zone()).hasToString("Europe/Paris");
        assertThat(envelope.thread().channelId()).isEqualTo(CHANNEL);
        assertThat(envelope.thread().threadId()).isEqualTo("1700000000001");
    }

    @Test
    void aChartFollowsTheAnswerAsAnInlineImageInTheSameThreadAndATooLargeOneIsDescribed() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1, 2, 3};
        byte[] huge = new byte[io.vdibot.adapters.teams.cards.CardRenderer.MAX_IMAGE_BYTES + 1];
        rig.core = (r, envelope) -> r.adapter.notifier().post(envelope.thread(), Reply.builder()
                .heading("Dashboard of site dc1").text("Hosts: Up (7)")
                .image(png, "image/png", "dashboard-dc1.png", "Pie charts of site dc1")
                .image(huge, "image/png", "dashboard-dc2.png", "Pie charts of site dc2").build());
        ObjectNode message = rig.activities.mention(TeamsRig.ALICE, CHANNEL + ";messageid=1700000000009",
                "channel", "vdi dashboard");
        message.put("id", "1700000000009");
        rig.send(message);

        TeamsRig.eventually(() -> rig.bf.sentActivities().stream().anyMatch(a -> a.has("attachments")
                && a.path("attachments").get(0).path("contentType").asText().equals("image/png")));
        List<com.github.tomakehurst.wiremock.verification.LoggedRequest> replies = rig.bf.connectorCalls().stream()
                .filter(r -> r.getMethod().value().equals("POST") && r.getUrl().endsWith("/activities/1700000000009"))
                .toList();
        assertThat(replies).hasSize(2);
        JsonNode card = Activities.JSON.readTree(replies.get(0).getBodyAsString());
        assertThat(card.path("attachments").get(0).path("contentType").asText())
                .isEqualTo("application/vnd.microsoft.card.adaptive");
        assertThat(FakeBotFramework.allText(card)).contains("Hosts: Up (7)").contains("Pie charts of site dc2")
                .doesNotContain("Pie charts of site dc1");
        JsonNode image = Activities.JSON.readTree(replies.get(1).getBodyAsString());
        assertThat(image.path("text").asText()).isEqualTo("Pie charts of site dc1");
        JsonNode attachment = image.path("attachments").get(0);
        assertThat(attachment.path("contentType").asText()).isEqualTo("image/png");
        assertThat(attachment.path("name").asText()).isEqualTo("dashboard-dc1.png");
        assertThat(attachment.path("contentUrl").asText()).isEqualTo(
                "data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(png));
    }

    @Test
    void aShowAllClickThatTeamsDeliversTwicePostsTheTableOnce() throws Exception {
        List<List<String>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 45; i++) {
            rows.add(List.of(String.format("vm-%02d", i), "Up"));
        }
        rig.core = (r, envelope) -> r.adapter.notifier().post(taskThread(envelope, "T1042"), Reply.builder()
                .text("Pool web has 45 VMs")
                .block(new io.vdibot.commands.reply.TableBlock(List.of("VM", "Status"), rows)).build());
        ObjectNode message = rig.activities.mention(TeamsRig.ALICE, CHANNEL + ";messageid=1700000000011",
                "channel", "vdi pool show web");
        message.put("id", "1700000000011");
        rig.send(message);
        TeamsRig.eventually(() -> rig.bf.sentActivities().stream()
                .anyMatch(a -> a.toString().contains("\"verb\":\"table.all\"")));
        JsonNode showAll = rig.bf.sentActivities().stream()
                .flatMap(a -> a.findValues("data").stream())
                .filter(d -> d.path("vdibot").asText().equals("table.all"))
                .findFirst().orElseThrow();

        ObjectNode click = rig.activities.invoke(TeamsRig.ALICE, CHANNEL + ";messageid=1700000000011", "channel",
                "1700000000011", "table.all", (ObjectNode) showAll.deepCopy());
        assertThat(rig.send(click).statusCode()).isEqualTo(200);
        // Teams repeats an invoke it thinks went unanswered, with the same id
        assertThat(rig.send(click).statusCode()).isEqualTo(200);
        rig.idle();

        TeamsRig.eventually(() -> rig.bf.sentTexts().stream().anyMatch(text -> text.contains("vm-44")));
        rig.idle();
        assertThat(rig.bf.sentTexts().stream().filter(text -> text.contains("vm-44")))
                .as("the rest of the table, posted once").hasSize(1);
    }

    @Test
    void aGuestOfTheOrganisationIsToldSoAndNothingReachesTheCore() throws Exception {
        Activities.User guest = new Activities.User("29:guest", "aad-guest", "Gus Guest",
                "gus_partner.example#EXT#@vdibot.example");
        rig.bf.guest(guest);
        rig.send(rig.activities.personal(guest, "a:guest-chat", "vdi sites"));
        rig.idle();

        assertThat(rig.submitted).isEmpty();
        TeamsRig.eventually(() -> rig.bf.sentTexts().stream()
                .anyMatch(text -> text.contains("guest accounts cannot use this bot")));
    }

    @Test
    void aCommandWithoutArgumentsOpensItsFormAndABadSubmissionShowsTheMistakesOnTheCard() throws Exception {
        rig.send(rig.activities.personal(TeamsRig.ALICE, "a:alice-chat", "pool create"));
        rig.idle();
        assertThat(rig.submitted).isEmpty();
        List<JsonNode> sent = rig.bf.sentActivities();
        assertThat(sent).hasSize(1);
        JsonNode card = sent.get(0).path("attachments").get(0).path("content");
        assertThat(card.toString()).contains("Input.ChoiceSet").contains("rhel9-desktop-dc1")
                .contains("\"verb\":\"form.submit\"").contains("Action.Submit");

        ObjectNode data = Activities.JSON.createObjectNode();
        data.put("vdibot", "form");
        data.put("form", "pool.create");
        data.put("name", "web-??");
        data.put("template", "rhel9-desktop-dc1");
        data.put("size", "0");
        HttpResponse<String> response = rig.send(rig.activities.invoke(TeamsRig.ALICE, "a:alice-chat", "personal",
                "act-form", "form.submit", data));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = Activities.JSON.readTree(response.body());
        assertThat(answer.path("type").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
        String shown = FakeBotFramework.allText(answer.path("value"));
        assertThat(shown).containsIgnoringCase("size");
        assertThat(answer.path("value").toString()).contains("\"color\":\"Attention\"").contains("web-??");
        assertThat(rig.submitted).isEmpty();
    }

    @Test
    void aSubmittedFormBecomesTheStatusCardWhichIsUpdatedInPlaceDespiteThrottling() throws Exception {
        rig.core = (r, envelope) -> {
            ThreadRef thread = taskThread(envelope, "T1042");
            r.adapter.notifier().post(thread, Reply.text("Task T1042 accepted; it will run now."));
        };
        ObjectNode data = Activities.JSON.createObjectNode();
        data.put("vdibot", "form");
        data.put("form", "pool.create");
        data.put("name", "web-??");
        data.put("template", "rhel9-desktop-dc1");
        data.put("size", "2");
        HttpResponse<String> response = rig.send(rig.activities.invoke(TeamsRig.ALICE, "a:alice-chat", "personal",
                "act-form-card", "form.submit", data));
        JsonNode answer = Activities.JSON.readTree(response.body());
        assertThat(FakeBotFramework.allText(answer.path("value"))).contains("Task T1042 accepted");
        assertThat(rig.submitted).hasSize(1);
        Envelope envelope = rig.submitted.get(0);
        assertThat(envelope.formId()).isEqualTo("pool.create");
        assertThat(envelope.formValues()).containsEntry("size", "2").containsEntry("name", "web-??");

        // Teams throttles the first edit; the adapter backs off and the card still shows the latest line
        rig.bf.failNext("PUT", "/v3/conversations/.*/activities/act-form-card", 429, 1, "0.2");
        ThreadRef thread = taskThread(envelope, "T1042");
        MessageHandle progress = rig.adapter.notifier().post(thread, Reply.text("Creating VM 1 of 2"));
        for (int i = 2; i <= 6; i++) {
            rig.adapter.notifier().update(progress, Reply.text("Creating VM " + i + " of 6"));
        }
        rig.idle();
        Thread.sleep(1_000);
        rig.idle();
        var puts = rig.bf.server().findAll(putRequestedFor(urlPathMatching(
                "/v3/conversations/.*/activities/act-form-card")));
        assertThat(puts).hasSizeGreaterThanOrEqualTo(2);
        assertThat(puts.get(0).getHeader("Authorization")).isEqualTo("Bearer outbound-token");
        String last = puts.get(puts.size() - 1).getBodyAsString();
        assertThat(last).contains("Task T1042 accepted").contains("Creating VM");
        var progressPuts = rig.bf.server().findAll(putRequestedFor(urlPathMatching(
                "/v3/conversations/.*/activities/act-[0-9]+")));
        assertThat(progressPuts).as("five progress lines coalesced into few edits").hasSizeLessThan(5);
        assertThat(progressPuts.get(progressPuts.size() - 1).getBodyAsString()).contains("Creating VM 6 of 6");
    }

    @Test
    void anApprovalCardShowsItsButtonsToEveryoneInTheChannelAndRecordsTheDecision() throws Exception {
        askApprovers();
        JsonNode posted = rig.bf.sentActivities().get(0);
        JsonNode card = posted.path("attachments").get(0).path("content");
        // in the card itself: a client refreshes a card only for the users named when it was sent
        assertThat(card.path("actions").toString()).contains("\"verb\":\"approve\"").contains("\"verb\":\"reject\"");
        assertThat(card.path("body").toString()).contains("\"id\":\"reason\"");
        assertThat(card.has("refresh")).isFalse();
        assertThat(rig.bf.connectorCalls()).as("no roster read to decide who sees the buttons")
                .noneMatch(r -> r.getUrl().matches("/v3/conversations/[^/]+/members(\\?.*)?"));
        String cardId = rig.cards.find("T1042", TeamsThreadStore.APPROVAL).orElseThrow().activityId();

        // a card sent before the buttons were in every card still asks for a refresh: everyone gets the buttons
        ObjectNode refresh = Activities.JSON.createObjectNode();
        refresh.put("vdibot", "approval");
        refresh.put("task", "T1042");
        JsonNode outsiderView = Activities.JSON.readTree(rig.send(rig.activities.invoke(
                new Activities.User("29:mallory", "aad-m", "Mallory", "m@x"), TeamsRig.APPROVERS, "channel", cardId,
                "approval.refresh", refresh)).body()).path("value");
        assertThat(outsiderView.path("actions").toString()).contains("\"verb\":\"approve\"");

        rig.core = (r, envelope) -> r.adapter.notifier().post(envelope.thread(), Reply.builder()
                .kind(Reply.Kind.DECISION).tone(Reply.Tone.WARNING)
                .text("Task T1042 (pool.create) was rejected by Bob Approver: too big").build());
        ObjectNode reject = refresh.deepCopy();
        reject.put("reason", "too \"big\"");
        JsonNode decided = Activities.JSON.readTree(rig.send(rig.activities.invoke(TeamsRig.BOB,
                TeamsRig.APPROVERS + ";messageid=" + cardId, "channel", cardId, "reject", reject)).body());
        assertThat(rig.submitted).hasSize(1);
        assertThat(rig.submitted.get(0).text()).isEqualTo("reject T1042 reason=\"too \\\"big\\\"\"");
        String decidedText = FakeBotFramework.allText(decided.path("value"));
        assertThat(decidedText).contains("rejected by Bob Approver").contains("Decided").contains("UTC");
        assertThat(decided.path("value").has("actions")).isFalse();
        assertThat(decided.path("value").has("refresh")).isFalse();
        TeamsRig.eventually(() -> !rig.bf.server().findAll(putRequestedFor(urlPathMatching(
                "/v3/conversations/.*/activities/" + cardId))).isEmpty());
    }

    @Test
    void anAnswerToAClickThatIsNoDecisionReachesOnlyTheClickerAndLeavesTheCard() throws Exception {
        askApprovers();
        String cardId = rig.cards.find("T1042", TeamsThreadStore.APPROVAL).orElseThrow().activityId();
        // the same words as a decision: only the kind tells them apart
        rig.core = (r, envelope) -> r.adapter.notifier().post(envelope.thread(), Reply.builder()
                .kind(Reply.Kind.REFUSAL).tone(Reply.Tone.WARNING)
                .text("Task T1042 (pool.create) was rejected by Bob Approver: too big").build());
        ObjectNode reject = Activities.JSON.createObjectNode();
        reject.put("vdibot", "approval");
        reject.put("task", "T1042");
        reject.put("reason", "too big");

        JsonNode answer = Activities.JSON.readTree(rig.send(rig.activities.invoke(TeamsRig.BOB,
                TeamsRig.APPROVERS + ";messageid=" + cardId, "channel", cardId, "reject", reject)).body());
        rig.idle();

        assertThat(FakeBotFramework.allText(answer.path("value"))).contains("rejected by Bob Approver")
                .doesNotContain("Decided");
        assertThat(answer.path("value").path("actions").toString()).as("the clicker can still decide")
                .contains("\"verb\":\"approve\"");
        assertThat(rig.bf.server().findAll(putRequestedFor(urlPathMatching(
                "/v3/conversations/.*/activities/" + cardId)))).as("everyone's card is left as it was").isEmpty();
        assertThat(rig.bf.sentActivities()).as("nothing posted for everyone to see").hasSize(1);
    }

    @Test
    void aReminderGoesUnderTheCardAndAnExpiredCardLosesItsButtonsForEveryone() throws Exception {
        askApprovers();
        String cardId = rig.cards.find("T1042", TeamsThreadStore.APPROVAL).orElseThrow().activityId();
        ThreadRef requestThread = new ThreadRef(Platform.TEAMS, CHANNEL, "1700000000001", "T1042", Map.of());

        rig.adapter.notifier().remindApprovers(requestThread, Reply.builder().kind(Reply.Kind.NOTICE)
                .tone(Reply.Tone.WARNING).text("Reminder: task T1042 (pool.create) has waited 4 h").build());
        TeamsRig.eventually(() -> rig.bf.sentTexts().stream().anyMatch(t -> t.contains("Reminder: task T1042")));
        assertThat(rig.bf.connectorCalls()).anyMatch(r -> r.getMethod().value().equals("POST")
                && r.getUrl().contains("/activities/" + cardId) && r.getBodyAsString().contains("Reminder"));

        rig.adapter.notifier().closeApproval(requestThread, Reply.builder().kind(Reply.Kind.DECISION)
                .heading("Alice Requester asks for approval of task T1042")
                .text("Expired at 2026-05-07 08:00 UTC: nobody decided within 72 h, so the task did not run.")
                .build());
        TeamsRig.eventually(() -> !rig.bf.server().findAll(putRequestedFor(urlPathMatching(
                "/v3/conversations/.*/activities/" + cardId))).isEmpty());
        JsonNode closed = Activities.JSON.readTree(rig.bf.server().findAll(putRequestedFor(urlPathMatching(
                "/v3/conversations/.*/activities/" + cardId))).get(0).getBodyAsString())
                .path("attachments").get(0).path("content");
        assertThat(FakeBotFramework.allText(closed)).contains("Alice Requester asks for approval of task T1042")
                .contains("Expired at 2026-05-07 08:00 UTC");
        assertThat(closed.has("actions")).isFalse();

        // a click on a copy drawn before is answered with the closed card, not the buttons
        ObjectNode refresh = Activities.JSON.createObjectNode();
        refresh.put("vdibot", "approval");
        refresh.put("task", "T1042");
        JsonNode view = Activities.JSON.readTree(rig.send(rig.activities.invoke(TeamsRig.BOB, TeamsRig.APPROVERS,
                "channel", cardId, "approval.refresh", refresh)).body()).path("value");
        assertThat(view.has("actions")).isFalse();
        assertThat(FakeBotFramework.allText(view)).contains("Expired at");
    }

    private void askApprovers() {
        Reply request = Reply.builder().kind(Reply.Kind.QUESTION)
                .heading("Alice Requester asks for approval of task T1042")
                .actions(new Action(Action.APPROVE, "Approve", "T1042", Action.Style.PRIMARY),
                        new Action(Action.REJECT, "Reject", "T1042", Action.Style.DANGER)).build();
        ThreadRef requestThread = new ThreadRef(Platform.TEAMS, CHANNEL, "1700000000001", "T1042", Map.of());
        rig.adapter.notifier().notifyApprovers(requestThread, request);
    }

    @Test
    void onCallNoticesUseReferencesStoredAtInstallAlsoAfterARestart() throws Exception {
        rig.send(rig.activities.installed(TeamsRig.ERIN, "a:erin-chat", "personal", null));
        rig.idle();
        assertThat(rig.references.find("user:aad-erin")).isPresent();
        ConversationStore kept = rig.references;
        FakeBotFramework teams = rig.bf;
        TeamsRig before = rig;
        before.server.close();
        before.adapter.close();
        teams.resetCalls();

        rig = new TeamsRig(teams, kept, List.of("aad-erin", "19:oncall@thread.tacv2"));
        rig.adapter.notifier().notifyOnCall(Reply.builder().tone(Reply.Tone.ERROR)
                .text("Task T1042 (pool.create) by alice failed").build());
        var posts = rig.bf.connectorCalls().stream().filter(r -> r.getMethod().value().equals("POST")).toList();
        assertThat(posts).extracting(r -> r.getUrl())
                .anyMatch(url -> url.contains("/v3/conversations/a:erin-chat/activities")
                        || url.contains("/v3/conversations/a%3Aerin-chat/activities"))
                .anyMatch(url -> url.contains("oncall"));
        assertThat(posts.get(0).getHeader("Authorization")).isEqualTo("Bearer outbound-token");
        assertThat(FakeBotFramework.allText(Activities.JSON.readTree(posts.get(0).getBodyAsString())))
                .contains("failed");
    }
}
