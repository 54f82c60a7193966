package io.vdibot.core.infra;

import io.micrometer.core.instrument.MeterRegistry;
import io.vdibot.core.directory.CachingDirectory;
import io.vdibot.core.directory.Directory;
import io.vdibot.core.directory.DirectoryProperties;
import io.vdibot.core.directory.DirectorySecretsProperties;
import io.vdibot.core.directory.DirectoryTlsProperties;
import io.vdibot.core.directory.IdentityResolver;
import io.vdibot.core.directory.LdapDirectory;
import io.vdibot.core.directory.TimedDirectory;
import io.vdibot.core.permission.PermissionPolicy;
import io.vdibot.core.permission.PermissionProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import io.vdibot.persistence.identity.IdentityBindings;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The directory behind the permission check: the LDAP or AD server(s) of {@code vdibot.directory.url} (the demo
 * artifact points it at its in-memory demo directory).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({DirectoryProperties.class, DirectoryTlsProperties.class, DirectorySecretsProperties.class,
        PermissionProperties.class})
public class DirectoryConfiguration {

    @Bean(destroyMethod = "close")
    public LdapDirectory ldapDirectory(DirectoryProperties properties, DirectoryTlsProperties tls,
            DirectorySecretsProperties secrets) {
        return new LdapDirectory(secrets.applyTo(properties), tls);
    }

    @Bean
    public Directory directory(LdapDirectory ldap, DirectoryProperties properties, MeterRegistry meters) {
        return new CachingDirectory(new TimedDirectory(ldap, meters), properties.cacheTtl());
    }

    @Bean
    public IdentityResolver identityResolver(Directory directory, IdentityBindings bindings) {
        return new IdentityResolver(directory, bindings);
    }

    @Bean
    public IdentityBindings identityBindings(DataSource dataSource, Clock clock) {
        return new IdentityBindings(dataSource, clock);
    }

    @Bean
    public PermissionPolicy permissionPolicy(PermissionProperties properties) {
        return new PermissionPolicy(properties);
    }
}
