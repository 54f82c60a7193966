package io.vdibot.rhev.simulator.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine's SSO as its API clients see it: password grant for {@code admin@internal}, bearer
 * tokens that live until revoked or expired, and Basic authentication on the API itself.
 */
public final class Authenticator {

    /** The engine's maximum token lifetime (SSO_TOKEN_TIMEOUT). */
    static final Duration TOKEN_LIFETIME = Duration.ofSeconds(360_000);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String userName;
    private final String domain;
    private final byte[] password;
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();

    public Authenticator(String userAtDomain, String password) {
        int at = userAtDomain.lastIndexOf('@');
        if (at <= 0) {
            throw new IllegalArgumentException("user must look like name@domain");
        }
        this.userName = userAtDomain.substring(0, at);
        this.domain = userAtDomain.substring(at + 1);
        this.password = password.getBytes(StandardCharsets.UTF_8);
    }

    /** The user name as the engine reports it in messages, e.g. {@code admin@internal-authz}. */
    public String principal() {
        return userName + "@" + domain + "-authz";
    }

    public boolean checkPassword(String user, String candidate) {
        boolean userMatches = (userName + "@" + domain).equals(user);
        boolean passwordMatches = candidate != null
                && MessageDigest.isEqual(password, candidate.getBytes(StandardCharsets.UTF_8));
        return userMatches & passwordMatches;
    }

    public String issueToken() {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        tokens.put(token, Instant.now().plus(TOKEN_LIFETIME));
        return token;
    }

    public Instant expiryOf(String token) {
        return tokens.get(token);
    }

    public void revoke(String token) {
        tokens.remove(token);
    }

    /** Checks an {@code Authorization} header: a live bearer token or valid Basic credentials. */
    public boolean accepts(Optional<String> authorization) {
        if (authorization.isEmpty()) {
            return false;
        }
        String value = authorization.get().trim();
        if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Instant expiry = tokens.get(value.substring(7).trim());
            return expiry != null && expiry.isAfter(Instant.now());
        }
        if (value.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(value.substring(6).trim()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon > 0 && checkPassword(decoded.substring(0, colon), decoded.substring(colon + 1));
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return false;
    }
}
