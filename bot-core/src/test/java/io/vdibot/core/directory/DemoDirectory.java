package io.vdibot.core.directory;

import io.vdibot.embedded.ldap.EmbeddedLdapServer;
import java.time.Duration;

/** Starts the packaged demo directory the way a deployment with a service account would use it. */
public final class DemoDirectory {

    public static final String BIND_DN = "cn=vdibot,ou=services,dc=vdibot,dc=example";
    public static final String BIND_PASSWORD = "demo-bind-s3cret";

    private DemoDirectory() {
    }

    /** The demo LDIF from {@code deploy/demo}, readable only after binding as {@link #BIND_DN}. */
    public static EmbeddedLdapServer start() {
        return EmbeddedLdapServer.start(EmbeddedLdapServer.Settings.demo().withBindCredentials(BIND_DN, BIND_PASSWORD));
    }

    /** Client settings for {@code server}: service-account bind, short timeouts, no cache. */
    public static DirectoryProperties propertiesFor(EmbeddedLdapServer server) {
        return DirectoryProperties.defaults()
                .withUrl(server.url())
                .withBindCredentials(BIND_DN, BIND_PASSWORD)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))
                .withCacheTtl(Duration.ZERO);
    }
}
