package io.vdibot.core.e2e;

import io.vdibot.commands.i18n.Messages;
import io.vdibot.rhev.simulator.Simulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who may do what: every command of the bot, and for every kind of user the answer they should get, written down
 * independently of the permission code. One table for the console ({@link PermissionMatrixEndToEndTest}), Slack
 * ({@code SlackPermissionMatrixTest}) and Teams ({@code TeamsPermissionMatrixTest}): each test sends every cell as its
 * platform's user of that kind and compares the answer with the cell. A refused cell must store no task and change
 * nothing on the simulated engines.
 *
 * <p>Scheduled commands ({@code at=+1h}) are accepted without running during the test. The rows about a task
 * ({@code {task}}) are about a real one: before the matrix, the requester (alice) asks for {@link #PENDING_TASK},
 * which waits for an approver, and each test puts its code in those lines. So {@code cancel} meets the rule that only
 * a task's requester or an admin may cancel it, and {@code approve} a task that can be approved. Refused cells go
 * first and must leave every task as it was; then, row by row, bob approves it, and alice cancels it.
 *
 * <p>The console has no guests and no other organisation: its test leaves those two columns out. They are refused on
 * every row.
 */
public final class PermissionMatrix {

    /** The kinds of user, one column each, in the table's order. */
    public enum Role {
        VIEWER("viewer (dave)"),
        ONCALL("on call and viewer (erin)"),
        REQUESTER("requester (alice)"),
        APPROVER("approver and requester (bob)"),
        ADMIN("admin (carol)"),
        NO_GROUP("in the directory, in no group (mallory)"),
        NOT_IN_DIRECTORY("not in the directory"),
        GUEST("guest"),
        OTHER_ORGANISATION("another Slack workspace or Teams tenant");

        private final String label;

        Role(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * Y: allowed (answered, or the task accepted); N: refused (told so, nothing stored, nothing changed). The column
     * heads are checked against {@link Role}.
     *
     * <p>{@code help}: open to everyone the platform lets through, in the directory or not (it names nothing of the
     * estate). {@code cancel}: only the task's requester (alice) or an admin; bob's approver role lets him decide on
     * alice's task, not withdraw it. The pool rows: the demo's pools were not created through the bot, so they belong
     * to administrators, and a requester is refused for not owning the pool (revoke names a grant that exists, so
     * that it is the ownership, not the inventory, that refuses).
     */
    private static final String TABLE = """
            viewer (dave)
            |  on call and viewer (erin)
            |  |  requester (alice)
            |  |  |  approver and requester (bob)
            |  |  |  |  admin (carol)
            |  |  |  |  |  in the directory, in no group (mallory)
            |  |  |  |  |  |  not in the directory
            |  |  |  |  |  |  |  guest
            |  |  |  |  |  |  |  |  another Slack workspace or Teams tenant
            |  |  |  |  |  |  |  |  |
            N  N  Y  Y  Y  N  N  N  N  vm create mx-vm template=rhel9-desktop at=+1h
            N  N  Y  Y  Y  N  N  N  N  vm delete par-win11-golden at=+1h
            N  N  Y  Y  Y  N  N  N  N  vm start par-win11-golden at=+1h
            N  N  Y  Y  Y  N  N  N  N  vm stop par-jump-01 at=+1h
            N  N  Y  Y  Y  N  N  N  N  vm shutdown par-jump-01 at=+1h
            N  N  Y  Y  Y  N  N  N  N  vm reboot par-jump-01 at=+1h
            N  N  Y  Y  Y  N  N  N  N  vm snapshot par-jump-01 at=+1h
            N  N  Y  Y  Y  N  N  N  N  vm restore par-jump-01 snapshot=none at=+1h
            N  N  Y  Y  Y  N  N  N  N  pool create mx-?? template=rhel9-desktop size=2 at=+1h
            N  N  N  N  Y  N  N  N  N  pool resize finance-win10 size=7 at=+1h
            N  N  N  N  Y  N  N  N  N  pool grant finance-win10 group=vdi-viewers role=UserRole at=+1h
            N  N  N  N  Y  N  N  N  N  pool revoke finance-win10 group=finance-desktops role=UserRole at=+1h
            N  N  N  N  Y  N  N  N  N  pool owner finance-win10 group=none
            N  N  N  N  Y  N  N  N  N  pool update finance-win10 prestarted=3 at=+1h
            N  N  N  N  Y  N  N  N  N  pool delete finance-win10 at=+1h
            N  N  Y  Y  Y  N  N  N  N  template create mx-tpl vm=par-win11-golden at=+1h
            N  N  Y  Y  Y  N  N  N  N  template migrate rhel8-server from=dc1 to=dc2 cluster=Linux-Desktops storage=sg-data-01 at=+1h
            Y  Y  Y  Y  Y  N  N  N  N  show vm par-jump-01
            Y  Y  Y  Y  Y  N  N  N  N  list vms
            Y  Y  Y  Y  Y  N  N  N  N  sites
            Y  Y  Y  Y  Y  N  N  N  N  dashboard site=dc1
            Y  Y  Y  Y  Y  N  N  N  N  refresh
            Y  Y  Y  Y  Y  N  N  N  N  tasks
            Y  Y  Y  Y  Y  N  N  N  N  task {task}
            Y  Y  Y  Y  Y  N  N  N  N  logs {task}
            Y  Y  Y  Y  Y  N  N  N  N  locks
            Y  Y  Y  Y  Y  Y  Y  N  N  help
            N  N  N  Y  Y  N  N  N  N  approve {task}
            N  N  N  Y  Y  N  N  N  N  reject {task}
            N  N  Y  N  Y  N  N  N  N  cancel {task}
            N  N  N  N  Y  N  N  N  N  locks release nothing-held
            N  N  N  N  Y  N  N  N  N  audit
            N  N  N  N  Y  N  N  N  N  identity list
            N  N  N  N  Y  N  N  N  N  identity rebind slack U0NOBODY
            """;

    /**
     * What the requester asks for before the matrix: a task that waits for an approver ({@code template.migrate}
     * needs one by default), and that a requester may still ask for once pools have owners.
     */
    public static final String PENDING_TASK =
            "template migrate win11-23h2 from=dc1 to=dc2 cluster=Win-Desktops storage=sg-data-01 at=+1h";
    /** Where the code of the {@link #PENDING_TASK} goes in a line. */
    public static final String TASK = "{task}";

    private static final Pattern ROW = Pattern.compile("^((?:[YN]\\s+){" + Role.values().length + "})(\\S.*)$");

    /**
     * The lines every refusal is told in, whatever refused it (core or adapter), in both languages; of a refusal
     * that names the object (not owning a pool), the words before the name.
     */
    private static final List<String> REFUSALS = Messages.supportedLocales().stream().map(Messages::forLocale)
            .flatMap(messages -> Stream.concat(Stream.of("reply.denied", "reply.unknown-user", "reply.no-role", "permission.denied"),
                    messages.keys().stream().filter(key -> key.startsWith("identity.refused.")
                            || key.startsWith("ownership.refused.")))
                    .map(messages::format).map(line -> line.replaceFirst("\\{.*", "").strip()))
            .distinct().toList();

    private PermissionMatrix() {
    }

    /** One row of the table: a command line (what is typed after {@code /vdi}) and its answers. */
    public record Row(String line, String answers) {

        /** The row about the task {@code code}. */
        Row about(String code) {
            return new Row(line.replace(TASK, code), answers);
        }

        /** Whether {@code role} may do what the line asks. */
        public boolean allows(Role role) {
            return answers.charAt(3 * role.ordinal()) == 'Y';
        }
    }

    /** One command line for one kind of user. */
    public record Cell(String line, Role role, boolean allowed) {

        @Override
        public String toString() {
            return role.name().toLowerCase() + " «" + line + "» (" + (allowed ? "allowed" : "refused") + ")";
        }
    }

    /**
     * Every cell of the table for {@code roles}: row by row, each row in {@code roles}' order; {@code task} is the
     * code of the {@link #PENDING_TASK}.
     */
    public static List<Cell> cells(Collection<Role> roles, String task) {
        List<Cell> cells = new ArrayList<>();
        for (Row row : rows(task)) {
            for (Role role : roles) {
                cells.add(new Cell(row.line(), role, row.allows(role)));
            }
        }
        return cells;
    }

    /**
     * The rows of the table, in order, once its column heads are checked against {@link Role}; {@code task} is the
     * code of the {@link #PENDING_TASK}.
     */
    public static List<Row> rows(String task) {
        List<String> heads = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        for (String line : TABLE.strip().split("\n")) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                String answers = row.group(1);
                if (!answers.matches("([YN]  ){" + (Role.values().length - 1) + "}[YN]\\s+")) {
                    throw new IllegalStateException("answers out of their columns: " + line);
                }
                rows.add(new Row(row.group(2).strip(), answers).about(task));
            } else {
                String head = line.replaceFirst("^[|\\s]*", "").strip();
                if (!head.isEmpty()) {
                    heads.add(head);
                }
            }
        }
        List<String> labels = Arrays.stream(Role.values()).map(Role::label).toList();
        if (!heads.equals(labels)) {
            throw new IllegalStateException("column heads " + heads + " are not the roles " + labels);
        }
        return rows;
    }

    /**
     * Whether {@code role} may look at the estate (the table's {@code sites} row): a refusal to such a user may name
     * what they could see anyway (the default site a request acts on, the owner of a pool); to anyone else it names
     * nothing they did not type.
     */
    public static boolean seesEstate(Role role) {
        return rows(TASK).stream().filter(row -> row.line().equals("sites")).findFirst().orElseThrow().allows(role);
    }

    /** Whether {@code text} is one of the lines a refusal is told in. */
    public static boolean isRefusal(String text) {
        return REFUSALS.stream().anyMatch(text::contains);
    }

    /** How many tasks the bot has stored. */
    public static long tasks(DataSource database) {
        return JdbcClient.create(database).sql("SELECT COUNT(*) FROM task").query(Long.class).single();
    }

    /** Every stored task with its status and last change: what a refused cell must leave as it was. */
    public static List<String> taskStates(DataSource database) {
        return JdbcClient.create(database).sql("SELECT CONCAT('T', id, ' ', status, ' ', updated_at) FROM task"
                + " ORDER BY id").query(String.class).list();
    }

    /**
     * The code of the task stored after {@code before} tasks, once it is, checked to be the {@link #PENDING_TASK}
     * waiting for an approver.
     */
    public static String awaitPendingTask(DataSource database, long before, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (tasks(database) == before) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no task stored for «" + PENDING_TASK + "» within " + timeout);
            }
            pause();
        }
        Map<String, Object> task = JdbcClient.create(database).sql("SELECT id, status, command_id FROM task"
                + " ORDER BY id DESC LIMIT 1").query().singleRow();
        if (!"PENDING_APPROVAL".equals(task.get("status")) || !"template.migrate".equals(task.get("command_id"))) {
            throw new AssertionError("«" + PENDING_TASK + "» stored as " + task);
        }
        return "T" + task.get("id");
    }

    /** What each simulated site holds: VMs, pools and templates by name, and permissions by count. */
    public static String estate(Simulator simulator) {
        StringBuilder estate = new StringBuilder();
        for (String site : List.of("dc1", "dc2")) {
            var engine = simulator.site(site).engine();
            estate.append(engine.read(() -> site + " vms=" + engine.estate().vms.values().stream()
                    .map(vm -> vm.name + ":" + vm.status).sorted().toList()
                    + " pools=" + engine.estate().pools.values().stream().map(p -> p.name + ":" + p.prestartedVms)
                    .sorted().toList()
                    + " templates=" + engine.estate().templates.size()
                    + " permissions=" + engine.estate().permissions.size()));
        }
        return estate.toString();
    }

    /** Between two looks for an answer: often enough to see it soon, seldom enough not to load the bot. */
    public static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
