package io.vdibot.core.directory;

import java.security.GeneralSecurityException;
import java.security.KeyStoreException;
import java.util.ArrayList;
import java.util.List;

import javax.net.SocketFactory;

import com.unboundid.ldap.sdk.BindRequest;
import com.unboundid.ldap.sdk.FailoverServerSet;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.PostConnectProcessor;
import com.unboundid.ldap.sdk.StartTLSPostConnectProcessor;
import com.unboundid.ldap.sdk.ServerSet;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.SingleServerSet;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.PEMFileTrustManager;
import com.unboundid.util.ssl.SSLUtil;

/** Builds the connection pool {@link LdapDirectory} uses, from {@link DirectoryProperties}. */
final class LdapConnectionPools {

    private static final String POOL_NAME = "vdibot-directory";

    private LdapConnectionPools() {
    }

    /**
     * Creates the pool without requiring the directory to be up: the bot must start (and say "directory
     * unavailable") while LDAP is down, and the pool connects on first use instead.
     *
     * @throws IllegalArgumentException when the URL is missing or malformed
     */
    static LDAPConnectionPool create(DirectoryProperties properties, DirectoryTlsProperties tls) {
        LDAPConnectionOptions options = options(properties);
        ServerSet servers = serverSet(properties, tls, options);
        BindRequest bind = properties.bindDn().isBlank()
                ? null
                : new SimpleBindRequest(properties.bindDn(), properties.bindPassword());
        // StartTLS runs on each new connection before the bind, so the password only ever travels encrypted
        PostConnectProcessor startTls = tls.startTls() ? startTls(tls, options) : null;
        try {
            LDAPConnectionPool pool = new LDAPConnectionPool(servers, bind, 1, properties.poolSize(), startTls,
                    false);
            pool.setConnectionPoolName(POOL_NAME);
            // A pooled connection silently dropped by a firewall fails once; retry on a fresh one.
            pool.setRetryFailedOperationsDueToInvalidConnections(true);
            pool.setMaxWaitTimeMillis(properties.connectTimeout().toMillis());
            return pool;
        } catch (LDAPException e) {
            throw new DirectoryUnavailableException("Could not create the directory connection pool: "
                    + e.getResultCode(), e);
        }
    }

    private static PostConnectProcessor startTls(DirectoryTlsProperties tls, LDAPConnectionOptions options) {
        try {
            return new StartTLSPostConnectProcessor(sslUtil(tls, options).createSSLContext().getSocketFactory());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not set up StartTLS for the directory connection", e);
        }
    }

    private static LDAPConnectionOptions options(DirectoryProperties properties) {
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis(Math.toIntExact(properties.connectTimeout().toMillis()));
        options.setResponseTimeoutMillis(properties.responseTimeout().toMillis());
        return options;
    }

    private static ServerSet serverSet(DirectoryProperties properties, DirectoryTlsProperties tls,
            LDAPConnectionOptions options) {
        List<LDAPURL> urls = parseUrls(properties.url());
        boolean secure = "ldaps".equalsIgnoreCase(urls.get(0).getScheme());
        if (urls.stream().anyMatch(u -> "ldaps".equalsIgnoreCase(u.getScheme()) != secure)) {
            throw new IllegalArgumentException("vdibot.directory.url mixes ldap:// and ldaps:// servers");
        }
        if (secure && tls.startTls()) {
            throw new IllegalArgumentException("vdibot.directory.start-tls is for ldap:// URLs; ldaps:// is TLS already");
        }
        SocketFactory sockets = secure ? tlsSocketFactory(tls, options) : SocketFactory.getDefault();

        String[] hosts = urls.stream().map(LDAPURL::getHost).toArray(String[]::new);
        int[] ports = urls.stream().mapToInt(LDAPURL::getPort).toArray();
        return hosts.length == 1
                ? new SingleServerSet(hosts[0], ports[0], sockets, options)
                : new FailoverServerSet(hosts, ports, sockets, options);
    }

    private static List<LDAPURL> parseUrls(String configured) {
        List<LDAPURL> urls = new ArrayList<>();
        for (String part : configured.trim().split("[\\s,]+")) {
            if (part.isEmpty()) {
                continue;
            }
            try {
                urls.add(new LDAPURL(part));
            } catch (LDAPException e) {
                throw new IllegalArgumentException("vdibot.directory.url is not an LDAP URL: " + part, e);
            }
        }
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("vdibot.directory.url is not set");
        }
        return urls;
    }

    private static SocketFactory tlsSocketFactory(DirectoryTlsProperties tls, LDAPConnectionOptions options) {
        try {
            return sslUtil(tls, options).createSSLSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not set up TLS for the directory connection", e);
        }
    }

    /**
     * Trusts the configured certificate authorities, or what the JVM trusts, and checks the host name, as any TLS
     * client should.
     */
    private static SSLUtil sslUtil(DirectoryTlsProperties tls, LDAPConnectionOptions options) {
        options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
        if (tls.caFile() == null) {
            return new SSLUtil(JVMDefaultTrustManager.getInstance());
        }
        try {
            return new SSLUtil(new PEMFileTrustManager(tls.caFile().toFile()));
        } catch (IllegalArgumentException | KeyStoreException e) {
            throw new IllegalArgumentException("vdibot.directory.ca-file " + tls.caFile()
                    + " is not a readable PEM file of certificates", e);
        }
    }
}
