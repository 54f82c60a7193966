package io.vdibot.core.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import io.vdibot.core.e2e.PermissionMatrix;
import io.vdibot.core.e2e.PermissionMatrix.Cell;
import io.vdibot.core.e2e.PermissionMatrix.Role;
import io.vdibot.rhev.simulator.Simulator;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every command for every kind of user, through Slack: each cell of {@link PermissionMatrix} is a signed {@code /vdi}
 * slash command, and its answer is what the bot sent back to Slack — to the command's response URL, in the command's
 * channel, or, for another workspace, in the acknowledgement itself. A refused cell stores no task, changes nothing
 * on the simulator, and (to someone who may not look at the estate) names nothing of it its author did not type.
 *
 * <p>Each cell has its own channel ({@code C0MX<n>}) and response URL ({@code mx<n>}), so its answers can be told
 * from the others'.
 */
class SlackPermissionMatrixTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String OTHER_TEAM = "T0EVIL";
    /** A guest account carrying the admin's address: only Slack's guest flag stands between it and everything. */
    private static final String GUEST = "U0GUESTCAROL";

    /** Who sends each column's cells, and from which workspace. */
    private record Sender(String team, String user) {
    }

    private static final Map<Role, Sender> SENDERS = Map.of(
            Role.VIEWER, new Sender(SlackHarness.TEAM, "U0DAVE"),
            Role.ONCALL, new Sender(SlackHarness.TEAM, "U0ERIN"),
            Role.REQUESTER, new Sender(SlackHarness.TEAM, "U0ALICE"),
            Role.APPROVER, new Sender(SlackHarness.TEAM, "U0BOB"),
            Role.ADMIN, new Sender(SlackHarness.TEAM, "U0CAROL"),
            Role.NO_GROUP, new Sender(SlackHarness.TEAM, "U0MALLORY"),
            Role.NOT_IN_DIRECTORY, new Sender(SlackHarness.TEAM, "U0STRANGER"),
            Role.GUEST, new Sender(SlackHarness.TEAM, GUEST),
            // the admin's own user id, from a workspace the bot does not serve
            Role.OTHER_ORGANISATION, new Sender(OTHER_TEAM, "U0CAROL"));

    private static SlackHarness bot;
    private static SlackWebApi slack;

    @BeforeAll
    static void start() {
        bot = SlackHarness.start(Map.of());
        slack = bot.slack();
        slack.person(GUEST, "carol-guest", "Carol Guest", "carol@vdibot.example", "UTC", "en-GB");
        slack.flag(GUEST, "is_restricted", true);
    }

    @AfterAll
    static void stop() {
        if (bot != null) {
            bot.close();
        }
    }

    /** A cell as sent: where its answers go, and what the acknowledgement said. */
    private record Sent(Cell cell, String responseName, String channel, String ack) {
    }

    @Test
    void eachSignedSlashCommandIsAnsweredAsTheTableSaysAndARefusedCellChangesNothing() throws Exception {
        // the task the rows about a task are about: alice's, waiting for an approver
        long before = tasks();
        bot.slash("U0ALICE", "C0MXTASK", PermissionMatrix.PENDING_TASK, "mx-task");
        String task = PermissionMatrix.awaitPendingTask(database(), before, WAIT);
        List<Cell> cells = PermissionMatrix.cells(Arrays.asList(Role.values()), task);
        assertThat(cells).hasSize(34 * Role.values().length);
        List<String> tasksBefore = PermissionMatrix.taskStates(database());
        String estateBefore = estate();
        List<Sent> sent = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        // refused cells first: whatever they are, they must leave no trace
        for (Cell cell : cells.stream().filter(c -> !c.allowed()).toList()) {
            sent.add(send(cell, sent.size(), wrong));
        }
        assertThat(bot.idle(WAIT)).isTrue();
        assertThat(PermissionMatrix.taskStates(database())).as("tasks after refused cells").isEqualTo(tasksBefore);
        assertThat(estate()).as("engine objects after refused cells").isEqualTo(estateBefore);
        for (Cell cell : cells.stream().filter(Cell::allowed).toList()) {
            sent.add(send(cell, sent.size(), wrong));
        }
        assertThat(bot.idle(WAIT)).isTrue();

        // every answer each cell got, now that all are in: one refusal, or none, as the table says
        List<String> estateNames = bot.estateNames();
        for (Sent s : sent) {
            List<String> answers = answers(s);
            // an accepted task was seen stored; its message follows
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (answers.isEmpty() && System.nanoTime() < deadline) {
                PermissionMatrix.pause();
                answers = answers(s);
            }
            boolean refused = answers.stream().anyMatch(PermissionMatrix::isRefusal);
            if (answers.isEmpty() || refused == s.cell().allowed()) {
                wrong.add(s.cell() + ": " + answers);
            }
            if (!s.cell().allowed() && !PermissionMatrix.seesEstate(s.cell().role())) {
                for (String name : estateNames) {
                    if (!s.cell().line().contains(name) && answers.stream().anyMatch(a -> a.contains(name))) {
                        wrong.add(s.cell() + " names " + name + ": " + answers);
                    }
                }
            }
            if (s.cell().role() == Role.OTHER_ORGANISATION && answers.size() != 1) {
                wrong.add(s.cell() + ": more than the acknowledgement's refusal: " + answers);
            }
        }
        assertThat(wrong).as("cells answered against the table").isEmpty();
    }

    /**
     * Sends the cell's line as a signed slash command of its sender and waits for its first answer: the refusal in
     * the acknowledgement (another workspace), a post to its response URL or its channel, or a task stored.
     */
    private static Sent send(Cell cell, int n, List<String> wrong) {
        Sender sender = SENDERS.get(cell.role());
        String name = String.format("mx%03d", n);
        String channel = String.format("C0MX%03d", n);
        long tasksBefore = tasks();
        HttpResponse<String> ack = bot.post(bot.slashBody(sender.team(), sender.user(), channel, cell.line(),
                bot.triggerId(), name), "application/x-www-form-urlencoded", Map.of());
        Sent sent = new Sent(cell, name, channel, ack.statusCode() + " " + ack.body());
        if (ack.statusCode() != 200) {
            wrong.add(cell + ": acknowledged " + sent.ack());
            return sent;
        }
        if (sender.team().equals(OTHER_TEAM)) {
            return sent;
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (answers(sent).isEmpty() && tasks() == tasksBefore) {
            if (System.nanoTime() > deadline) {
                wrong.add(cell + ": no answer");
                return sent;
            }
            PermissionMatrix.pause();
        }
        return sent;
    }

    /**
     * What the bot told about a cell: the acknowledgement when it is the answer (another workspace), posts to the
     * cell's response URL, and messages in the cell's channel.
     */
    private static List<String> answers(Sent sent) {
        List<String> answers = new ArrayList<>();
        if (sent.cell().role() == Role.OTHER_ORGANISATION) {
            answers.add(sent.ack());
        }
        for (JsonObject response : slack.responses(sent.responseName())) {
            answers.add((response.has("text") ? response.get("text").getAsString() : "") + " "
                    + (response.has("blocks") ? response.get("blocks").toString() : ""));
        }
        for (String method : List.of("chat.postMessage", "chat.postEphemeral")) {
            slack.calls(method).stream().filter(c -> sent.channel().equals(c.param("channel")))
                    .forEach(c -> answers.add(c.allText()));
        }
        return answers;
    }

    private static long tasks() {
        return PermissionMatrix.tasks(database());
    }

    private static DataSource database() {
        return bot.bean(DataSource.class);
    }

    private static String estate() {
        return PermissionMatrix.estate(bot.bean(Simulator.class));
    }
}
