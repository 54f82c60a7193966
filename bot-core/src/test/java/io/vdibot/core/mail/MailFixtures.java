package io.vdibot.core.mail;

import io.vdibot.core.directory.Directory;
import io.vdibot.core.directory.DirectoryUser;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A small directory of on-call groups and people, and helpers to read what an SMTP server received. */
final class MailFixtures {

    static final DirectoryUser DAVE = person("dave", "dave@vdibot.example", Locale.SIMPLIFIED_CHINESE);
    static final DirectoryUser ERIN = person("erin", "erin@vdibot.example", Locale.UK);
    static final DirectoryUser NOMAIL = person("nomail", "", Locale.ENGLISH);

    private MailFixtures() {
    }

    static MailProperties smtp(int port, boolean starttls, Duration timeout) {
        return new MailProperties("127.0.0.1", port, "vdibot@vdibot.example", null, null, null, starttls, false,
                false, null, timeout);
    }

    /** A server spoken to over TLS: by STARTTLS, or from the first byte ({@code ssl}). */
    static MailProperties tls(int port, boolean ssl, java.nio.file.Path caFile, Duration timeout) {
        return new MailProperties("127.0.0.1", port, "vdibot@vdibot.example", null, null, null, !ssl, ssl, false,
                caFile, timeout);
    }

    /** Groups by name: their own address (may be absent) and their members. */
    static Directory directory(Map<String, String> groupMail, Map<String, List<DirectoryUser>> members) {
        return new Directory() {
            @Override
            public Optional<DirectoryUser> findByMail(String mail) {
                return Optional.empty();
            }

            @Override
            public Optional<DirectoryUser> findByUid(String uid) {
                return Optional.empty();
            }

            @Override
            public List<DirectoryUser> membersOf(String group) {
                return members.getOrDefault(group, List.of());
            }

            @Override
            public boolean groupExists(String group) {
                return members.containsKey(group) || groupMail.containsKey(group);
            }

            @Override
            public Optional<String> groupMail(String group) {
                return Optional.ofNullable(groupMail.get(group));
            }
        };
    }

    static String to(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String body(MimeMessage message) {
        try {
            return message.getContent().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DirectoryUser person(String uid, String mail, Locale locale) {
        return new DirectoryUser(uid, uid, mail, Set.of("vdi-viewers"), Optional.empty(), Optional.of(locale));
    }
}
