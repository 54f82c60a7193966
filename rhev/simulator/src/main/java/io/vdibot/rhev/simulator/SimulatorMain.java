package io.vdibot.rhev.simulator;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vdibot.rhev.simulator.engine.EngineTiming;
import io.vdibot.rhev.simulator.faults.FaultPlan;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * {@code java -jar vdibot-rhev-simulator.jar --sites 2 --port 18443 --time-scale 0.05}: starts the
 * sites, prints one line per site ({@code dc1 https://127.0.0.1:18443/ovirt-engine/api}) on standard
 * output and nothing else there, then runs until stopped. Logs go to standard error. Bad options
 * exit with status 2, a simulator that cannot start with status 1.
 */
public final class SimulatorMain {

    static final String USAGE = String.join(System.lineSeparator(),
            "usage: java -jar vdibot-rhev-simulator.jar [options]",
            "  --sites N          number of sites dc1..dcN (default 2)",
            "  --port P           port of dc1; dc2 gets P+1 and so on (default 18443, 0 = any free port)",
            "  --time-scale X     multiply modelled engine durations by X (default 1.0)",
            "  --ip-delay S       seconds from VM up to guest-agent IP report, before scaling (default 20)",
            "  --password PW      password of admin@internal (default vdibot)",
            "  --data FILE        estate description (JSON) instead of the built-in one",
            "  --scale N          add N generated VMs per site, spread over hosts, clusters, templates, pools",
            "  --state-dir DIR    keep the estate in DIR and find it there after a restart",
            "  --faults FILE      JSON object: site name -> fault settings (see the module README)",
            "  --ca-out FILE      also write the engine CA certificate (PEM) to FILE",
            "  --help             print this text");

    /** Logging set-up of the command line (stderr); a library user keeps their own. */
    private static final String LOGGING = "io/vdibot/rhev/simulator/simulator-logback.xml";

    private SimulatorMain() {
    }

    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", LOGGING);
        }
        int status = run(args, System.out, System.err, SimulatorMain::untilShutdown);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * The whole command line: parses {@code args}, starts the simulator, prints the site lines and
     * hands the running simulator to {@code whileRunning}; the simulator stops when that returns.
     *
     * @return the process exit status
     */
    static int run(String[] args, PrintStream out, PrintStream err, Consumer<Simulator> whileRunning) {
        Options options;
        Simulator.Builder builder;
        try {
            options = Options.parse(args);
            if (options.help) {
                out.println(USAGE);
                return 0;
            }
            builder = options.toBuilder();
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        Simulator simulator;
        try {
            simulator = builder.start();
        } catch (RuntimeException e) {
            err.println("error: cannot start the simulator: " + e.getMessage());
            return 1;
        }
        try {
            if (options.caOut != null) {
                Files.writeString(options.caOut, simulator.caCertificatePem());
            }
            printSites(simulator, out);
            whileRunning.accept(simulator);
            return 0;
        } catch (IOException e) {
            err.println("error: cannot write " + options.caOut + ": " + e.getMessage());
            return 1;
        } finally {
            simulator.close();
        }
    }

    static void printSites(Simulator simulator, PrintStream out) {
        simulator.sites().forEach(site -> out.println(site.name() + " " + site.apiUrl()));
        out.flush();
    }

    /** Blocks until the JVM is asked to stop; the hook saves the state before the process ends. */
    private static void untilShutdown(Simulator simulator) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "simulator-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The parsed command line. */
    static final class Options {
        int sites = 2;
        int port = 18443;
        double timeScale = 1.0;
        long ipDelaySeconds = EngineTiming.DEFAULT_IP_REPORT_DELAY.toSeconds();
        String password = "vdibot";
        Path data;
        int scale;
        Path stateDir;
        Path faults;
        Path caOut;
        boolean help;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("--help") || arg.equals("-h")) {
                    o.help = true;
                    continue;
                }
                if (!arg.startsWith("--")) {
                    throw new IllegalArgumentException("unexpected argument " + arg);
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(arg + " needs a value");
                }
                String value = args[++i];
                switch (arg) {
                    case "--sites" -> o.sites = range(arg, value, 1, 99);
                    case "--port" -> o.port = range(arg, value, 0, 65535);
                    case "--time-scale" -> o.timeScale = decimal(arg, value);
                    case "--ip-delay" -> o.ipDelaySeconds = range(arg, value, 0, 86_400);
                    case "--password" -> o.password = nonEmpty(arg, value);
                    case "--data" -> o.data = existingFile(arg, value);
                    case "--scale" -> o.scale = range(arg, value, 0, 1_000_000);
                    case "--state-dir" -> o.stateDir = Path.of(nonEmpty(arg, value));
                    case "--faults" -> o.faults = existingFile(arg, value);
                    case "--ca-out" -> o.caOut = Path.of(nonEmpty(arg, value));
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            if (o.port != 0 && o.port + o.sites - 1 > 65535) {
                throw new IllegalArgumentException("--port " + o.port + " leaves no room for " + o.sites + " sites");
            }
            return o;
        }

        Simulator.Builder toBuilder() {
            Simulator.Builder builder = Simulator.builder().sites(sites).basePort(port).password(password)
                    .timing(new EngineTiming(timeScale, Duration.ofSeconds(ipDelaySeconds)))
                    .dataFile(data).scale(scale).stateDir(stateDir);
            if (faults != null) {
                readFaults().forEach(builder::faults);
            }
            return builder;
        }

        /** Reads and checks the fault file now, so that a mistake in it is a usage error. */
        private Map<String, FaultPlan.Settings> readFaults() {
            Map<String, FaultPlan.Settings> perSite;
            try {
                perSite = new ObjectMapper().readValue(faults.toFile(),
                        new TypeReference<Map<String, FaultPlan.Settings>>() { });
            } catch (IOException | UncheckedIOException e) {
                throw new IllegalArgumentException("--faults " + faults + ": " + e.getMessage().lines().findFirst()
                        .orElse("unreadable"));
            }
            perSite.forEach((site, settings) -> {
                if (!site.matches("dc[1-9][0-9]?") || Integer.parseInt(site.substring(2)) > sites) {
                    throw new IllegalArgumentException("--faults " + faults + " names site '" + site
                            + "', but the sites are dc1..dc" + sites);
                }
                try {
                    new FaultPlan().apply(settings);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("--faults " + faults + ", site " + site + ": "
                            + e.getMessage());
                }
            });
            return perSite;
        }

        private static int range(String option, String value, int min, int max) {
            int n;
            try {
                n = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " needs a whole number, got '" + value + "'");
            }
            if (n < min || n > max) {
                throw new IllegalArgumentException(option + " must be between " + min + " and " + max);
            }
            return n;
        }

        private static double decimal(String option, String value) {
            double d;
            try {
                d = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " needs a number, got '" + value + "'");
            }
            if (d < 0 || Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException(option + " must be a number >= 0");
            }
            return d;
        }

        private static String nonEmpty(String option, String value) {
            if (value.isBlank()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return value;
        }

        private static Path existingFile(String option, String value) {
            Path file = Path.of(nonEmpty(option, value));
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException(option + " " + value + ": no such file");
            }
            return file;
        }
    }
}
