package io.vdibot.adapters.teams.auth;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Objects;

/**
 * The app registration's certificate, for bots that authenticate with a certificate instead of a password: a PEM
 * certificate and its unencrypted PKCS#8 PEM private key. The token endpoint identifies the certificate by its SHA-1
 * thumbprint ({@code x5t}).
 */
public final class ClientCertificate {

    private final RSAPrivateKey privateKey;
    private final String thumbprint;

    public ClientCertificate(RSAPrivateKey privateKey, X509Certificate certificate) throws GeneralSecurityException {
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(certificate.getEncoded());
        this.thumbprint = Base64.getUrlEncoder().withoutPadding().encodeToString(sha1);
    }

    public static ClientCertificate fromPem(Path certificateFile, Path privateKeyFile) throws IOException {
        try {
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(certificateFile)));
            String pem = Files.readString(privateKeyFile, StandardCharsets.US_ASCII);
            if (!pem.contains("BEGIN PRIVATE KEY")) {
                throw new IOException(privateKeyFile + " is not an unencrypted PKCS#8 PEM key (BEGIN PRIVATE KEY)");
            }
            String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            RSAPrivateKey key = (RSAPrivateKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            return new ClientCertificate(key, certificate);
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IOException("cannot read the Teams certificate or its key: " + e.getMessage(), e);
        }
    }

    RSAPrivateKey privateKey() {
        return privateKey;
    }

    String thumbprint() {
        return thumbprint;
    }

    @Override
    public String toString() {
        return "ClientCertificate[x5t=" + thumbprint + "]";
    }
}
