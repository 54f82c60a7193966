package io.vdibot.core.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vdibot.rhev.simulator.Simulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every command for every kind of user of the demo directory, through the console: the expected answer of each cell
 * is written in the table below, independently of the permission code. A refused cell stores no task and changes
 * nothing on the engines.
 *
 * <p>Users: dave (viewer), erin (on call and viewer), alice (requester), bob (approver and requester), carol
 * (admin), mallory (in the directory, in no group) and nobody (not in the directory). The demo's pools were not
 * created through the bot, so only administrators change them.
 */
class PermissionMatrixEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final List<String> USERS = List.of("dave", "erin", "alice", "bob", "carol", "mallory", "nobody");

    /** A command line, then for each user in {@link #USERS} order: Y allowed, N refused. */
    private static final String MATRIX = """
            vm create mx-vm template=rhel9-desktop at=+1h                     | N N Y Y Y N N
            vm delete par-win11-golden at=+1h                                  | N N Y Y Y N N
            vm start par-win11-golden at=+1h                                   | N N Y Y Y N N
            vm stop par-jump-01 at=+1h                                         | N N Y Y Y N N
            vm shutdown par-jump-01 at=+1h                                     | N N Y Y Y N N
            vm reboot par-jump-01 at=+1h                                       | N N Y Y Y N N
            vm snapshot par-jump-01 at=+1h                                     | N N Y Y Y N N
            vm restore par-jump-01 snapshot=none at=+1h                        | N N Y Y Y N N
            pool create mx-?? template=rhel9-desktop size=2 at=+1h            | N N Y Y Y N N
            pool resize finance-win10 size=7 at=+1h                            | N N N N Y N N
            pool grant finance-win10 group=vdi-viewers role=UserRole at=+1h    | N N N N Y N N
            pool revoke finance-win10 group=finance-desktops role=UserRole at=+1h | N N N N Y N N
            pool update finance-win10 prestarted=3 at=+1h                      | N N N N Y N N
            pool delete finance-win10 at=+1h                                   | N N N N Y N N
            pool owner finance-win10 group=none                                | N N N N Y N N
            template create mx-tpl vm=par-win11-golden at=+1h                  | N N Y Y Y N N
            template migrate rhel8-server from=dc1 to=dc2 cluster=Linux-Desktops storage=sg-data-01 at=+1h | N N Y Y Y N N
            show vm par-jump-01                                                | Y Y Y Y Y N N
            list vms                                                           | Y Y Y Y Y N N
            sites                                                              | Y Y Y Y Y N N
            dashboard site=dc1                                                 | Y Y Y Y Y N N
            refresh                                                            | Y Y Y Y Y N N
            tasks                                                              | Y Y Y Y Y N N
            task T1                                                            | Y Y Y Y Y N N
            logs T1                                                            | Y Y Y Y Y N N
            locks                                                              | Y Y Y Y Y N N
            help                                                               | Y Y Y Y Y N N
            cancel T1                                                          | N N Y Y Y N N
            approve T1                                                         | N N N Y Y N N
            reject T1                                                          | N N N Y Y N N
            locks release nothing-held                                         | N N N N Y N N
            audit                                                              | N N N N Y N N
            identity list                                                      | N N N N Y N N
            identity rebind slack U0NOBODY                                     | N N N N Y N N
            """;

    private static BotHarness bot;

    @BeforeAll
    static void start() {
        bot = BotHarness.start();
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    private record Cell(String user, String line, boolean allowed) {
    }

    private static List<Cell> cells() {
        List<Cell> cells = new ArrayList<>();
        for (String row : MATRIX.strip().split("\n")) {
            String[] parts = row.split("\\|");
            String[] answers = parts[1].trim().split("\\s+");
            assertThat(answers).as(row).hasSize(USERS.size());
            for (int i = 0; i < USERS.size(); i++) {
                cells.add(new Cell(USERS.get(i), "/vdi " + parts[0].trim(), answers[i].equals("Y")));
            }
        }
        return cells;
    }

    @Test
    void eachCellIsAnsweredAsTheTableSaysAndARefusedCellChangesNothing() {
        List<Cell> cells = cells();
        assertThat(cells).hasSize(34 * USERS.size());
        long tasksBefore = tasks();
        String estateBefore = estate();
        List<String> wrong = new ArrayList<>();
        // refused cells first: whatever they are, they must leave no trace
        for (Cell cell : cells.stream().filter(c -> !c.allowed()).toList()) {
            check(cell, wrong);
        }
        assertThat(tasks()).as("tasks stored by refused cells").isEqualTo(tasksBefore);
        assertThat(estate()).as("engine objects after refused cells").isEqualTo(estateBefore);
        for (Cell cell : cells.stream().filter(Cell::allowed).toList()) {
            check(cell, wrong);
        }
        assertThat(wrong).as("cells answered against the table").isEmpty();
    }

    /** The refusals of the pipeline, in English and in Chinese (dave reads Chinese). */
    private static final java.util.regex.Pattern REFUSAL = java.util.regex.Pattern.compile(
            "not allowed to do that|cannot find your account|change only pools you own"
                    + "|没有执行此操作的权限|找不到您的账号|只能修改自己拥有的虚拟机池");

    /**
     * Types the cell's line as its user and waits for its answer: a line in the command's own thread, or a task
     * stored (an accepted task answers in the task's thread).
     */
    private static void check(Cell cell, List<String> wrong) {
        bot.type("/login " + cell.user());
        long tasksBefore = tasks();
        String thread = bot.send(cell.line());
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (bot.thread(thread).isEmpty() && tasks() == tasksBefore) {
            if (System.nanoTime() > deadline) {
                wrong.add(cell.user() + " «" + cell.line() + "»: no answer");
                return;
            }
            pause();
        }
        boolean refused = bot.thread(thread).stream().anyMatch(l -> REFUSAL.matcher(l).find());
        if (refused == cell.allowed()) {
            wrong.add(cell.user() + " «" + cell.line() + "»: " + bot.thread(thread));
        }
    }

    private static long tasks() {
        return JdbcClient.create(bot.bean(DataSource.class)).sql("SELECT COUNT(*) FROM task").query(Long.class)
                .single();
    }

    /** What each simulated site holds: VMs, pools and templates by name, and permissions by count. */
    private static String estate() {
        StringBuilder estate = new StringBuilder();
        for (String site : List.of("dc1", "dc2")) {
            var engine = bot.bean(Simulator.class).site(site).engine();
            estate.append(engine.read(() -> site + " vms=" + engine.estate().vms.values().stream()
                    .map(vm -> vm.name + ":" + vm.status).sorted().toList()
                    + " pools=" + engine.estate().pools.values().stream().map(p -> p.name + ":" + p.prestartedVms)
                    .sorted().toList()
                    + " templates=" + engine.estate().templates.size()
                    + " permissions=" + engine.estate().permissions.size()));
        }
        return estate.toString();
    }

    /** Between two looks at the database: often enough to see a change soon, seldom enough not to load it. */
    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
