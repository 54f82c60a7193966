package io.vdibot.rhev.simulator.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The engine's own CA, as a real engine has (`/etc/pki/ovirt-engine/ca.pem`). Clients trust it by
 * downloading it from the pki-resource URL, exactly as they would with a real engine. With a state
 * directory the CA is kept, so a restarted simulator stays trusted by already configured clients.
 */
public final class CertificateAuthority {

    private static final String CA_ALIAS = "ca";
    private static final char[] STORE_PASSWORD = "simulator-ca".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final X509Certificate caCertificate;
    private final PrivateKey caKey;

    private CertificateAuthority(X509Certificate caCertificate, PrivateKey caKey) {
        this.caCertificate = caCertificate;
        this.caKey = caKey;
    }

    /** Loads the CA kept in {@code store}, or creates one and keeps it there. */
    public static CertificateAuthority loadOrCreate(Path store) {
        try {
            if (store != null && Files.isRegularFile(store)) {
                KeyStore keyStore = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(store)) {
                    keyStore.load(in, STORE_PASSWORD);
                }
                return new CertificateAuthority(
                        (X509Certificate) keyStore.getCertificate(CA_ALIAS),
                        (PrivateKey) keyStore.getKey(CA_ALIAS, STORE_PASSWORD));
            }
            CertificateAuthority ca = create();
            if (store != null) {
                ca.save(store);
            }
            return ca;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the simulator CA from " + store, e);
        }
    }

    public static CertificateAuthority create() {
        KeyPair keys = newKeyPair();
        X500Name subject = new X500Name("CN=VDI Bot simulated engine CA,O=vdibot.example");
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                subject, serial(), Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(3650))), subject, keys.getPublic());
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
            return new CertificateAuthority(sign(builder, keys.getPrivate()), keys.getPrivate());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public X509Certificate certificate() {
        return caCertificate;
    }

    /** The CA in PEM, as served at {@code pki-resource?resource=ca-certificate&format=X509-PEM-CA}. */
    public String certificatePem() {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(out)) {
            pem.writeObject(caCertificate);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** A TLS context whose server certificate, signed by this CA, is valid for 127.0.0.1 and localhost. */
    public SSLContext serverContext() {
        KeyPair keys = newKeyPair();
        try {
            X509Certificate serverCertificate = serverCertificate(keys);

            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(null, null);
            keyStore.setKeyEntry("engine", keys.getPrivate(), STORE_PASSWORD,
                    new Certificate[] {serverCertificate, caCertificate});
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keyStore, STORE_PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, RANDOM);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the engine's TLS context", e);
        }
    }

    /**
     * A server certificate signed by this CA, valid for 127.0.0.1 and localhost, and its private key, in PEM: for a
     * server outside the JVM (a test's slapd reads {@code TLSCertificateFile} and {@code TLSCertificateKeyFile}).
     */
    public ServerPem serverPem() {
        KeyPair keys = newKeyPair();
        StringWriter certificate = new StringWriter();
        StringWriter key = new StringWriter();
        try (JcaPEMWriter certificatePem = new JcaPEMWriter(certificate); JcaPEMWriter keyPem = new JcaPEMWriter(key)) {
            certificatePem.writeObject(serverCertificate(keys));
            keyPem.writeObject(keys.getPrivate());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ServerPem(certificate.toString(), key.toString());
    }

    /** A server certificate and its private key, both PEM. */
    public record ServerPem(String certificatePem, String privateKeyPem) {

        @Override
        public String toString() {
            return "ServerPem[certificate, private key hidden]";
        }
    }

    private X509Certificate serverCertificate(KeyPair keys) throws IOException {
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                caCertificate, serial(), Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(825))), new X500Name("CN=localhost,O=vdibot.example"),
                keys.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.dNSName, "localhost"),
            new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        return sign(builder, caKey);
    }

    private void save(Path store) throws IOException, GeneralSecurityException {
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        keyStore.load(null, null);
        keyStore.setKeyEntry(CA_ALIAS, caKey, STORE_PASSWORD, new Certificate[] {caCertificate});
        Files.createDirectories(store.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(store)) {
            keyStore.store(out, STORE_PASSWORD);
        }
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signer) {
        try {
            ContentSigner contentSigner = new JcaContentSignerBuilder("SHA256withRSA").build(signer);
            return new JcaX509CertificateConverter().getCertificate(builder.build(contentSigner));
        } catch (OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign certificate", e);
        }
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    private static BigInteger serial() {
        return new BigInteger(64, RANDOM).abs();
    }
}
