package io.vdibot.adapters.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.vdibot.adapters.teams.testing.Activities;
import io.vdibot.adapters.teams.testing.FakeBotFramework;
import io.vdibot.adapters.teams.testing.TeamsRig;
import io.vdibot.commands.port.AccessCheck;
import io.vdibot.commands.port.ChatIdentity;
import io.vdibot.commands.port.Envelope;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Form cards list inventory (sites, templates, clusters), so one is drawn only for someone the core knows and lets use
 * its command; everyone else gets the line the core would give, and no choices — whether the form was asked for by
 * typing, reloaded, or submitted. The core's verdicts are scripted as the demo directory gives them.
 */
class TeamsFormGateTest {

    private static final Activities.User SAM = new Activities.User("29:sam", "aad-sam", "Sam Stranger",
            "sam@elsewhere.example");
    private static final Activities.User MALLORY = new Activities.User("29:mallory", "aad-mallory", "Mallory Evans",
            "mallory@vdibot.example");
    private static final Activities.User DAVE = new Activities.User("29:dave", "aad-dave", "Dave Li",
            "dave@vdibot.example");
    /** Every name the rig's inventory gives: none of them may reach someone refused. */
    private static final List<String> INVENTORY = List.of("dc1", "dc2", "rhel9-desktop", "win11", "Linux-Desktops",
            "data-dc");

    private TeamsRig rig;
    private final List<String> asked = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        rig = new TeamsRig();
        rig.bf.member(SAM);
        rig.bf.member(MALLORY);
        rig.bf.member(DAVE);
        rig.access = (identity, commandId) -> {
            asked.add(commandId);
            return demoDirectory(identity, commandId);
        };
    }

    @AfterEach
    void stop() throws Exception {
        rig.close();
    }

    @Test
    void aFormTypedBySomeoneUnknownToTheDirectoryIsTheCoresLineAndNoChoices() throws Exception {
        rig.send(rig.activities.personal(SAM, "a:sam-chat", "vm create"));
        rig.idle();

        List<String> sent = textsSentTo("a:sam-chat");
        assertThat(sent).singleElement().asString().contains("cannot find your account in the directory");
        assertNoInventoryIn(callsTo("a:sam-chat"));
        assertThat(asked).containsExactly("vm.create");
        assertThat(rig.submitted).isEmpty();
    }

    @Test
    void aFormTypedBySomeoneWithoutItsPermissionIsRefusedButAViewerStillLooks() throws Exception {
        rig.send(rig.activities.personal(MALLORY, "a:mallory-chat", "vdi vm create"));
        rig.send(rig.activities.mention(DAVE, "19:vdi-requests@thread.tacv2;messageid=1700000000200", "channel",
                "vdi pool create"));
        rig.idle();

        assertThat(textsSentTo("a:mallory-chat")).singleElement().asString()
                .contains("Sorry, you are not allowed to do that.");
        assertThat(textsSentTo("19:vdi-requests@thread.tacv2")).singleElement().asString()
                .contains("Sorry, you are not allowed to do that.");
        assertNoInventoryIn(callsTo("a:mallory-chat"));
        assertNoInventoryIn(callsTo("19:vdi-requests@thread.tacv2"));
        assertThat(rig.submitted).isEmpty();

        rig.send(rig.activities.personal(DAVE, "a:dave-chat", "sites"));
        rig.idle();
        assertThat(rig.submitted).extracting(Envelope::text).containsExactly("sites");
    }

    @Test
    void reloadingTheChoicesOfAFormListsNothingForSomeoneRefused() throws Exception {
        ObjectNode data = form("vm.create");
        data.put("site", "dc2");

        JsonNode answer = answer(rig.send(rig.activities.invoke(DAVE, "a:dave-chat", "personal", "act-card",
                "form.reload", data)));

        assertThat(FakeBotFramework.allText(answer.path("value"))).contains("Sorry, you are not allowed to do that.");
        assertThat(answer.toString()).doesNotContain("Input.ChoiceSet");
        assertNoInventoryIn(answer.toString());

        JsonNode alices = answer(rig.send(rig.activities.invoke(TeamsRig.ALICE, "a:alice-chat", "personal",
                "act-card-2", "form.reload", data)));
        assertThat(alices.toString()).as("a requester still gets the choices of the chosen site")
                .contains("rhel9-desktop-dc2");
    }

    @Test
    void aSubmittedFormIsNeitherDrawnAgainNorHandedOverForSomeoneRefused() throws Exception {
        ObjectNode mistaken = form("vm.create");
        mistaken.put("name", "bad name!");
        ObjectNode good = form("vm.create");
        good.put("name", "sam-01");
        good.put("template", "rhel9-desktop-dc1");

        for (ObjectNode data : List.of(mistaken, good)) {
            JsonNode answer = answer(rig.send(rig.activities.invoke(SAM, "a:sam-chat", "personal",
                    "act-" + data.path("name").asText().hashCode(), "form.submit", data)));
            assertThat(FakeBotFramework.allText(answer.path("value"))).contains("cannot find your account");
            assertThat(answer.toString()).doesNotContain("Input.");
            assertNoInventoryIn(answer.toString());
        }
        rig.idle();
        assertThat(rig.submitted).isEmpty();
    }

    @Test
    void whileTheDirectoryCannotAnswerNoFormIsDrawn() throws Exception {
        rig.access = (identity, commandId) -> AccessCheck.Verdict.UNAVAILABLE;
        rig.send(rig.activities.personal(TeamsRig.ALICE, "a:alice-chat", "pool create"));
        rig.idle();

        assertThat(textsSentTo("a:alice-chat")).singleElement().asString()
                .contains("I cannot reach the directory right now");
        assertNoInventoryIn(callsTo("a:alice-chat"));
    }

    /**
     * As the demo directory answers: alice requests, dave only looks, mallory is in no group, the rest are unknown.
     */
    private static AccessCheck.Verdict demoDirectory(ChatIdentity identity, String commandId) {
        String email = identity.email() == null ? "" : identity.email();
        return switch (email) {
            case "alice@vdibot.example" -> AccessCheck.Verdict.ALLOWED;
            case "dave@vdibot.example" -> List.of("sites", "dashboard", "list", "show", "tasks").contains(commandId)
                    ? AccessCheck.Verdict.ALLOWED : AccessCheck.Verdict.DENIED;
            case "mallory@vdibot.example" -> AccessCheck.Verdict.DENIED;
            default -> AccessCheck.Verdict.UNKNOWN_USER;
        };
    }

    private static ObjectNode form(String formId) {
        ObjectNode data = Activities.JSON.createObjectNode();
        data.put("vdibot", "form");
        data.put("form", formId);
        return data;
    }

    private static JsonNode answer(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).isEqualTo(200);
        return Activities.JSON.readTree(response.body());
    }

    /** Every Connector call about {@code conversation}: the activities sent there and anything else asked of it. */
    private List<LoggedRequest> callsTo(String conversation) {
        return rig.bf.connectorCalls().stream().filter(r -> decoded(r.getUrl()).contains(conversation)).toList();
    }

    private List<String> textsSentTo(String conversation) throws Exception {
        List<String> texts = new ArrayList<>();
        for (LoggedRequest call : callsTo(conversation)) {
            if (call.getUrl().contains("/activities") && !call.getMethod().value().equals("GET")) {
                texts.add(FakeBotFramework.allText(Activities.JSON.readTree(call.getBodyAsString())));
            }
        }
        return texts;
    }

    private static void assertNoInventoryIn(List<LoggedRequest> calls) {
        assertThat(calls).isNotEmpty();
        calls.forEach(call -> assertNoInventoryIn(call.getBodyAsString()));
    }

    private static void assertNoInventoryIn(String text) {
        for (String name : INVENTORY) {
            assertThat(text).as("no inventory name is shown").doesNotContain(name);
        }
    }

    private static String decoded(String url) {
        return java.net.URLDecoder.decode(url, java.nio.charset.StandardCharsets.UTF_8);
    }
}
