package io.vdibot.rhev.simulator;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vdibot.rhev.simulator.engine.EngineTiming;
import io.vdibot.rhev.simulator.faults.FaultPlan;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar vdibot-rhev-simulator.jar --sites 2 --port 18443 --time-scale 0.05}: starts the
 * sites and prints one line per site with its API URL, then runs until stopped.
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
            "  --ca-out FILE      also write the engine CA certificate (PEM) to FILE");

    private SimulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        Simulator.Builder builder;
        Path caOut;
        try {
            Options options = Options.parse(args);
            if (options.help) {
                System.out.println(USAGE);
                return;
            }
            builder = options.toBuilder();
            caOut = options.caOut;
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        Simulator simulator = builder.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "simulator-shutdown"));
        if (caOut != null) {
            java.nio.file.Files.writeString(caOut, simulator.caCertificatePem());
        }
        printSites(simulator, System.out);
        stopped.await();
    }

    static void printSites(Simulator simulator, PrintStream out) {
        simulator.sites().forEach(site -> out.println(site.name() + " " + site.apiUrl()));
        out.flush();
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
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(arg.startsWith("--") ? arg + " needs a value"
                            : "unexpected argument " + arg);
                }
                String value = args[++i];
                switch (arg) {
                    case "--sites" -> o.sites = positive(arg, value, 1);
                    case "--port" -> o.port = range(arg, value, 0, 65535);
                    case "--time-scale" -> o.timeScale = decimal(arg, value);
                    case "--ip-delay" -> o.ipDelaySeconds = range(arg, value, 0, 86_400);
                    case "--password" -> o.password = value;
                    case "--data" -> o.data = Path.of(value);
                    case "--scale" -> o.scale = range(arg, value, 0, 10_000_000);
                    case "--state-dir" -> o.stateDir = Path.of(value);
                    case "--faults" -> o.faults = Path.of(value);
                    case "--ca-out" -> o.caOut = Path.of(value);
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            if (o.port != 0 && o.port + o.sites - 1 > 65535) {
                throw new IllegalArgumentException("--port " + o.port + " leaves no room for " + o.sites + " sites");
            }
            return o;
        }

        Simulator.Builder toBuilder() throws IOException {
            Simulator.Builder builder = Simulator.builder().sites(sites).basePort(port).password(password)
                    .timing(new EngineTiming(timeScale, Duration.ofSeconds(ipDelaySeconds)))
                    .dataFile(data).scale(scale).stateDir(stateDir);
            if (faults != null) {
                Map<String, FaultPlan.Settings> perSite = new ObjectMapper().readValue(faults.toFile(),
                        new TypeReference<Map<String, FaultPlan.Settings>>() { });
                perSite.forEach(builder::faults);
            }
            return builder;
        }

        private static int positive(String option, String value, int min) {
            return range(option, value, min, Integer.MAX_VALUE);
        }

        private static int range(String option, String value, int min, int max) {
            try {
                int n = Integer.parseInt(value);
                if (n < min || n > max) {
                    throw new IllegalArgumentException(option + " must be between " + min + " and " + max);
                }
                return n;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " needs a whole number, got '" + value + "'");
            }
        }

        private static double decimal(String option, String value) {
            try {
                double d = Double.parseDouble(value);
                if (d < 0 || Double.isNaN(d) || Double.isInfinite(d)) {
                    throw new IllegalArgumentException(option + " must be a number >= 0");
                }
                return d;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " needs a number, got '" + value + "'");
            }
        }
    }
}
