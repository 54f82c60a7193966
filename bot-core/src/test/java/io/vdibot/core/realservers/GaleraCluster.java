package io.vdibot.core.realservers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A MariaDB Galera cluster of real {@code mariadbd} processes from the Debian packages ({@code mariadb-server},
 * {@code galera-4}, {@code rsync}), each on its own loopback ports with its data directory under the test's
 * directory: the first node bootstraps the cluster ({@code --wsrep-new-cluster}), the others join it by rsync state
 * transfer. No systemd, no {@code /etc/mysql}: every node reads only its own generated option file.
 *
 * <p>Run as root, the nodes run as the {@code mysql} account the package creates: rsync's daemon, which receives a
 * state transfer, switches to {@code nobody} when started as root and could then not write the data directory.
 */
public final class GaleraCluster implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final String PROGRAMS = "mariadb-server galera-4 rsync";

    private final Path base;
    private final List<Node> nodes = new ArrayList<>();
    private final String osUser;
    private final String adminUser;

    private GaleraCluster(Path base, String osUser, String adminUser) {
        this.base = base;
        this.osUser = osUser;
        this.adminUser = adminUser;
    }

    /** Checks the binaries (skipping or failing the test, see {@link RealServers}). */
    public static void requireBinaries() {
        RealServers.require(PROGRAMS, "mariadbd", "mariadb-install-db", "mariadb", "rsync", "wsrep_sst_rsync",
                "/usr/lib/galera/libgalera_smm.so");
    }

    /** Starts {@code size} nodes one after the other and returns once all are synced in one primary component. */
    public static GaleraCluster start(Path base, int size) {
        requireBinaries();
        boolean root = RealServers.runningAsRoot();
        String osUser = root ? "mysql" : System.getProperty("user.name");
        GaleraCluster cluster = new GaleraCluster(base.toAbsolutePath(), osUser, root ? "root" : osUser);
        try {
            Files.createDirectories(cluster.base);
            int[] gcomm = new int[size];
            for (int i = 0; i < size; i++) {
                gcomm[i] = RealServers.freePort();
            }
            String address = java.util.Arrays.stream(gcomm).mapToObj(p -> "127.0.0.1:" + p)
                    .collect(Collectors.joining(","));
            for (int i = 0; i < size; i++) {
                cluster.nodes.add(new Node(i + 1, cluster.base.resolve("n" + (i + 1)), RealServers.freePort(), gcomm[i],
                        RealServers.freePort(), RealServers.freePort()));
            }
            for (Node node : cluster.nodes) {
                cluster.prepare(node, address);
            }
            for (Node node : cluster.nodes) {
                cluster.launch(node, node.index == 1);
                cluster.awaitSynced(node);
            }
            cluster.awaitClusterSize(size);
            return cluster;
        } catch (IOException e) {
            cluster.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            cluster.close();
            throw e;
        }
    }

    private void prepare(Node node, String clusterAddress) throws IOException {
        Files.createDirectories(node.dir.resolve("data"));
        // the socket path must stay below the ~108 bytes of sun_path
        Path socket = node.dir.resolve("mariadb.sock");
        if (socket.toString().length() > 100) {
            Path shortDir = Files.createTempDirectory("galera");
            socket = shortDir.resolve("n" + node.index + ".sock");
            node.extraDirs.add(shortDir);
        }
        node.socket = socket;
        String options = String.join("\n",
                "[mariadbd]",
                "datadir=" + node.dir.resolve("data"),
                "socket=" + socket,
                "pid-file=" + node.dir.resolve("mariadbd.pid"),
                "log-error=" + node.dir.resolve("error.log"),
                "port=" + node.port,
                "bind-address=127.0.0.1",
                "skip-name-resolve",
                "skip-ssl",
                "character-set-server=utf8mb4",
                "collation-server=utf8mb4_unicode_ci",
                "default-time-zone=+00:00",
                "max_connections=300",
                "max_allowed_packet=64M",
                "performance_schema=OFF",
                "innodb_buffer_pool_size=64M",
                "innodb_log_file_size=16M",
                // durability comes from the other nodes; no fsync per commit on a shared CI disk
                "innodb_flush_log_at_trx_commit=0",
                // what Galera requires
                "binlog_format=ROW",
                "default_storage_engine=InnoDB",
                "innodb_autoinc_lock_mode=2",
                "wsrep_on=ON",
                "wsrep_provider=/usr/lib/galera/libgalera_smm.so",
                "wsrep_cluster_name=vdibot-test",
                "wsrep_cluster_address=gcomm://" + clusterAddress,
                "wsrep_node_name=n" + node.index,
                "wsrep_node_address=127.0.0.1:" + node.gcommPort,
                "wsrep_provider_options=gmcast.listen_addr=tcp://127.0.0.1:" + node.gcommPort
                        + ";ist.recv_addr=127.0.0.1:" + node.istPort + ";gcache.size=32M"
                        // a node killed with SIGKILL is declared gone after this, and the rest go on
                        + ";evs.suspect_timeout=PT3S;evs.inactive_timeout=PT6S",
                "wsrep_sst_method=rsync",
                "wsrep_sst_receive_address=127.0.0.1:" + node.sstPort,
                "wsrep_slave_threads=2",
                // Galera logs every write as a binary log would; the audit table's triggers (migration V7), created by
                // an account without SUPER, need this (see persistence/README.md, "External MariaDB or Galera")
                "log_bin_trust_function_creators=ON",
                "");
        node.optionFile = node.dir.resolve("my.cnf");
        Files.writeString(node.optionFile, options, StandardCharsets.UTF_8);
        if (node.index == 1) {
            List<String> install = new ArrayList<>(List.of("mariadb-install-db", "--no-defaults",
                    "--datadir=" + node.dir.resolve("data"), "--auth-root-authentication-method=socket",
                    "--skip-test-db"));
            if (RealServers.runningAsRoot()) {
                install.add("--user=" + osUser);
            } else {
                // the account the administration below logs in as, through the socket, as this OS user
                install.add("--auth-root-socket-user=" + adminUser);
            }
            RealServers.run(node.dir, install);
        }
        if (RealServers.runningAsRoot()) {
            RealServers.run(base, List.of("chown", "-R", osUser + ":", node.dir.toString()));
            for (Path extra : node.extraDirs) {
                RealServers.run(base, List.of("chown", "-R", osUser + ":", extra.toString()));
            }
            // the mysql account must reach its directories through the ones the test made
            RealServers.run(base, List.of("chmod", "755", base.toString()));
        }
    }

    private void launch(Node node, boolean bootstrap) {
        List<String> command = new ArrayList<>(List.of("mariadbd", "--defaults-file=" + node.optionFile));
        if (RealServers.runningAsRoot()) {
            command.add("--user=" + osUser);
        }
        if (bootstrap) {
            command.add("--wsrep-new-cluster");
        }
        try {
            node.process = new ProcessBuilder(command).directory(node.dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(node.dir.resolve("mariadbd.out").toFile())
                    .start();
            node.process.getOutputStream().close();
            // a test JVM that is stopped leaves no server behind
            Process process = node.process;
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start mariadbd n" + node.index, e);
        }
    }

    private void awaitSynced(Node node) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            if (!node.process.isAlive()) {
                throw new IllegalStateException("Galera node n" + node.index + " exited with "
                        + node.process.exitValue() + "; its log:\n" + tail(node));
            }
            try {
                if ("Synced".equals(status(node, "wsrep_local_state_comment"))) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not listening yet, or still receiving its state
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Galera node n" + node.index + " not synced within " + START_TIMEOUT
                        + "; its log:\n" + tail(node));
            }
            sleep(250);
        }
    }

    private void awaitClusterSize(int size) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (Integer.parseInt(status(nodes.get(0), "wsrep_cluster_size")) < size) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the cluster did not reach " + size + " nodes");
            }
            sleep(250);
        }
    }

    /** Runs SQL as the administrator through the node's socket (Unix-socket authentication, no password). */
    public String sql(int index, String sql) {
        Node node = node(index);
        return RealServers.run(node.dir, List.of("mariadb", "--no-defaults", "--socket=" + node.socket,
                "--user=" + adminUser, "--batch", "--skip-column-names", "--execute=" + sql)).strip();
    }

    /** A global status variable of a node, e.g. {@code wsrep_cluster_size}. */
    public String status(int index, String variable) {
        return status(node(index), variable);
    }

    private String status(Node node, String variable) {
        String line = sql(node.index, "SHOW GLOBAL STATUS LIKE '" + variable + "'");
        String[] parts = line.split("\t");
        return parts.length > 1 ? parts[1] : "";
    }

    /** Creates a database and an account that may use it from 127.0.0.1; Galera replicates both to every node. */
    public void createDatabase(String database, String user, String password) {
        sql(1, "CREATE DATABASE IF NOT EXISTS `" + database
                + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
                + "CREATE USER IF NOT EXISTS '" + user + "'@'127.0.0.1' IDENTIFIED BY '" + password + "';"
                + "GRANT ALL PRIVILEGES ON `" + database + "`.* TO '" + user + "'@'127.0.0.1';");
    }

    /**
     * A failover URL over the nodes in the given order ({@code jdbc:mariadb:sequential://}): the driver uses the
     * first that answers and moves to the next when it fails.
     */
    public String sequentialUrl(String database, int... order) {
        List<String> hosts = new ArrayList<>();
        for (int index : order) {
            hosts.add("127.0.0.1:" + node(index).port);
        }
        return "jdbc:mariadb:sequential://" + String.join(",", hosts) + "/" + database;
    }

    /** A plain URL to one node. */
    public String url(String database, int index) {
        return "jdbc:mariadb://127.0.0.1:" + node(index).port + "/" + database;
    }

    public int size() {
        return nodes.size();
    }

    public long pid(int index) {
        return node(index).process.pid();
    }

    public boolean isAlive(int index) {
        return node(index).process.isAlive();
    }

    /** SIGKILL, as when a machine is lost: no shutdown, no goodbye to the cluster. */
    public void kill(int index) {
        Node node = node(index);
        node.process.destroyForcibly();
        try {
            node.process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until the surviving nodes see a primary component of {@code size} nodes. */
    public void awaitPrimaryOf(int size, int askingNode, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                if ("Primary".equals(status(askingNode, "wsrep_cluster_status"))
                        && Integer.parseInt(status(askingNode, "wsrep_cluster_size")) == size) {
                    return;
                }
            } catch (RuntimeException notAnswering) {
                // keep asking
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no primary component of " + size + " nodes within " + timeout);
            }
            sleep(200);
        }
    }

    /** Sum of a numeric status variable over the nodes still running (e.g. {@code wsrep_local_cert_failures}). */
    public long sumOfStatus(String variable) {
        long sum = 0;
        for (Node node : nodes) {
            if (node.process != null && node.process.isAlive()) {
                try {
                    sum += Long.parseLong(status(node, variable));
                } catch (RuntimeException ignored) {
                    // a node that cannot answer adds nothing
                }
            }
        }
        return sum;
    }

    public String describe() {
        return nodes.stream().map(n -> String.format(Locale.ROOT, "n%d port %d (pid %s)", n.index, n.port,
                n.process == null ? "-" : n.process.pid())).collect(Collectors.joining(", "));
    }

    private Node node(int index) {
        return nodes.get(index - 1);
    }

    /**
     * Stops every node still running (SIGTERM, a clean shutdown; SIGKILL if it does not stop), then deletes the data
     * directories, about 100 MB each with Galera's preallocated cache: their logs and option files stay.
     */
    @Override
    public void close() {
        for (int i = nodes.size() - 1; i >= 0; i--) {
            Node node = nodes.get(i);
            if (node.process == null || !node.process.isAlive()) {
                continue;
            }
            node.process.destroy();
            try {
                if (!node.process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    node.process.destroyForcibly();
                    node.process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                node.process.destroyForcibly();
            }
        }
        for (Node node : nodes) {
            List<Path> remove = new ArrayList<>(node.extraDirs);
            if (node.process == null || !node.process.isAlive()) {
                remove.add(node.dir.resolve("data"));
            }
            for (Path dir : remove) {
                if (!Files.exists(dir)) {
                    continue;
                }
                try (var files = Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (IOException ignored) {
                    // left behind; target/ is the build's to clean
                }
            }
        }
    }

    private static String tail(Node node) {
        try {
            Path log = node.dir.resolve("error.log");
            List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static final class Node {
        final int index;
        final Path dir;
        final int port;
        final int gcommPort;
        final int istPort;
        final int sstPort;
        final List<Path> extraDirs = new ArrayList<>();
        Path socket;
        Path optionFile;
        Process process;

        Node(int index, Path dir, int port, int gcommPort, int istPort, int sstPort) {
            this.index = index;
            this.dir = dir;
            this.port = port;
            this.gcommPort = gcommPort;
            this.istPort = istPort;
            this.sstPort = sstPort;
        }
    }
}
