package io.vdibot.core.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vdibot.core.e2e.PermissionMatrix.Cell;
import io.vdibot.core.e2e.PermissionMatrix.Role;
import io.vdibot.rhev.simulator.Simulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every command for every kind of user of the demo directory, through the console: the expected answer of each cell
 * is written in {@link PermissionMatrix}, independently of the permission code. A refused cell stores no task and
 * changes nothing on the engines.
 *
 * <p>Users: dave (viewer), erin (on call and viewer), alice (requester), bob (approver and requester), carol
 * (admin), mallory (in the directory, in no group) and nobody (not in the directory). The console has no guests and
 * no other workspace or tenant: those columns are Slack's and Teams'.
 */
class PermissionMatrixEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Who types each column's cells: {@code /login <uid>}. */
    private static final Map<Role, String> USERS = Map.of(Role.VIEWER, "dave", Role.ONCALL, "erin",
            Role.REQUESTER, "alice", Role.APPROVER, "bob", Role.ADMIN, "carol", Role.NO_GROUP, "mallory",
            Role.NOT_IN_DIRECTORY, "nobody");
    private static final List<Role> ROLES = List.of(Role.VIEWER, Role.ONCALL, Role.REQUESTER, Role.APPROVER,
            Role.ADMIN, Role.NO_GROUP, Role.NOT_IN_DIRECTORY);

    private static BotHarness bot;

    @BeforeAll
    static void start() {
        bot = BotHarness.start();
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    @Test
    void eachCellIsAnsweredAsTheTableSaysAndARefusedCellChangesNothing() {
        // the task the rows about a task are about: alice's, waiting for an approver
        bot.type("/login alice");
        long before = tasks();
        bot.send("/vdi " + PermissionMatrix.PENDING_TASK);
        String task = PermissionMatrix.awaitPendingTask(database(), before, WAIT);
        List<Cell> cells = PermissionMatrix.cells(ROLES, task);
        assertThat(cells).hasSize(34 * ROLES.size());
        List<String> tasksBefore = PermissionMatrix.taskStates(database());
        String estateBefore = estate();
        List<String> wrong = new ArrayList<>();
        // refused cells first: whatever they are, they must leave no trace
        for (Cell cell : cells.stream().filter(c -> !c.allowed()).toList()) {
            check(cell, wrong);
        }
        assertThat(PermissionMatrix.taskStates(database())).as("tasks after refused cells").isEqualTo(tasksBefore);
        assertThat(estate()).as("engine objects after refused cells").isEqualTo(estateBefore);
        for (Cell cell : cells.stream().filter(Cell::allowed).toList()) {
            check(cell, wrong);
        }
        assertThat(wrong).as("cells answered against the table").isEmpty();
    }

    /**
     * Types the cell's line as its user and waits for its answer: a line in the command's own thread, or a task
     * stored (an accepted task answers in the task's thread).
     */
    private static void check(Cell cell, List<String> wrong) {
        bot.type("/login " + USERS.get(cell.role()));
        long tasksBefore = tasks();
        String thread = bot.send("/vdi " + cell.line());
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (bot.thread(thread).isEmpty() && tasks() == tasksBefore) {
            if (System.nanoTime() > deadline) {
                wrong.add(cell + ": no answer");
                return;
            }
            PermissionMatrix.pause();
        }
        boolean refused = bot.thread(thread).stream().anyMatch(PermissionMatrix::isRefusal);
        if (refused == cell.allowed()) {
            wrong.add(cell + ": " + bot.thread(thread));
        }
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
