package io.vdibot.rhev.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vdibot.rhev.simulator.support.RawApi;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ovirt.engine.sdk4.Connection;
import org.ovirt.engine.sdk4.ConnectionBuilder;
import org.ovirt.engine.sdk4.builders.ClusterBuilder;
import org.ovirt.engine.sdk4.builders.TemplateBuilder;
import org.ovirt.engine.sdk4.builders.VmBuilder;
import org.ovirt.engine.sdk4.types.DataCenter;
import org.ovirt.engine.sdk4.types.Vm;
import org.ovirt.engine.sdk4.types.VmStatus;

/** The command line: its printed contract, its options and its refusals. */
class SimulatorMainTest {

    private static final Pattern SITE_LINE = Pattern.compile("(dc\\d+) (https://127\\.0\\.0\\.1:(\\d+)/ovirt-engine/api)");

    @TempDir
    Path dir;

    @Test
    void printsExactlyOneLinePerSiteWithItsApiUrl() {
        Run run = run(List.of("--sites", "3", "--port", "0"), simulator -> {
            assertThat(simulator.sites()).hasSize(3);
        });
        assertThat(run.status).isZero();
        assertThat(run.out.lines()).hasSize(3).allMatch(line -> SITE_LINE.matcher(line).matches());
        assertThat(run.out.lines().map(line -> line.split(" ")[0])).containsExactly("dc1", "dc2", "dc3");
        assertThat(run.err).isEmpty();
    }

    @Test
    void thePrintedUrlIsWhereTheSdkConnectsAndThePasswordOptionIsThePassword() {
        Run run = run(List.of("--sites", "1", "--port", "0", "--password", "s3cret!"), simulator -> {
            String url = simulator.site("dc1").apiUrl();
            Path trustStore = trustStore(simulator.caCertificatePem());
            try (Connection right = sdk(url, trustStore, "s3cret!")) {
                assertThat(right.systemService().dataCentersService().list().send().dataCenters())
                        .extracting(DataCenter::name).containsExactly("Paris-DC");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            Connection wrong = sdk(url, trustStore, "vdibot");
            assertThatThrownBy(() -> wrong.systemService().get().send()).hasRootCauseMessage(
                    "Error during SSO authentication \"access_denied\" : \"Cannot authenticate user "
                            + "'admin@internal': The username or password is incorrect..\"");
        });
        assertThat(run.status).isZero();
        Matcher line = SITE_LINE.matcher(run.out.strip());
        assertThat(line.matches()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--sites x                | --sites needs a whole number, got 'x'",
        "--sites 0                | --sites must be between 1 and 99",
        "--port 70000             | --port must be between 0 and 65535",
        "--port 65535 --sites 2   | --port 65535 leaves no room for 2 sites",
        "--time-scale fast        | --time-scale needs a number, got 'fast'",
        "--time-scale -1          | --time-scale must be a number >= 0",
        "--colour blue            | unknown option --colour",
        "--sites                  | --sites needs a value",
        "stray                    | unexpected argument stray",
        "--data /no/such/file.json | --data /no/such/file.json: no such file"})
    void badOptionsExitWith2AndSayWhatIsWrong(String args, String message) {
        Run run = run(List.of(args.trim().split("\\s+")), simulator -> {
            throw new AssertionError("must not start");
        });
        assertThat(run.status).isEqualTo(2);
        assertThat(run.out).isEmpty();
        assertThat(run.err.lines().findFirst()).hasValue("error: " + message);
        assertThat(run.err).contains("usage: java -jar vdibot-rhev-simulator.jar");
    }

    @Test
    void helpPrintsTheUsage() {
        Run run = run(List.of("--help"), simulator -> {
            throw new AssertionError("must not start");
        });
        assertThat(run.status).isZero();
        assertThat(run.out).contains("--time-scale X").contains("--faults FILE").contains("--state-dir DIR");
    }

    @Test
    void scaleAddsThatManyVmsToEverySite() {
        int[] counts = new int[2];
        run(List.of("--sites", "1", "--port", "0"), simulator -> counts[0] = vmCount(simulator, "dc1"));
        Run run = run(List.of("--sites", "1", "--port", "0", "--scale", "500"),
                simulator -> counts[1] = vmCount(simulator, "dc1"));
        assertThat(run.status).isZero();
        assertThat(counts[1] - counts[0]).isEqualTo(500);
    }

    @Test
    void aDataFileDescribesTheEstate() throws Exception {
        Path data = dir.resolve("lab.json");
        Files.writeString(data, """
                {
                  "roles": [ { "id": "00000000-0000-0000-0001-000000000001", "name": "UserRole",
                               "administrative": false, "description": "Standard User Role" } ],
                  "domains": [ "internal-authz" ],
                  "groups": [ { "name": "Everyone", "domain": "internal-authz" } ],
                  "users": [ { "name": "admin", "domain": "internal-authz", "first": "admin", "last": "" } ],
                  "sites": [ {
                    "name": "lab", "dataCenter": "Lab-DC", "exportDomainAttached": false,
                    "networks": [ { "name": "ovirtmgmt" } ],
                    "storage": [ { "name": "lab-data", "type": "data", "master": true, "address": "nfs.lab",
                                   "path": "/data", "availableGiB": 100, "usedGiB": 10 } ],
                    "clusters": [ { "name": "Lab", "hosts": 1, "hostPrefix": "lab-hv", "memoryGiB": 64, "cores": 8 } ],
                    "templates": [ { "name": "tiny", "cluster": "Lab", "os": "rhel_9x64", "memoryGiB": 1, "cores": 1,
                                     "diskGiB": 10, "storage": "lab-data" } ],
                    "vms": [ { "name": "lab-vm-01", "template": "tiny", "cluster": "Lab", "running": true } ],
                    "pools": []
                  } ]
                }
                """);
        Run run = run(List.of("--sites", "1", "--port", "0", "--data", data.toString()), simulator -> {
            try (Connection dc1 = sdk(simulator.site("dc1").apiUrl(), trustStore(simulator.caCertificatePem()),
                    "vdibot")) {
                assertThat(dc1.systemService().dataCentersService().list().send().dataCenters())
                        .extracting(DataCenter::name).containsExactly("Lab-DC");
                assertThat(dc1.systemService().vmsService().list().send().vms())
                        .extracting(Vm::name, Vm::status).containsExactly(org.assertj.core.groups.Tuple.tuple(
                                "lab-vm-01", VmStatus.UP));
                assertThat(dc1.systemService().hostsService().list().send().hosts()).hasSize(1);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertThat(run.status).as(run.err).isZero();
    }

    @Test
    void aDataFileThatIsNotAnEstateStopsTheStartWithStatus1() throws Exception {
        Path data = dir.resolve("broken.json");
        Files.writeString(data, "{\"sites\": [], \"colour\": \"blue\"}");
        Run run = run(List.of("--sites", "1", "--port", "0", "--data", data.toString()), simulator -> {
            throw new AssertionError("must not start");
        });
        assertThat(run.status).isEqualTo(1);
        assertThat(run.err).startsWith("error: cannot start the simulator: cannot read estate description");
    }

    @Test
    void aFaultFileInjectsFaultsPerSite() throws Exception {
        Path faults = dir.resolve("faults.json");
        Files.writeString(faults, "{\"dc2\": {\"failNext\": 1, \"pathPattern\": \"^/clusters\"}}");
        Run run = run(List.of("--sites", "2", "--port", "0", "--faults", faults.toString()), simulator -> {
            Path trustStore = trustStore(simulator.caCertificatePem());
            RawApi dc1 = RawApi.connect(simulator.site("dc1").apiUrl(), trustStore, "vdibot");
            RawApi dc2 = RawApi.connect(simulator.site("dc2").apiUrl(), trustStore, "vdibot");
            assertThat(dc1.get("clusters").statusCode()).isEqualTo(200);
            assertThat(dc2.get("datacenters").statusCode()).isEqualTo(200);
            assertThat(dc2.get("clusters").statusCode()).isEqualTo(503);
            assertThat(dc2.get("clusters").statusCode()).isEqualTo(200);
        });
        assertThat(run.status).as(run.err).isZero();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"dc1\": {\"latency\": 5}}        | Unrecognized field \"latency\"",
        "{\"dc3\": {\"failNext\": 1}}       | names site 'dc3', but the sites are dc1..dc2",
        "{\"dc1\": {\"errorRate\": 1.5}}    | site dc1: errorRate must be between 0 and 1",
        "[1, 2]                             | Cannot deserialize"})
    void aBadFaultFileIsAUsageError(String json, String message) throws Exception {
        Path faults = dir.resolve("faults.json");
        Files.writeString(faults, json.trim());
        Run run = run(List.of("--sites", "2", "--port", "0", "--faults", faults.toString()), simulator -> {
            throw new AssertionError("must not start");
        });
        assertThat(run.status).isEqualTo(2);
        assertThat(run.err.lines().findFirst()).get().asString().startsWith("error: --faults " + faults)
                .contains(message);
    }

    @Test
    void caOutWritesTheEngineCaAndTheTimeScaleShortensTheModelledDurations() throws Exception {
        Path caFile = dir.resolve("ca.pem");
        Run run = run(List.of("--sites", "1", "--port", "0", "--time-scale", "0.05", "--ca-out", caFile.toString()),
                simulator -> {
                    try {
                        assertThat(Files.readString(caFile)).isEqualTo(simulator.caCertificatePem());
                    } catch (java.io.IOException e) {
                        throw new AssertionError(e);
                    }
                    try (Connection dc1 = sdk(simulator.site("dc1").apiUrl(), trustStore(simulator.caCertificatePem()),
                            "vdibot")) {
                        Vm vm = dc1.systemService().vmsService().add().vm(new VmBuilder().name("quick-01")
                                .cluster(new ClusterBuilder().name("Linux-Desktops"))
                                .template(new TemplateBuilder().name("rhel9-desktop"))).send().vm();
                        // 8 s of disk creation at scale 0.05 take 0.4 s of real time
                        Instant giveUp = Instant.now().plusSeconds(20);
                        VmStatus status = vm.status();
                        while (status != VmStatus.DOWN && Instant.now().isBefore(giveUp)) {
                            Thread.sleep(100);
                            status = dc1.systemService().vmsService().vmService(vm.id()).get().send().vm().status();
                        }
                        assertThat(status).isEqualTo(VmStatus.DOWN);
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                });
        assertThat(run.status).as(run.err).isZero();
    }

    /** The real process: the same lines on stdout, nothing else there, and exit status 2 for a bad option. */
    @Test
    void asAProcessItPrintsOnlyTheSiteLinesAndExits2OnBadOptions() throws Exception {
        Process bad = java("--sites", "none");
        assertThat(bad.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(bad.exitValue()).isEqualTo(2);
        assertThat(new String(bad.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                .startsWith("error: --sites needs a whole number, got 'none'");

        Process good = java("--sites", "2", "--port", "0", "--time-scale", "0");
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(good.getInputStream(), StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>();
            lines.add(out.readLine());
            lines.add(out.readLine());
            assertThat(lines).allMatch(line -> line != null && SITE_LINE.matcher(line).matches());
            Matcher first = SITE_LINE.matcher(lines.get(0));
            assertThat(first.matches()).isTrue();
            assertThat(first.group(1)).isEqualTo("dc1");
            // SIGTERM through the handle: Process.destroy() would also close our end of the pipes
            good.toHandle().destroy();
            assertThat(good.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(out.readLine()).as("nothing after the site lines").isNull();
        } finally {
            good.destroyForcibly();
        }
    }

    private static Process java(String... args) throws java.io.IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SimulatorMain.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).start();
    }

    private record Run(int status, String out, String err) {
    }

    private static Run run(List<String> args, Consumer<Simulator> whileRunning) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = SimulatorMain.run(args.toArray(String[]::new), o, e, simulator -> {
                try {
                    whileRunning.accept(simulator);
                } catch (Throwable t) {
                    failure.set(t);
                }
            });
        }
        if (failure.get() instanceof AssertionError assertion) {
            throw assertion;
        }
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static int vmCount(Simulator simulator, String site) {
        return simulator.site(site).engine().read(() -> simulator.site(site).engine().estate().vms.size());
    }

    private static Connection sdk(String url, Path trustStore, String password) {
        return ConnectionBuilder.connection().url(url).user("admin@internal").password(password)
                .trustStoreFile(trustStore.toString()).trustStorePassword(RawApi.TRUST_PASSWORD).build();
    }

    private Path trustStore(String caPem) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("engine-ca", CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(caPem.getBytes(StandardCharsets.US_ASCII))));
            Path file = Files.createTempFile(dir, "engine-ca", ".p12");
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, RawApi.TRUST_PASSWORD.toCharArray());
            }
            return file;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
