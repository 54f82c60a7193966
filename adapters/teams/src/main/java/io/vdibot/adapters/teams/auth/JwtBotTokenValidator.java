package io.vdibot.adapters.teams.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.AlgorithmMismatchException;
import com.auth0.jwt.exceptions.IncorrectClaimException;
import com.auth0.jwt.exceptions.JWTDecodeException;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.MissingClaimException;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.auth0.jwt.interfaces.DecodedJWT;
import io.vdibot.adapters.teams.auth.TokenRefusedException.Reason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The Bot Framework's rules for a request from the channel service, in the order its authentication spec gives them:
 * a Bearer token, RS256-family signature by a key from the OpenID metadata, an issuer the settings name
 * ({@code https://api.botframework.com} in the public cloud, another in sovereign clouds),
 * audience = our app id, not expired (5 minutes of clock skew), the {@code serviceurl} claim equal to the activity's
 * {@code serviceUrl} (so a token minted for one service URL cannot make the bot send its own token elsewhere), and the
 * signing key endorsing the activity's channel.
 */
public final class JwtBotTokenValidator implements BotTokenValidator {

    private static final Set<String> ALGORITHMS = Set.of("RS256", "RS384", "RS512");
    private static final Duration SKEW = Duration.ofMinutes(5);

    private final String appId;
    private final Set<String> issuers;
    private final OpenIdKeys keys;
    private final Clock clock;

    public JwtBotTokenValidator(String appId, Set<String> issuers, OpenIdKeys keys, Clock clock) {
        this.appId = Objects.requireNonNull(appId, "appId");
        this.issuers = Set.copyOf(issuers);
        this.keys = Objects.requireNonNull(keys, "keys");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public ValidatedToken validate(String authorization, String serviceUrl, String channelId)
            throws TokenRefusedException {
        String token = bearer(authorization);
        DecodedJWT unverified;
        try {
            unverified = JWT.decode(token);
        } catch (JWTDecodeException e) {
            throw new TokenRefusedException(Reason.MALFORMED, "not a JWT");
        }
        String algorithmName = unverified.getAlgorithm();
        if (!ALGORITHMS.contains(algorithmName)) {
            throw new TokenRefusedException(Reason.ALGORITHM, "algorithm " + algorithmName);
        }
        // The issuer is checked before the signature so that foreign tokens cost no key lookup.
        if (!issuers.contains(unverified.getIssuer())) {
            throw new TokenRefusedException(Reason.ISSUER, "issuer " + unverified.getIssuer());
        }
        String keyId = unverified.getKeyId();
        if (keyId == null) {
            throw new TokenRefusedException(Reason.UNKNOWN_KEY, "no key id");
        }
        OpenIdKeys.SigningKey key = keys.find(keyId)
                .orElseThrow(() -> new TokenRefusedException(Reason.UNKNOWN_KEY, "key " + keyId));
        DecodedJWT verified = verify(token, algorithm(algorithmName, key), unverified);
        if (verified.getExpiresAtAsInstant() == null) {
            throw new TokenRefusedException(Reason.EXPIRED, "no expiry");
        }
        if (!verified.getAudience().contains(appId)) {
            throw new TokenRefusedException(Reason.AUDIENCE, "audience " + verified.getAudience());
        }
        String claimedUrl = verified.getClaim("serviceurl").asString();
        if (claimedUrl == null || serviceUrl == null || !sameServiceUrl(claimedUrl, serviceUrl)) {
            throw new TokenRefusedException(Reason.SERVICE_URL, "serviceurl claim does not match the activity");
        }
        if (channelId == null || key.endorsements().stream().noneMatch(channelId::equals)) {
            throw new TokenRefusedException(Reason.ENDORSEMENT, "key " + keyId + " does not endorse " + channelId);
        }
        return new ValidatedToken(appId, serviceUrl);
    }

    private DecodedJWT verify(String token, Algorithm algorithm, DecodedJWT unverified) throws TokenRefusedException {
        Instant now = clock.instant();
        try {
            JWTVerifier.BaseVerification verification = (JWTVerifier.BaseVerification) JWT.require(algorithm)
                    .acceptLeeway(SKEW.toSeconds())
                    .withClaimPresence("exp");
            return verification.build(Clock.fixed(now, ZoneOffset.UTC)).verify(token);
        } catch (SignatureVerificationException | AlgorithmMismatchException e) {
            throw new TokenRefusedException(Reason.SIGNATURE, "signature does not verify");
        } catch (TokenExpiredException e) {
            throw new TokenRefusedException(Reason.EXPIRED, "expired at " + unverified.getExpiresAtAsInstant());
        } catch (IncorrectClaimException e) {
            Reason reason = "exp".equals(e.getClaimName()) ? Reason.EXPIRED : Reason.NOT_YET_VALID;
            throw new TokenRefusedException(reason, "claim " + e.getClaimName());
        } catch (MissingClaimException e) {
            throw new TokenRefusedException(Reason.EXPIRED, "no expiry");
        } catch (JWTVerificationException e) {
            throw new TokenRefusedException(Reason.MALFORMED, e.getClass().getSimpleName());
        }
    }

    private static Algorithm algorithm(String name, OpenIdKeys.SigningKey key) {
        return switch (name) {
            case "RS384" -> Algorithm.RSA384(key.key(), null);
            case "RS512" -> Algorithm.RSA512(key.key(), null);
            default -> Algorithm.RSA256(key.key(), null);
        };
    }

    private static String bearer(String authorization) throws TokenRefusedException {
        if (authorization == null || authorization.isBlank()) {
            throw new TokenRefusedException(Reason.MISSING, "no Authorization header");
        }
        String[] parts = authorization.trim().split("\\s+");
        if (parts.length != 2 || !"bearer".equals(parts[0].toLowerCase(Locale.ROOT))) {
            throw new TokenRefusedException(Reason.MALFORMED, "not a Bearer token");
        }
        return parts[1];
    }

    /** Service URLs compare without a trailing slash and without case in the host, as the channel sends both. */
    static boolean sameServiceUrl(String a, String b) {
        return strip(a).equalsIgnoreCase(strip(b));
    }

    private static String strip(String url) {
        String trimmed = url.trim();
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
