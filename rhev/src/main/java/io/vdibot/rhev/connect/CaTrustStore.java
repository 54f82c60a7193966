package io.vdibot.rhev.connect;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.Collection;

/**
 * A site's engine CA (a PEM file, possibly a chain) turned into a temporary PKCS12 trust store, because the SDK
 * only takes a trust store file. The file holds public certificates only; its password is random and exists
 * because PKCS12 requires one. {@link #close()} deletes it.
 */
final class CaTrustStore implements AutoCloseable {

    private final Path file;
    private final String password;

    private CaTrustStore(Path file, String password) {
        this.file = file;
        this.password = password;
    }

    static CaTrustStore fromPem(String site, Path pemFile) {
        Collection<? extends Certificate> certificates = readCertificates(pemFile);
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("site " + site + ": no certificate in " + pemFile);
        }
        byte[] secret = new byte[18];
        new SecureRandom().nextBytes(secret);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Path file = null;
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int index = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("engine-ca-" + index++, certificate);
            }
            file = Files.createTempFile("vdibot-" + site.replaceAll("[^A-Za-z0-9_-]", "_") + "-ca-", ".p12");
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, password.toCharArray());
            }
            return new CaTrustStore(file, password);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            deleteQuietly(file);
            throw new IllegalStateException("site " + site + ": cannot build a trust store from " + pemFile, e);
        }
    }

    private static Collection<? extends Certificate> readCertificates(Path pemFile) {
        try (InputStream in = Files.newInputStream(pemFile)) {
            return CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read CA file " + pemFile, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a PEM certificate: " + pemFile, e);
        }
    }

    Path file() {
        return file;
    }

    String password() {
        return password;
    }

    @Override
    public void close() {
        deleteQuietly(file);
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temporary file holding public certificates only; the OS cleans its temp directory
        }
    }
}
