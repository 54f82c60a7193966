package io.vdibot.core.realservers;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.ExtendedResult;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.extensions.StartTLSExtendedRequest;
import com.unboundid.ldif.LDIFReader;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.PEMFileTrustManager;
import io.vdibot.rhev.simulator.tls.CertificateAuthority;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * OpenLDAP's {@code slapd} from the Debian package ({@code slapd}), started by the test on a free loopback port with a
 * configuration generated under the test's directory: an MDB database, the {@code memberof} and {@code refint}
 * overlays, a certificate from a CA made at test time, and {@code security tls=1}, so that nothing is answered on a
 * connection that has not done StartTLS. The data is added over LDAP (so the overlays see every add), not with
 * {@code slapadd}.
 */
public final class Slapd implements AutoCloseable {

    public static final String ROOT_DN = "cn=admin,dc=corp,dc=example";
    private static final String ROOT_PASSWORD = "root-s3cret";
    private static final String PACKAGES = "slapd ldap-utils";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final int port;
    private final Path caFile;

    private Slapd(Process process, int port, Path caFile) {
        this.process = process;
        this.port = port;
        this.caFile = caFile;
    }

    /** Checks the binaries and modules (skipping or failing the test, see {@link RealServers}). */
    public static void requireBinaries() {
        RealServers.require(PACKAGES, "slapd", "/usr/lib/ldap/back_mdb.so", "/usr/lib/ldap/memberof.so",
                "/usr/lib/ldap/refint.so", "/etc/ldap/schema/core.schema", "/etc/ldap/schema/inetorgperson.schema");
    }

    /**
     * Starts slapd for {@code dc=corp,dc=example} with {@code schema} (a slapd.conf schema file on the class path)
     * and loads {@code ldif} (class path) as the root DN.
     */
    public static Slapd start(Path dir, String schemaResource, String ldifResource) {
        requireBinaries();
        try {
            Files.createDirectories(dir.resolve("db"));
            CertificateAuthority ca = CertificateAuthority.create();
            CertificateAuthority.ServerPem server = ca.serverPem();
            Path caFile = Files.writeString(dir.resolve("ca.pem"), ca.certificatePem(), StandardCharsets.US_ASCII);
            Path certFile = Files.writeString(dir.resolve("server.pem"), server.certificatePem(),
                    StandardCharsets.US_ASCII);
            Path keyFile = Files.writeString(dir.resolve("server.key"), server.privateKeyPem(),
                    StandardCharsets.US_ASCII);
            Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
            Path schema = dir.resolve("ad-style.schema");
            try (InputStream in = resource(schemaResource)) {
                Files.copy(in, schema);
            }
            String config = String.join("\n",
                    "include /etc/ldap/schema/core.schema",
                    "include /etc/ldap/schema/cosine.schema",
                    "include /etc/ldap/schema/inetorgperson.schema",
                    "include " + schema,
                    "modulepath /usr/lib/ldap",
                    "moduleload back_mdb",
                    "moduleload memberof",
                    "moduleload refint",
                    "pidfile " + dir.resolve("slapd.pid"),
                    "argsfile " + dir.resolve("slapd.args"),
                    "TLSCACertificateFile " + caFile,
                    "TLSCertificateFile " + certFile,
                    "TLSCertificateKeyFile " + keyFile,
                    // no operation, bind included, on a connection without TLS
                    "security tls=1",
                    "database mdb",
                    "maxsize 67108864",
                    "suffix \"dc=corp,dc=example\"",
                    "rootdn \"" + ROOT_DN + "\"",
                    "rootpw " + ROOT_PASSWORD,
                    "directory " + dir.resolve("db"),
                    "index objectClass eq",
                    "index member,memberOf eq",
                    "index mail,sAMAccountName,userPrincipalName eq",
                    // memberOf on people, kept from the groups' member values, as Active Directory keeps it
                    "overlay memberof",
                    "memberof-group-oc groupOfNames",
                    "memberof-member-ad member",
                    "memberof-memberof-ad memberOf",
                    "memberof-refint TRUE",
                    "overlay refint",
                    "refint_attributes member",
                    // as in AD, anonymous users may only authenticate; bound accounts read
                    "access to attrs=userPassword by anonymous auth by * none",
                    "access to * by users read by * none",
                    "");
            Path configFile = Files.writeString(dir.resolve("slapd.conf"), config, StandardCharsets.UTF_8);
            int port = RealServers.freePort();
            // -d keeps slapd in the foreground (even at level 0), so the test owns the process and can stop it
            List<String> command = new ArrayList<>(List.of("slapd", "-d", "0", "-f", configFile.toString(),
                    "-h", "ldap://127.0.0.1:" + port + "/"));
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("slapd.log").toFile()).start();
            process.getOutputStream().close();
            // a test JVM that is stopped leaves no server behind
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
            Slapd slapd = new Slapd(process, port, caFile);
            try {
                slapd.awaitListening(dir);
                slapd.load(ldifResource);
            } catch (RuntimeException | Error e) {
                slapd.close();
                throw e;
            }
            return slapd;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "ldap://localhost:" + port;
    }

    public int port() {
        return port;
    }

    /** The CA that signed the server's certificate, in PEM. */
    public Path caFile() {
        return caFile;
    }

    private void awaitListening(Path dir) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            try (LDAPConnection ignored = new LDAPConnection("127.0.0.1", port)) {
                return;
            } catch (LDAPException notYet) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("slapd exited with " + process.exitValue() + ": " + log(dir));
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("slapd not listening within " + START_TIMEOUT + ": " + log(dir));
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** A connection upgraded with StartTLS (trusting the test CA) and bound as the root DN. */
    public LDAPConnection adminConnection() throws LDAPException {
        LDAPConnection connection = new LDAPConnection("127.0.0.1", port);
        try {
            SSLUtil ssl = new SSLUtil(new PEMFileTrustManager(caFile.toFile()));
            ExtendedResult started = connection.processExtendedOperation(
                    new StartTLSExtendedRequest(ssl.createSSLContext()));
            if (started.getResultCode() != ResultCode.SUCCESS) {
                throw new LDAPException(started.getResultCode(), "StartTLS refused: " + started.getDiagnosticMessage());
            }
            connection.bind(ROOT_DN, ROOT_PASSWORD);
            return connection;
        } catch (java.security.GeneralSecurityException e) {
            connection.close();
            throw new IllegalStateException(e);
        } catch (LDAPException e) {
            connection.close();
            throw e;
        }
    }

    private void load(String ldifResource) {
        try (InputStream in = resource(ldifResource); LDIFReader reader = new LDIFReader(in);
                LDAPConnection admin = adminConnection()) {
            Entry entry;
            while ((entry = reader.readEntry()) != null) {
                admin.add(entry);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (LDAPException | com.unboundid.ldif.LDIFException e) {
            throw new IllegalStateException("cannot load " + ldifResource + " into slapd", e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = Slapd.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException("no resource " + name);
        }
        return in;
    }

    private static String log(Path dir) {
        try {
            return Files.readString(dir.resolve("slapd.log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
