package io.vdibot.core.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vdibot.adapters.teams.testing.Activities;
import io.vdibot.adapters.teams.testing.FakeBotFramework;
import io.vdibot.core.e2e.PermissionMatrix;
import io.vdibot.core.e2e.PermissionMatrix.Role;
import io.vdibot.core.e2e.PermissionMatrix.Row;
import io.vdibot.rhev.simulator.Simulator;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every command for every kind of user, through Teams: each cell of {@link PermissionMatrix} is a message in a
 * personal chat, posted to {@code /api/messages} with a Bot Framework token signed by the test's key, and its answer
 * is what the bot posted back in that chat through the Connector API. A refused cell stores no task, changes nothing
 * on the simulator, and (to someone who may not look at the estate) names nothing of it its author did not type.
 * Each cell has its own chat ({@code a:mx<n>}), so its answers can be told from the others'.
 *
 * <p>The guest is a roster entry Teams marks {@code userRole: guest} (an Entra B2B guest) carrying the admin's
 * address: told it cannot use the bot, whatever the row. The other organisation is two senders the adapter itself
 * turns away whatever the row, both with the admin's ids and a valid token: a message from another tenant, and one
 * from another Bot Framework channel (Web Chat). Both are answered with nothing at all: HTTP 200, so the channel does
 * not resend, and no message in the chat.
 */
class TeamsPermissionMatrixTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String OTHER_TENANT = "0badc0de-0000-4000-8000-000000000bad";

    /** One column: who sends, with whose expected answers, and how the adapter may turn them away before the core. */
    private enum Column {
        DAVE(Role.VIEWER, TeamsHarness.DAVE),
        ERIN(Role.ONCALL, TeamsHarness.ERIN),
        ALICE(Role.REQUESTER, TeamsHarness.ALICE),
        BOB(Role.APPROVER, TeamsHarness.BOB),
        CAROL(Role.ADMIN, TeamsHarness.CAROL),
        MALLORY(Role.NO_GROUP, TeamsHarness.MALLORY),
        SAM(Role.NOT_IN_DIRECTORY, TeamsHarness.STRANGER),
        CAROL_AS_GUEST(Role.GUEST, TeamsHarness.GUEST),
        CAROL_IN_OTHER_TENANT(Role.OTHER_ORGANISATION, TeamsHarness.CAROL),
        CAROL_THROUGH_WEB_CHAT(Role.OTHER_ORGANISATION, TeamsHarness.CAROL);

        final Role role;
        final Activities.User user;

        Column(Role role, Activities.User user) {
            this.role = role;
            this.user = user;
        }

        /** Turned away by the adapter's tenant and channel gate: no answer at all. */
        boolean gated() {
            return this == CAROL_IN_OTHER_TENANT || this == CAROL_THROUGH_WEB_CHAT;
        }
    }

    private record Cell(Row row, Column column) {

        boolean allowed() {
            return row.allows(column.role);
        }

        @Override
        public String toString() {
            return column.name().toLowerCase() + " «" + row.line() + "» (" + (allowed() ? "allowed" : "refused") + ")";
        }
    }

    /** A cell as sent: its chat, and the HTTP answer to the activity. */
    private record Sent(Cell cell, String chat, int status) {
    }

    private static TeamsHarness bot;

    @BeforeAll
    static void start() {
        bot = new TeamsHarness(Map.of());
    }

    @AfterAll
    static void stop() {
        if (bot != null) {
            bot.close();
        }
    }

    @Test
    void eachSignedActivityIsAnsweredAsTheTableSaysAndARefusedCellChangesNothing() throws Exception {
        // the task the rows about a task are about: alice's, waiting for an approver
        long before = tasks();
        bot.send(bot.activities.personal(TeamsHarness.ALICE, "a:mx-task", PermissionMatrix.PENDING_TASK));
        String task = PermissionMatrix.awaitPendingTask(database(), before, WAIT);
        List<Cell> cells = new ArrayList<>();
        for (Row row : PermissionMatrix.rows(task)) {
            for (Column column : Column.values()) {
                cells.add(new Cell(row, column));
            }
        }
        assertThat(cells).hasSize(34 * Column.values().length);
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

        // every answer each cell got, now that all are in: a refusal, or none, as the table says
        List<String> estateNames = bot.estateNames();
        for (Sent s : sent) {
            List<String> answers = sentTo(s.chat());
            if (s.cell().column.gated()) {
                if (s.cell().allowed() || !answers.isEmpty() || s.status() != 200
                        || bot.conversationRefs("conversation:" + s.chat()) != 0) {
                    wrong.add(s.cell() + ": HTTP " + s.status() + ", " + answers);
                }
                continue;
            }
            // an accepted task was seen stored; its message follows
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (answers.isEmpty() && System.nanoTime() < deadline) {
                PermissionMatrix.pause();
                answers = sentTo(s.chat());
            }
            boolean refused = answers.stream().anyMatch(PermissionMatrix::isRefusal);
            if (answers.isEmpty() || refused == s.cell().allowed() || s.status() != 200) {
                wrong.add(s.cell() + ": HTTP " + s.status() + ", " + answers);
            }
            if (!s.cell().allowed() && !PermissionMatrix.seesEstate(s.cell().column().role)) {
                for (String name : estateNames) {
                    if (!s.cell().row().line().contains(name) && answers.stream().anyMatch(a -> a.contains(name))) {
                        wrong.add(s.cell() + " names " + name + ": " + answers);
                    }
                }
            }
        }
        assertThat(wrong).as("cells answered against the table").isEmpty();
    }

    /**
     * Posts the cell's line as a message of its sender in the cell's own personal chat and waits for its first
     * answer: a message in that chat, or a task stored. Turned away by the gate, it is answered in the HTTP response
     * already (200, nothing else), and nothing is waited for.
     */
    private static Sent send(Cell cell, int n, List<String> wrong) {
        String chat = String.format("a:mx%03d", n);
        ObjectNode message = bot.activities.personal(cell.column.user, chat, cell.row().line());
        long tasksBefore = tasks();
        HttpResponse<String> response = switch (cell.column) {
            case CAROL_IN_OTHER_TENANT -> bot.send(Activities.inTenant(message, OTHER_TENANT));
            case CAROL_THROUGH_WEB_CHAT -> {
                // a key the channel service uses for Web Chat as well as Teams: the token is valid, the channel not
                message.put("channelId", "webchat");
                yield bot.post(message.toString(),
                        "Bearer " + bot.webChatToo.mint(FakeBotFramework.APP_ID, bot.bf.serviceUrl()));
            }
            default -> bot.send(message);
        };
        Sent sent = new Sent(cell, chat, response.statusCode());
        if (cell.column.gated() || response.statusCode() != 200) {
            return sent;
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (sentTo(chat).isEmpty() && tasks() == tasksBefore) {
            if (System.nanoTime() > deadline) {
                wrong.add(cell + ": no answer");
                return sent;
            }
            PermissionMatrix.pause();
        }
        return sent;
    }

    /** The text of every activity the bot posted or updated in {@code chat}. */
    private static List<String> sentTo(String chat) {
        String path = "/v3/conversations/" + chat + "/activities";
        return bot.bf.connectorCalls().stream()
                .filter(r -> r.getMethod().value().equals("POST") || r.getMethod().value().equals("PUT"))
                .filter(r -> URLDecoder.decode(r.getUrl(), StandardCharsets.UTF_8).startsWith(path))
                .map(r -> {
                    try {
                        return FakeBotFramework.allText(Activities.JSON.readTree(r.getBodyAsString()));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
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
