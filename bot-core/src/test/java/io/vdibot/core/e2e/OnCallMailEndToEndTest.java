package io.vdibot.core.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * On-call notices by mail, through a real SMTP server in this process (GreenMail) that the bot logs in to with a
 * password from a file. Two groups hold the on-call role: {@code vdi-oncall}, which has its own address in the demo
 * directory, and {@code vdi-viewers}, which has none and is reached through its members — dave reads Chinese, erin
 * English. {@code /vdi logs ID summary} shows the log summary the notices carry.
 */
class OnCallMailEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration RUN = Duration.ofSeconds(120);
    private static GreenMail smtp;
    private static BotHarness bot;

    @BeforeAll
    static void start() throws IOException {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.setUser("vdibot@vdibot.example", "vdibot", "mail-secret");
        smtp.start();
        Path password = Files.writeString(BotHarness.newDataDir().resolve("smtp-password"), "mail-secret\n");
        bot = BotHarness.start(Map.ofEntries(
                Map.entry("vdibot.mail.host", "127.0.0.1"),
                Map.entry("vdibot.mail.port", smtp.getSmtp().getPort()),
                Map.entry("vdibot.mail.from", "vdibot@vdibot.example"),
                Map.entry("vdibot.mail.username", "vdibot"),
                Map.entry("vdibot.mail.password-file", password.toString()),
                Map.entry("vdibot.permissions.group-roles.vdi-requesters", "requester"),
                Map.entry("vdibot.permissions.group-roles.vdi-approvers", "approver"),
                Map.entry("vdibot.permissions.group-roles.vdi-admins", "admin"),
                Map.entry("vdibot.permissions.group-roles.vdi-viewers", "viewer,oncall"),
                Map.entry("vdibot.permissions.group-roles.vdi-oncall", "oncall")));
    }

    @AfterAll
    static void stop() {
        if (bot != null) {
            bot.close();
        }
        smtp.stop();
    }

    @Test
    void aFinishedTaskIsMailedToTheOnCallGroupsAddressAndToTheMembersOfAGroupWithoutOneInTheirLanguage()
            throws Exception {
        bot.type("/login alice");
        bot.type("/vdi vm create mail-01 template=rhel9-desktop");
        String task = bot.awaitTask("mail-01", WAIT);
        bot.awaitIn(task, "^ok: ", RUN);
        bot.await("^\\[on-call\\] ok: Task " + task + " ", WAIT);

        assertThat(smtp.waitForIncomingEmail(WAIT.toMillis(), 3)).as("the group's address, dave and erin").isTrue();
        Map<String, MimeMessage> byRecipient = Arrays.stream(smtp.getReceivedMessages())
                .collect(Collectors.toMap(OnCallMailEndToEndTest::recipient, m -> m));
        assertThat(byRecipient).containsOnlyKeys("vdi-oncall@vdibot.example", "dave@vdibot.example",
                "erin@vdibot.example");

        MimeMessage toGroup = byRecipient.get("vdi-oncall@vdibot.example");
        assertThat(toGroup.getFrom()[0].toString()).isEqualTo("vdibot@vdibot.example");
        assertThat(toGroup.getSubject()).isEqualTo("Task " + task + " (vm.create) requested by Alice Martin succeeded.");
        String body = body(toGroup);
        assertThat(body).contains("Site dc1: ").contains("mail-01")
                .containsPattern("Log of " + task + ": \\d+ deploy entries and no error entries over ")
                .contains("Last done: ")
                .contains("/vdi logs " + task + " shows the whole log");

        MimeMessage toDave = byRecipient.get("dave@vdibot.example");
        assertThat(toDave.getSubject()).isEqualTo("Alice Martin 提交的任务 " + task + "（vm.create）已成功完成。");
        assertThat(body(toDave)).contains("站点 dc1：").contains(task + " 的日志：").contains("最后完成：");
        assertThat(byRecipient.get("erin@vdibot.example").getSubject()).isEqualTo(toGroup.getSubject());

        // the chat notice carries the same log summary, which /vdi logs ID summary shows
        List<String> onCall = bot.thread("on-call").stream().filter(line -> line.contains(task)).toList();
        String counts = onCall.stream().filter(line -> line.startsWith("Log of " + task + ": ")).findFirst()
                .orElseThrow(() -> new AssertionError("no log summary in the on-call notice: " + onCall));
        String summary = bot.send("/vdi logs " + task + " summary");
        bot.awaitIn(summary, "^Last done: ", WAIT);
        assertThat(bot.thread(summary)).contains("== Log summary of " + task + " ==", counts)
                .anyMatch(line -> line.startsWith("Last done: "));
        assertThat(body).contains(counts);
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(MimeMessage message) throws IOException, MessagingException {
        return message.getContent().toString();
    }
}
