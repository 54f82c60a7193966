package io.vdibot.core.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ChineseConsoleEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
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
    void dump() throws IOException {
        bot.type("/login alice");
        bot.type("/lang zh");
        bot.type("/vdi vm create zh-01 template=rhel9-desktop");
        String task = bot.awaitTask("zh-01", WAIT);
        bot.await("^\\[on-call\\] .*" + task, WAIT);
        String[] lines = {"/vdi task " + task, "/vdi logs " + task, "/vdi tasks", "/vdi list vms", "/vdi list hosts",
            "/vdi list storage", "/vdi list templates", "/vdi list pools", "/vdi show vm par-jump-01",
            "/vdi show pool finance-win10", "/vdi show template win11-23h2", "/vdi dashboard", "/vdi sites",
            "/vdi locks", "/vdi vm create zh-02 template=rhel9-desktop at=tomorrow 08:00 Europe/Paris",
            "/vdi list vms site=all", "/vdi list clusters", "/vdi list roles"};
        for (String line : lines) {
            String label = bot.send(line);
        }
        bot.type("/login dave");
        bot.send("/vdi logs " + task);
        bot.send("/vdi task " + task);
        String last = bot.send("/vdi show template win10-22h2");
        bot.awaitIn(last, "缺少", WAIT);
        Files.write(Path.of("target", "zh-dump.txt"), bot.lines());
    }
}
