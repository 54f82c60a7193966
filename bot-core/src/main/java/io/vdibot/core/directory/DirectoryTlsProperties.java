package io.vdibot.core.directory;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the directory connection is protected besides {@code ldaps://} ({@code vdibot.directory.*}).
 *
 * @param startTls upgrade each {@code ldap://} connection with StartTLS before binding, so a bind password never
 *                 crosses the network in clear
 * @param caFile   PEM file of the certificate authorities trusted for the directory (StartTLS and {@code ldaps://});
 *                 {@code null} trusts what the JVM trusts
 */
@ConfigurationProperties("vdibot.directory")
public record DirectoryTlsProperties(boolean startTls, Path caFile) {

    public static DirectoryTlsProperties none() {
        return new DirectoryTlsProperties(false, null);
    }
}
