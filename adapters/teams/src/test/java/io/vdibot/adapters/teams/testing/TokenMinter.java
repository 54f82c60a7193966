package io.vdibot.adapters.teams.testing;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Signs tokens as the Bot Framework channel service does (RS256, issuer {@code https://api.botframework.com}, audience
 * the app id, {@code serviceurl} claim), with a key the tests own and publish in their fake key set.
 */
public final class TokenMinter {

    public static final String ISSUER = "https://api.botframework.com";

    private final String keyId;
    private final KeyPair keys;
    private final List<String> endorsements;

    public TokenMinter(String keyId, List<String> endorsements) {
        this.keyId = keyId;
        this.endorsements = List.copyOf(endorsements);
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            this.keys = generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String keyId() {
        return keyId;
    }

    /** This key as a JWK with its endorsements, as {@code login.botframework.com} publishes keys. */
    public Map<String, Object> jwk() {
        RSAPublicKey pub = (RSAPublicKey) keys.getPublic();
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        return Map.of("kty", "RSA", "use", "sig", "kid", keyId,
                "n", url.encodeToString(unsigned(pub.getModulus().toByteArray())),
                "e", url.encodeToString(unsigned(pub.getPublicExponent().toByteArray())),
                "endorsements", endorsements);
    }

    /** A valid token for {@code appId} and {@code serviceUrl}, changed by {@code tweak}. */
    public String mint(String appId, String serviceUrl, Consumer<JWTCreator.Builder> tweak) {
        Instant now = Instant.now();
        JWTCreator.Builder builder = JWT.create()
                .withKeyId(keyId)
                .withIssuer(ISSUER)
                .withAudience(appId)
                .withClaim("serviceurl", serviceUrl)
                .withNotBefore(now.minus(Duration.ofMinutes(1)))
                .withIssuedAt(now.minus(Duration.ofMinutes(1)))
                .withExpiresAt(now.plus(Duration.ofMinutes(30)));
        tweak.accept(builder);
        return builder.sign(Algorithm.RSA256(null, (RSAPrivateKey) keys.getPrivate()));
    }

    public String mint(String appId, String serviceUrl) {
        return mint(appId, serviceUrl, b -> { });
    }

    private static byte[] unsigned(byte[] bytes) {
        if (bytes.length > 1 && bytes[0] == 0) {
            byte[] trimmed = new byte[bytes.length - 1];
            System.arraycopy(bytes, 1, trimmed, 0, trimmed.length);
            return trimmed;
        }
        return bytes;
    }
}
