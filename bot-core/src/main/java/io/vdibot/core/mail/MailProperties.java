package io.vdibot.core.mail;

import io.vdibot.core.config.Secrets;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The SMTP server on-call notices are mailed through ({@code vdibot.mail.*}); no mail is sent unless {@code host} is
 * set.
 *
 * @param host           the SMTP server; blank turns mail off
 * @param port           its port (default 25; 587 is the usual submission port with STARTTLS, 465 with SSL)
 * @param from           the sender address the mails carry
 * @param username       the account to log in as; blank sends without logging in
 * @param password       its password, inline; never logged, hidden by {@link #toString()}
 * @param passwordFile   a file holding the password instead (a mounted secret), read when {@code password} is blank
 * @param starttls       upgrade the connection with STARTTLS before anything is sent, and refuse a server that does
 *                       not offer it (production mode requires it or {@code ssl}, unless {@code allowPlaintext})
 * @param ssl            speak TLS from the first byte (SMTPS, "implicit TLS", port 465), for a server that offers
 *                       no STARTTLS; excludes {@code starttls}
 * @param allowPlaintext production mode accepts a server without STARTTLS or SSL (a relay on the same host)
 * @param caFile         PEM file of the certificate authorities trusted for the server's TLS certificate;
 *                       {@code null} trusts what the JVM trusts
 * @param timeout        how long connecting, and each answer of the server, may take
 */
@ConfigurationProperties("vdibot.mail")
public record MailProperties(
        String host,
        @DefaultValue("25") int port,
        String from,
        String username,
        String password,
        Path passwordFile,
        @DefaultValue("false") boolean starttls,
        @DefaultValue("false") boolean ssl,
        @DefaultValue("false") boolean allowPlaintext,
        Path caFile,
        @DefaultValue("10s") Duration timeout) {

    public MailProperties {
        host = host == null ? "" : host.trim();
        from = from == null ? "" : from.trim();
        username = username == null || username.isBlank() ? null : username.trim();
        // the parameters, not the accessors: the fields are assigned after this block
        if (!host.isEmpty()) {
            if (from.isEmpty()) {
                throw new IllegalArgumentException("vdibot.mail.from must be set when vdibot.mail.host is");
            }
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException("vdibot.mail.port must be between 1 and 65535");
            }
            if (starttls && ssl) {
                throw new IllegalArgumentException("vdibot.mail.starttls and vdibot.mail.ssl exclude each other:"
                        + " STARTTLS upgrades a plain connection (port 587), SSL is TLS from the first byte"
                        + " (port 465)");
            }
            password = Secrets.read(password, passwordFile, "vdibot.mail.password-file");
        }
    }

    /** The connection to the server is encrypted, by STARTTLS or from the first byte. */
    public boolean encrypted() {
        return starttls || ssl;
    }

    /** Mail is sent only when a server is configured. */
    public boolean enabled() {
        return !host.isEmpty();
    }

    @Override
    public String toString() {
        return "MailProperties[host=" + host + ", port=" + port + ", from=" + from + ", username=" + username
                + ", password=" + (password == null || password.isEmpty() ? "<not set>" : "<redacted>")
                + ", passwordFile=" + passwordFile + ", starttls=" + starttls + ", ssl=" + ssl
                + ", allowPlaintext=" + allowPlaintext + ", caFile=" + caFile + ", timeout=" + timeout + "]";
    }
}
