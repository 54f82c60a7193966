package io.vdibot.core.mail;

import static io.vdibot.core.mail.MailFixtures.body;
import static io.vdibot.core.mail.MailFixtures.smtp;
import static io.vdibot.core.mail.MailFixtures.subject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.vdibot.commands.Platform;
import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.commands.reply.Reply;
import io.vdibot.core.notify.Notifiers;
import io.vdibot.core.notify.OnCallNotices;
import io.vdibot.core.notify.QuietChat;
import io.vdibot.persistence.task.LogKind;
import io.vdibot.persistence.task.Requester;
import io.vdibot.persistence.task.TaskApproval;
import io.vdibot.persistence.task.TaskLogEntry;
import io.vdibot.persistence.task.TaskLogRepository;
import io.vdibot.persistence.task.TaskRecord;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The on-call notice posted in chat and mailed: the same text, the task's summary and its log summary. */
class OnCallNoticesMailTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final TaskRecord TASK = new TaskRecord(1042, "vm.create", "{}", TaskStatus.FAILED, "dc1",
            new Requester(Platform.CONSOLE, "alice", "alice", "Alice Martin"), Locale.ENGLISH, ZoneOffset.UTC, null,
            null, Instant.parse("2026-12-01T08:00:00Z"), Instant.now(), Instant.now(), null, null,
            new TaskApproval(false, null, null, null), null, null, null, 0, null);
    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static final List<TaskLogEntry> LOG = List.of(
            new TaskLogEntry(1, 1042, T0, LogKind.DEPLOY, null, "Template rhel9-desktop version 1 checked"),
            new TaskLogEntry(2, 1042, T0.plusSeconds(75), LogKind.ERROR, null,
                    "Step \"Create the VM\" failed: Site dc1 did not answer after 5 attempts"));

    private static GreenMail smtp;

    @BeforeAll
    static void startServer() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
    }

    @AfterAll
    static void stopServer() {
        smtp.stop();
    }

    @Test
    void theChatNoticeAndTheMailCarryTheSummaryAndTheLogSummary() throws Exception {
        RecordingChat chat = new RecordingChat();
        OnCallMail mail = mail(smtp.getSmtp().getPort());
        notices(chat, mail).failed(TASK, null, "Site dc1 did not answer after 5 attempts");

        assertThat(chat.onCall).singleElement().satisfies(reply -> assertThat(reply.plainText()).contains(
                "Task T1042 (vm.create) requested by Alice Martin failed: Site dc1 did not answer after 5 attempts",
                "Site dc1: /vdi logs T1042",
                "Log of T1042: 1 deploy entry and 1 error entry over 1 min 15 s.",
                "Error: Step \"Create the VM\" failed: Site dc1 did not answer after 5 attempts",
                "Last done: Template rhel9-desktop version 1 checked"));

        assertThat(smtp.waitForIncomingEmail(WAIT.toMillis(), 1)).isTrue();
        mail.close();
        MimeMessage received = smtp.getReceivedMessages()[0];
        assertThat(subject(received)).isEqualTo("Task T1042 (vm.create) requested by Alice Martin failed: Site dc1"
                + " did not answer after 5 attempts");
        assertThat(body(received)).contains("Site dc1: /vdi logs T1042")
                .contains("Log of T1042: 1 deploy entry and 1 error entry over 1 min 15 s.")
                .contains("Error: Step \"Create the VM\" failed")
                .contains("/vdi logs T1042 shows the whole log");
    }

    @Test
    void aMailServerThatIsDownLosesNeitherTheChatNoticeNorTime() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        RecordingChat chat = new RecordingChat();
        try (CapturedLog log = new CapturedLog(OnCallMail.class)) {
            OnCallMail mail = mail(closedPort);
            notices(chat, mail).succeeded(TASK, null, "VM web-01 is up at 10.0.0.5");
            assertThat(chat.onCall).singleElement().satisfies(reply -> assertThat(reply.plainText())
                    .contains("Task T1042 (vm.create) requested by Alice Martin succeeded.", "Log of T1042:"));
            mail.close();
            assertThat(log.lines()).singleElement().asString()
                    .startsWith("WARN on-call mail about T1042 to vdi-oncall@vdibot.example not sent: ");
        }
    }

    private static OnCallNotices notices(RecordingChat chat, OnCallMail mail) {
        TaskLogRepository logs = mock(TaskLogRepository.class);
        when(logs.list(1042)).thenReturn(LOG);
        return new OnCallNotices(new Notifiers(List.of(chat)), Locale.ENGLISH, logs, Optional.of(mail), Locale.ENGLISH);
    }

    private static OnCallMail mail(int port) {
        return new OnCallMail(new SmtpMailer(smtp(port, false, WAIT)), MailFixtures.directory(
                Map.of("vdi-oncall", "vdi-oncall@vdibot.example"), Map.of()), List.of("vdi-oncall"),
                Executors.newSingleThreadExecutor());
    }

    /** A chat platform that keeps what on-call people were told. */
    private static final class RecordingChat extends QuietChat {
        final List<Reply> onCall = new CopyOnWriteArrayList<>();

        RecordingChat() {
            super(Platform.CONSOLE);
        }

        @Override
        public void notifyOnCall(Reply reply) {
            onCall.add(reply);
        }
    }
}
