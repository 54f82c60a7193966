package io.vdibot.core.mail;

import static io.vdibot.core.mail.MailFixtures.DAVE;
import static io.vdibot.core.mail.MailFixtures.ERIN;
import static io.vdibot.core.mail.MailFixtures.NOMAIL;
import static io.vdibot.core.mail.MailFixtures.body;
import static io.vdibot.core.mail.MailFixtures.directory;
import static io.vdibot.core.mail.MailFixtures.smtp;
import static io.vdibot.core.mail.MailFixtures.subject;
import static io.vdibot.core.mail.MailFixtures.to;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.vdibot.commands.i18n.Messages;
import io.vdibot.rhev.simulator.tls.CertificateAuthority;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** On-call mail through a real SMTP server in this process (GreenMail). */
class OnCallMailTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    /** The notice as a reader of each language reads it: the status line is the task's, in that language. */
    private static final Function<Messages, OnCallMail.MailText> NOTICE = messages -> new OnCallMail.MailText(
            messages.format("task.status.succeeded") + " T1000", messages.format("task.status.failed"));

    private static GreenMail smtp;
    private final List<OnCallMail> opened = new ArrayList<>();

    @BeforeAll
    static void startServer() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
    }

    @AfterAll
    static void stopServer() {
        smtp.stop();
    }

    @AfterEach
    void closeMailers() throws Exception {
        for (OnCallMail mail : opened) {
            mail.close();
        }
        smtp.purgeEmailFromAllMailboxes();
    }

    @Test
    void aGroupWithItsOwnAddressGetsOneMailInTheOnCallLanguage() throws Exception {
        OnCallMail mail = mail(smtp(port(), false, WAIT), List.of("vdi-oncall"),
                Map.of("vdi-oncall", "vdi-oncall@vdibot.example"), Map.of("vdi-oncall", List.of(ERIN, DAVE)));

        mail.send("T1000", Locale.ENGLISH, NOTICE);

        assertThat(smtp.waitForIncomingEmail(WAIT.toMillis(), 1)).isTrue();
        MimeMessage received = smtp.getReceivedMessages()[0];
        assertThat(to(received)).isEqualTo("vdi-oncall@vdibot.example");
        assertThat(received.getFrom()[0].toString()).isEqualTo("vdibot@vdibot.example");
        assertThat(subject(received)).isEqualTo("succeeded T1000");
        assertThat(body(received)).isEqualTo("failed");
        mail.close();
        assertThat(smtp.getReceivedMessages()).as("the members are not mailed as well").hasSize(1);
    }

    @Test
    void aGroupWithoutAnAddressIsMailedThroughItsMembersEachInTheirOwnLanguage() throws Exception {
        OnCallMail mail = mail(smtp(port(), false, WAIT), List.of("vdi-oncall", "vdi-viewers"), Map.of(),
                Map.of("vdi-oncall", List.of(ERIN), "vdi-viewers", List.of(DAVE, ERIN, NOMAIL)));

        mail.send("T1000", Locale.ENGLISH, NOTICE);

        assertThat(smtp.waitForIncomingEmail(WAIT.toMillis(), 2)).isTrue();
        mail.close();
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).as("erin, in both groups, once; nothing for a member without an address").hasSize(2);
        MimeMessage toDave = Arrays.stream(received).filter(m -> to(m).equals(DAVE.mail())).findFirst().orElseThrow();
        MimeMessage toErin = Arrays.stream(received).filter(m -> to(m).equals(ERIN.mail())).findFirst().orElseThrow();
        assertThat(subject(toDave)).isEqualTo("成功 T1000");
        assertThat(body(toDave)).isEqualTo("失败");
        assertThat(subject(toErin)).isEqualTo("succeeded T1000");
    }

    @Test
    void sendingReturnsAtOnceWhileTheServerHangsAndTheFailureIsOneLine() throws Exception {
        try (ServerSocket silent = new ServerSocket(0); CapturedLog log = new CapturedLog(OnCallMail.class)) {
            List<Socket> accepted = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    accepted.add(silent.accept()); // and never says a word
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.start();
            OnCallMail mail = mail(smtp(silent.getLocalPort(), false, Duration.ofSeconds(2)), List.of("vdi-oncall"),
                    Map.of("vdi-oncall", "vdi-oncall@vdibot.example"), Map.of());

            long started = System.nanoTime();
            mail.send("T1001", Locale.ENGLISH, NOTICE);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(500));

            awaitLine(log, "on-call mail about T1001");
            assertThat(log.lines()).singleElement().asString()
                    .startsWith("WARN on-call mail about T1001 to vdi-oncall@vdibot.example not sent: ")
                    .doesNotContain("stack trace");
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }

    @Test
    void aServerThatCannotBeReachedCostsOneLineAndTheNextNoticeStillGoes() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        try (CapturedLog log = new CapturedLog(OnCallMail.class)) {
            OnCallMail down = mail(smtp(closedPort, false, WAIT), List.of("vdi-oncall"),
                    Map.of("vdi-oncall", "vdi-oncall@vdibot.example"), Map.of());
            down.send("T1002", Locale.ENGLISH, NOTICE);
            awaitLine(log, "T1002");
            assertThat(log.lines()).singleElement().asString().startsWith("WARN on-call mail about T1002 to "
                    + "vdi-oncall@vdibot.example not sent: ");
        }
    }

    @Test
    void withStartTlsRequiredAServerThatDoesNotOfferItIsSentNothing() throws Exception {
        try (CapturedLog log = new CapturedLog(OnCallMail.class)) {
            OnCallMail mail = mail(smtp(port(), true, WAIT), List.of("vdi-oncall"),
                    Map.of("vdi-oncall", "vdi-oncall@vdibot.example"), Map.of());
            mail.send("T1003", Locale.ENGLISH, NOTICE);
            awaitLine(log, "T1003");
            assertThat(log.lines()).singleElement().asString().contains("STARTTLS");
            assertThat(smtp.getReceivedMessages()).isEmpty();
        }
    }

    @Test
    void withStartTlsTheMailGoesEncryptedToAServerWhoseCertificateTheCaFileVouchesForAndNowhereElse(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        goesOnlyToTheServerTheCaFileVouchesFor(dir, false);
    }

    @Test
    void withSslTheMailGoesOverTlsFromTheFirstByteToAServerWhoseCertificateTheCaFileVouchesForAndNowhereElse(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        goesOnlyToTheServerTheCaFileVouchesFor(dir, true);
    }

    @Test
    void withSslAServerThatSpeaksPlainSmtpIsSentNothing() throws Exception {
        try (CapturedLog log = new CapturedLog(OnCallMail.class)) {
            OnCallMail mail = mail(MailFixtures.tls(port(), true, null, WAIT), List.of("vdi-oncall"),
                    Map.of("vdi-oncall", "vdi-oncall@vdibot.example"), Map.of());
            mail.send("T1006", Locale.ENGLISH, NOTICE);
            awaitLine(log, "T1006");
            assertThat(log.lines()).singleElement().asString()
                    .startsWith("WARN on-call mail about T1006 to vdi-oncall@vdibot.example not sent: ");
            assertThat(smtp.getReceivedMessages()).isEmpty();
        }
    }

    /** Through a relay with a certificate of the CA file's, and not through one with another CA's. */
    private void goesOnlyToTheServerTheCaFileVouchesFor(java.nio.file.Path dir, boolean ssl) throws Exception {
        CertificateAuthority ca = CertificateAuthority.create();
        java.nio.file.Path caFile = java.nio.file.Files.writeString(dir.resolve("ca.pem"), ca.certificatePem());
        try (TlsSmtpRelay relay = new TlsSmtpRelay(ca.serverContext(), port(), ssl);
                TlsSmtpRelay impostor = new TlsSmtpRelay(CertificateAuthority.create().serverContext(), port(), ssl);
                CapturedLog log = new CapturedLog(OnCallMail.class)) {
            OnCallMail mail = mail(MailFixtures.tls(relay.port(), ssl, caFile, WAIT), List.of("vdi-oncall"),
                    Map.of("vdi-oncall", "vdi-oncall@vdibot.example"), Map.of());
            mail.send("T1004", Locale.ENGLISH, NOTICE);
            assertThat(smtp.waitForIncomingEmail(WAIT.toMillis(), 1)).isTrue();
            assertThat(relay.handshakes()).isEqualTo(1);
            assertThat(subject(smtp.getReceivedMessages()[0])).isEqualTo("succeeded T1000");

            OnCallMail misled = mail(MailFixtures.tls(impostor.port(), ssl, caFile, WAIT), List.of("vdi-oncall"),
                    Map.of("vdi-oncall", "vdi-oncall@vdibot.example"), Map.of());
            misled.send("T1005", Locale.ENGLISH, NOTICE);
            awaitLine(log, "T1005");
            assertThat(log.lines()).singleElement().asString()
                    .startsWith("WARN on-call mail about T1005 to vdi-oncall@vdibot.example not sent: ");
            assertThat(impostor.handshakes()).as("no TLS session with a certificate nobody trusted").isZero();
            assertThat(smtp.getReceivedMessages()).hasSize(1);
        }
    }

    @Test
    void thePasswordIsReadFromItsFileAndNeverShown(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws IOException {
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("smtp-password"), "s3cret-pass\n");
        MailProperties properties = new MailProperties("smtp.example", 587, "vdibot@example.com", "vdibot", null,
                file, true, false, false, null, WAIT);
        assertThat(properties.password()).isEqualTo("s3cret-pass");
        assertThat(properties.toString()).doesNotContain("s3cret-pass").contains("password=<redacted>");
        assertThat(new MailProperties("", 25, "", null, null, dir.resolve("not-read"), false, false, false, null, WAIT)
                .enabled())
                .as("no host: mail is off and nothing is read").isFalse();
    }

    private OnCallMail mail(MailProperties properties, List<String> groups, Map<String, String> groupMail,
            Map<String, List<io.vdibot.core.directory.DirectoryUser>> members) {
        OnCallMail mail = new OnCallMail(new SmtpMailer(properties), directory(groupMail, members), groups,
                Executors.newSingleThreadExecutor());
        opened.add(mail);
        return mail;
    }

    private static int port() {
        return smtp.getSmtp().getPort();
    }

    private static void awaitLine(CapturedLog log, String text) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (log.lines().stream().noneMatch(line -> line.contains(text))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no log line with " + text + " in " + log.lines());
            }
            Thread.sleep(20);
        }
    }
}
