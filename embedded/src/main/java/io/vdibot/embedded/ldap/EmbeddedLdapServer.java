package io.vdibot.embedded.ldap;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.OperationType;
import com.unboundid.ldap.sdk.schema.Schema;
import com.unboundid.ldif.LDIFException;
import com.unboundid.ldif.LDIFReader;

/**
 * An in-memory LDAP server (UnboundID) for the demo and for tests.
 *
 * <p>It listens on 127.0.0.1 only: the demo data is not secret, but an open directory on a shared
 * network would invite people to point real tools at it. Schema checking is on, so an LDIF that a real
 * server would reject fails here too.
 */
public final class EmbeddedLdapServer implements AutoCloseable {

    /** The demo people and groups, packaged from {@code deploy/demo/directory.ldif}. */
    public static final String DEMO_LDIF = "classpath:demo/directory.ldif";
    /** The {@code vdiUser} / {@code vdiTimeZone} schema the demo LDIF needs. */
    public static final String DEMO_SCHEMA = "classpath:demo/vdi-schema.ldif";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedLdapServer.class);
    private static final String CLASSPATH_PREFIX = "classpath:";
    private static final String FILE_PREFIX = "file:";
    private static final String LISTENER = "ldap";
    private static final String LOOPBACK = "127.0.0.1";

    /**
     * What to serve and how.
     *
     * @param port TCP port; 0 picks a free one
     * @param ldifLocation entries to load: {@code classpath:…}, {@code file:…} or a plain file path
     * @param schemaLocations schema LDIFs added to the standard schema, in the same notation
     * @param bindDn DN clients may bind as; when set, reads and writes require that bind
     * @param bindPassword password for {@code bindDn}; hidden by {@link #toString()}
     */
    public record Settings(int port, String ldifLocation, List<String> schemaLocations, String bindDn,
            String bindPassword) {

        public Settings {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be between 0 and 65535");
            }
            Objects.requireNonNull(ldifLocation, "ldifLocation");
            schemaLocations = schemaLocations == null ? List.of() : List.copyOf(schemaLocations);
            bindDn = bindDn == null ? "" : bindDn.trim();
            bindPassword = bindPassword == null ? "" : bindPassword;
            if (!bindDn.isEmpty() && bindPassword.isEmpty()) {
                throw new IllegalArgumentException("a bind DN needs a password");
            }
        }

        /** The demo directory on a free port, open to anonymous reads. */
        public static Settings demo() {
            return new Settings(0, DEMO_LDIF, List.of(DEMO_SCHEMA), "", "");
        }

        public Settings withPort(int newPort) {
            return new Settings(newPort, ldifLocation, schemaLocations, bindDn, bindPassword);
        }

        public Settings withLdif(String newLdifLocation, List<String> newSchemaLocations) {
            return new Settings(port, newLdifLocation, newSchemaLocations, bindDn, bindPassword);
        }

        public Settings withBindCredentials(String newBindDn, String newBindPassword) {
            return new Settings(port, ldifLocation, schemaLocations, newBindDn, newBindPassword);
        }

        @Override
        public String toString() {
            return "Settings[port=" + port + ", ldifLocation=" + ldifLocation + ", schemaLocations="
                    + schemaLocations + ", bindDn=" + bindDn + ", bindPassword="
                    + (bindPassword.isEmpty() ? "<not set>" : "<redacted>") + "]";
        }
    }

    private final InMemoryDirectoryServer server;
    private final List<String> baseDns;

    private EmbeddedLdapServer(InMemoryDirectoryServer server, List<String> baseDns) {
        this.server = server;
        this.baseDns = baseDns;
    }

    /**
     * Loads the schema and entries and starts listening.
     *
     * @throws IllegalArgumentException when a location cannot be read
     * @throws IllegalStateException when the data is invalid or the port cannot be bound
     */
    public static EmbeddedLdapServer start(Settings settings) {
        try {
            List<Entry> entries = readEntries(settings.ldifLocation());
            List<String> baseDns = rootsOf(entries);
            InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(baseDns.toArray(String[]::new));
            config.setSchema(schema(settings.schemaLocations()));
            config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig(LISTENER,
                    InetAddress.getByName(LOOPBACK), settings.port(), null));
            if (!settings.bindDn().isEmpty()) {
                config.addAdditionalBindCredentials(settings.bindDn(), settings.bindPassword());
                config.setAuthenticationRequiredOperationTypes(OperationType.ADD, OperationType.COMPARE,
                        OperationType.DELETE, OperationType.MODIFY, OperationType.MODIFY_DN,
                        OperationType.SEARCH);
            }
            InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
            server.addEntries(entries);
            server.startListening();
            EmbeddedLdapServer started = new EmbeddedLdapServer(server, baseDns);
            log.info("Embedded directory {} serving {} entries from {} at {}", baseDns, entries.size(),
                    settings.ldifLocation(), started.url());
            return started;
        } catch (LDAPException | LDIFException | UnknownHostException e) {
            throw new IllegalStateException("Could not start the embedded directory from "
                    + settings.ldifLocation() + ": " + e.getMessage(), e);
        }
    }

    /** {@code ldap://127.0.0.1:<port>}, the value of {@code vdibot.directory.url} for the bot. */
    public String url() {
        return "ldap://" + LOOPBACK + ":" + port();
    }

    public int port() {
        return server.getListenPort(LISTENER);
    }

    /** The naming contexts served, taken from the topmost entries of the LDIF. */
    public List<String> baseDns() {
        return baseDns;
    }

    /** Stops listening and drops open connections; clients then get connection errors. */
    @Override
    public void close() {
        server.shutDown(true);
    }

    private static List<Entry> readEntries(String location) throws LDIFException {
        List<Entry> entries = new ArrayList<>();
        try (InputStream in = open(location); LDIFReader reader = new LDIFReader(in)) {
            for (Entry entry = reader.readEntry(); entry != null; entry = reader.readEntry()) {
                entries.add(entry);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("Could not read LDIF " + location, e);
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("LDIF " + location + " holds no entries");
        }
        return entries;
    }

    /** Entries whose parent is not in the file are the suffixes the server must hold. */
    private static List<String> rootsOf(List<Entry> entries) throws LDAPException {
        Set<DN> dns = new LinkedHashSet<>();
        for (Entry entry : entries) {
            dns.add(entry.getParsedDN());
        }
        List<String> roots = new ArrayList<>();
        for (DN dn : dns) {
            DN parent = dn.getParent();
            if (parent == null || !dns.contains(parent)) {
                roots.add(dn.toString());
            }
        }
        return List.copyOf(roots);
    }

    private static Schema schema(List<String> locations) throws LDAPException, LDIFException {
        List<Schema> schemas = new ArrayList<>();
        schemas.add(Schema.getDefaultStandardSchema());
        for (String location : locations) {
            try (InputStream in = open(location)) {
                Schema schema = Schema.getSchema(in);
                if (schema == null) {
                    throw new IllegalArgumentException("Schema " + location + " holds no schema entry");
                }
                schemas.add(schema);
            } catch (IOException e) {
                throw new IllegalArgumentException("Could not read schema " + location, e);
            }
        }
        return Schema.mergeSchemas(schemas.toArray(Schema[]::new));
    }

    private static InputStream open(String location) throws IOException {
        if (location.startsWith(CLASSPATH_PREFIX)) {
            String resource = location.substring(CLASSPATH_PREFIX.length()).replaceFirst("^/", "");
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            InputStream in = (loader != null ? loader : EmbeddedLdapServer.class.getClassLoader())
                    .getResourceAsStream(resource);
            if (in == null) {
                throw new NoSuchFileException(location);
            }
            return in;
        }
        String path = location.startsWith(FILE_PREFIX) ? location.substring(FILE_PREFIX.length()) : location;
        return Files.newInputStream(Path.of(path));
    }
}
