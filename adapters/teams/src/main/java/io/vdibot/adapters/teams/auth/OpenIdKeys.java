package io.vdibot.adapters.teams.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The channel service's signing keys, read from its OpenID metadata document and the {@code jwks_uri} it names, with
 * each key's {@code endorsements} (the channels it may sign for). Keys are cached: refreshed after {@code maxAge},
 * and at most once per {@code minRefresh} when a token names a key we do not know (keys roll over), so a flood of
 * forged key ids cannot turn into a flood of fetches. A failed refresh keeps the keys already known. While no key
 * set was ever read (the metadata service is down at start), fetches are spaced by {@link #EMPTY_RETRY}: every
 * activity is refused meanwhile, and a flood of them must not become a flood of requests to the metadata service.
 */
public final class OpenIdKeys {

    private static final Logger LOG = LoggerFactory.getLogger(OpenIdKeys.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Between two fetches while no key is known: short, so that the adapter recovers soon after the service does. */
    static final Duration EMPTY_RETRY = Duration.ofSeconds(10);

    private final String metadataUrl;
    private final OkHttpClient http;
    private final Clock clock;
    private final Duration maxAge;
    private final Duration minRefresh;
    private volatile Map<String, SigningKey> keys = Map.of();
    private volatile Instant fetchedAt = Instant.MIN;
    private volatile Instant lastAttempt = Instant.MIN;

    public OpenIdKeys(String metadataUrl, OkHttpClient http, Clock clock, Duration maxAge, Duration minRefresh) {
        this.metadataUrl = Objects.requireNonNull(metadataUrl, "metadataUrl");
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxAge = maxAge;
        this.minRefresh = minRefresh;
    }

    /** A signing key and the channels it endorses. */
    public record SigningKey(String keyId, RSAPublicKey key, List<String> endorsements) {
    }

    /**
     * The key with this id, fetching the keys first when they are old or the id is new.
     *
     * @throws TokenRefusedException {@code KEYS_UNAVAILABLE} when no key was ever fetched
     */
    public Optional<SigningKey> find(String keyId) throws TokenRefusedException {
        Instant now = clock.instant();
        if (stale(now) || (!keys.containsKey(keyId) && canRetry(now))) {
            refresh(now, keyId);
        }
        if (keys.isEmpty()) {
            throw new TokenRefusedException(TokenRefusedException.Reason.KEYS_UNAVAILABLE,
                    "no signing keys could be read from " + metadataUrl);
        }
        return Optional.ofNullable(keys.get(keyId));
    }

    private boolean stale(Instant now) {
        return now.isAfter(fetchedAt.plus(maxAge));
    }

    private boolean canRetry(Instant now) {
        return now.isAfter(lastAttempt.plus(minRefresh));
    }

    private boolean canRetryWithoutKeys(Instant now) {
        return !now.isBefore(lastAttempt.plus(EMPTY_RETRY.compareTo(minRefresh) < 0 ? EMPTY_RETRY : minRefresh));
    }

    private synchronized void refresh(Instant now, String keyId) {
        boolean needed = keys.isEmpty() ? canRetryWithoutKeys(now)
                : (stale(now) && canRetry(now)) || (!keys.containsKey(keyId) && canRetry(now));
        if (!needed) {
            return; // another thread refreshed meanwhile
        }
        lastAttempt = now;
        try {
            JsonNode metadata = get(metadataUrl);
            String jwksUri = metadata.path("jwks_uri").asText(null);
            if (jwksUri == null) {
                throw new IOException("the OpenID metadata has no jwks_uri");
            }
            Map<String, SigningKey> read = new HashMap<>();
            for (JsonNode jwk : get(jwksUri).path("keys")) {
                parse(jwk).ifPresent(k -> read.put(k.keyId(), k));
            }
            if (read.isEmpty()) {
                throw new IOException("the key set holds no RSA key");
            }
            keys = Map.copyOf(read);
            fetchedAt = now;
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not refresh the Bot Framework signing keys from {}: {}", metadataUrl, e.toString());
        }
    }

    private JsonNode get(String url) throws IOException {
        try (Response response = http.newCall(new Request.Builder().url(url).get().build()).execute()) {
            ResponseBody body = response.body();
            if (!response.isSuccessful() || body == null) {
                throw new IOException("GET " + url + " answered " + response.code());
            }
            return JSON.readTree(body.byteStream());
        }
    }

    private static Optional<SigningKey> parse(JsonNode jwk) {
        if (!"RSA".equals(jwk.path("kty").asText()) || !jwk.hasNonNull("kid")) {
            return Optional.empty();
        }
        try {
            Base64.Decoder url = Base64.getUrlDecoder();
            BigInteger modulus = new BigInteger(1, url.decode(jwk.path("n").asText()));
            BigInteger exponent = new BigInteger(1, url.decode(jwk.path("e").asText()));
            RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(modulus, exponent));
            List<String> endorsements = new ArrayList<>();
            jwk.path("endorsements").forEach(e -> endorsements.add(e.asText()));
            return Optional.of(new SigningKey(jwk.get("kid").asText(), key, List.copyOf(endorsements)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            LOG.warn("skipping unreadable signing key {}: {}", jwk.path("kid").asText(), e.toString());
            return Optional.empty();
        }
    }
}
