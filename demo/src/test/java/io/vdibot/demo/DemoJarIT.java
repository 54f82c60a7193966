package io.vdibot.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The README's run command: {@code java -jar demo/target/vdibot-demo.jar} on a fresh data directory starts the bot on
 * its embedded defaults and answers on the console; input piped in, it exits when the input ends.
 */
class DemoJarIT {

    private static final Path JAR = Path.of("target", "vdibot-demo.jar");

    @Test
    void theDemoRunsOnItsEmbeddedDefaults() throws Exception {
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "it")).toAbsolutePath(), "demo-");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", JAR.toString(), "--vdibot.data-dir=" + dir.resolve("data"), "--vdibot.demo.port=0",
                "--management.server.port=-1"));
        String binaries = System.getProperty("vdibot.embedded-database.binaries-dir");
        if (binaries != null) {
            command.add(1, "-Dvdibot.embedded-database.binaries-dir=" + binaries);
        }
        Path out = dir.resolve("out.txt");
        Process bot = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(dir.resolve("err.txt").toFile()).start();
        bot.getOutputStream().write("/vdi sites\n/vdi show vm par-jump-01\n".getBytes(StandardCharsets.UTF_8));
        bot.getOutputStream().close();
        assertThat(bot.waitFor(5, TimeUnit.MINUTES)).as("the demo exits at the end of its input").isTrue();
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(bot.exitValue()).as("exit code; printed: %s", lines).isZero();
        assertThat(lines).anyMatch(line -> line.matches("\\[c1\\] dc1 \\(default\\)\\s+https://127\\.0\\.0\\.1:\\d+/ovirt-engine/api\\s+answers.*"))
                .anyMatch(line -> line.startsWith("[c1] dc2 "))
                .anyMatch(line -> line.startsWith("[c2] ") && line.contains("par-jump-01"));
    }
}
