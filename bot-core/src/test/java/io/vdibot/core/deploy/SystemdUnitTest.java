package io.vdibot.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** {@code deploy/systemd/vdibot.service}: hardened, secrets as credentials, and a unit systemd itself accepts. */
class SystemdUnitTest {

    private static final Path UNIT = Path.of("..", "deploy", "systemd", "vdibot.service");

    /** The [Service] section's settings, each with every value it is given. */
    private static Map<String, List<String>> service() throws IOException {
        Map<String, List<String>> settings = new LinkedHashMap<>();
        String section = "";
        for (String line : Files.readAllLines(UNIT, StandardCharsets.UTF_8)) {
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (trimmed.startsWith("[")) {
                section = trimmed;
            } else if (section.equals("[Service]")) {
                int eq = trimmed.indexOf('=');
                settings.computeIfAbsent(trimmed.substring(0, eq), k -> new ArrayList<>()).add(trimmed.substring(eq + 1));
            }
        }
        return settings;
    }

    @Test
    void theServiceIsHardenedAndReadsItsSecretsAsCredentials() throws IOException {
        Map<String, List<String>> service = service();
        assertThat(service).containsEntry("NoNewPrivileges", List.of("true"))
                .containsEntry("ProtectSystem", List.of("strict"))
                .containsEntry("ProtectHome", List.of("true"))
                .containsEntry("PrivateTmp", List.of("true"))
                .containsEntry("CapabilityBoundingSet", List.of(""))
                .containsEntry("UMask", List.of("0077"))
                .containsEntry("SuccessExitStatus", List.of("143"))
                .containsEntry("ReadWritePaths", service.get("WorkingDirectory"));
        assertThat(service.get("User")).isNotEqualTo(List.of("root"));
        assertThat(service.get("LoadCredential")).singleElement().asString().matches("vdibot:/etc/vdibot/\\S+");
        assertThat(service).as("no secret in the environment").doesNotContainKeys("Environment", "EnvironmentFile");
        assertThat(service.get("ExecStart")).singleElement().asString().contains("-jar /opt/vdibot/vdibot.jar");
    }

    @Test
    void systemdAcceptsTheUnitAndRatesItsExposureLow() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/systemd-analyze")), "systemd-analyze is not here");
        assertThat(run("systemd-analyze", "verify", UNIT.toAbsolutePath().normalize().toString()))
                .as("systemd-analyze verify").isEmpty();
        // exposure from 0.0 (locked down) to 10.0 (unprotected), the threshold in tenths: fail above 2.0 (the JVM
        // keeps it above 1: its JIT needs writable executable memory)
        String security = run("systemd-analyze", "security", "--offline=yes", "--threshold=20",
                UNIT.toAbsolutePath().normalize().toString());
        assertThat(security).contains("Overall exposure level for vdibot.service");
    }

    /** The command's output; fails when it exits non-zero. */
    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ":\n" + output).isZero();
        return output.strip();
    }
}
