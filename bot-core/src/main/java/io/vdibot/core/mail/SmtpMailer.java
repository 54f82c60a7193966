package io.vdibot.core.mail;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import com.unboundid.util.ssl.PEMFileTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import javax.net.ssl.SSLSocketFactory;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;

/** Sends plain-text UTF-8 mails through the configured SMTP server (Jakarta Mail). */
public final class SmtpMailer {

    private final Session session;
    private final InternetAddress from;

    public SmtpMailer(MailProperties properties) {
        Properties smtp = new Properties();
        smtp.put("mail.smtp.host", properties.host());
        smtp.put("mail.smtp.port", String.valueOf(properties.port()));
        String timeout = String.valueOf(properties.timeout().toMillis());
        smtp.put("mail.smtp.connectiontimeout", timeout);
        smtp.put("mail.smtp.timeout", timeout);
        smtp.put("mail.smtp.writetimeout", timeout);
        if (properties.starttls()) {
            // required, not just enabled: a server (or someone between) that does not offer it gets nothing
            smtp.put("mail.smtp.starttls.enable", "true");
            smtp.put("mail.smtp.starttls.required", "true");
        } else if (properties.ssl()) {
            smtp.put("mail.smtp.ssl.enable", "true");
        }
        if (properties.encrypted()) {
            smtp.put("mail.smtp.ssl.checkserveridentity", "true");
            if (properties.caFile() != null) {
                smtp.put("mail.smtp.ssl.socketFactory", trusting(properties.caFile()));
            }
        }
        Authenticator login = null;
        if (properties.username() != null) {
            smtp.put("mail.smtp.auth", "true");
            String user = properties.username();
            String password = properties.password() == null ? "" : properties.password();
            login = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(user, password);
                }
            };
        }
        this.session = Session.getInstance(smtp, login);
        try {
            this.from = new InternetAddress(properties.from(), true);
        } catch (MessagingException e) {
            throw new IllegalArgumentException("vdibot.mail.from is not a mail address: " + properties.from());
        }
    }

    /** TLS that trusts the CAs of a PEM file, as {@code vdibot.directory.ca-file} does for the directory. */
    private static SSLSocketFactory trusting(Path caFile) {
        try {
            return new SSLUtil(new PEMFileTrustManager(caFile.toFile())).createSSLSocketFactory();
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("vdibot.mail.ca-file " + caFile + " cannot be used: " + e.getMessage(),
                    e);
        }
    }

    /** @throws MessagingException when the server cannot be reached or refuses the mail */
    public void send(String to, String subject, String body) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(from);
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to, true));
        message.setSubject(subject, StandardCharsets.UTF_8.name());
        message.setText(body, StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(Instant.now()));
        Transport.send(message);
    }
}
