package io.vdibot.adapters.slack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's request signing, version {@code v0}: HMAC-SHA256 of {@code v0:<timestamp>:<raw body>} with the app's
 * signing secret, hex, prefixed {@code v0=}, in {@code X-Slack-Signature}; {@code X-Slack-Request-Timestamp} must be
 * within five minutes of now. Compared in constant time, so the time taken tells an attacker nothing about how much
 * of a forged signature was right.
 */
public final class SlackSignatureVerifier {

    public static final String SIGNATURE_HEADER = "X-Slack-Signature";
    public static final String TIMESTAMP_HEADER = "X-Slack-Request-Timestamp";
    public static final Duration WINDOW = Duration.ofMinutes(5);

    private static final String VERSION = "v0";
    private static final String ALGORITHM = "HmacSHA256";

    /** Why a request was accepted or refused; only {@link #VALID} lets it through. */
    public enum Verdict {
        VALID,
        MISSING_HEADERS,
        MALFORMED_TIMESTAMP,
        EXPIRED,
        BAD_SIGNATURE
    }

    private final SecretKeySpec key;
    private final Clock clock;

    public SlackSignatureVerifier(String signingSecret, Clock clock) {
        Objects.requireNonNull(signingSecret, "signingSecret");
        if (signingSecret.isEmpty()) {
            throw new IllegalArgumentException("the signing secret is empty");
        }
        this.key = new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Verdict verify(String timestamp, String signature, byte[] body) {
        if (timestamp == null || signature == null || timestamp.isBlank() || signature.isBlank()) {
            return Verdict.MISSING_HEADERS;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return Verdict.MALFORMED_TIMESTAMP;
        }
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - seconds) > WINDOW.toSeconds()) {
            return Verdict.EXPIRED;
        }
        byte[] expected = signature(key, timestamp.trim(), body).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signature.trim().getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? Verdict.VALID : Verdict.BAD_SIGNATURE;
    }

    /** The {@code X-Slack-Signature} value Slack would send; for clients and tests that sign requests. */
    public static String sign(String signingSecret, String timestamp, byte[] body) {
        return signature(new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), ALGORITHM), timestamp,
                body);
    }

    private static String signature(SecretKeySpec key, String timestamp, byte[] body) {
        try {
            // A Mac is not thread-safe and cheap to create; one per request keeps the servlet lock-free.
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update((VERSION + ":" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
            mac.update(body);
            return VERSION + "=" + HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
