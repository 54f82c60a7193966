package io.vdibot.core.directory;

import io.vdibot.core.config.Secrets;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the directory bind password is kept instead of inline ({@code vdibot.directory.bind-password-file}), as the
 * Slack and Teams secrets are.
 *
 * @param bindPasswordFile a file holding the bind password (a mounted secret, a systemd credential); an inline
 *                         {@code vdibot.directory.bind-password} wins
 */
@ConfigurationProperties("vdibot.directory")
public record DirectorySecretsProperties(Path bindPasswordFile) {

    /**
     * {@code properties} with the bind password read from the file when none is given inline.
     *
     * @throws io.vdibot.core.config.SecretFileException naming {@code vdibot.directory.bind-password-file} when the
     *                                                   file is missing, unreadable or empty
     */
    public DirectoryProperties applyTo(DirectoryProperties properties) {
        String password = Secrets.read(properties.bindPassword(), bindPasswordFile,
                "vdibot.directory.bind-password-file");
        return password == null ? properties : properties.withBindCredentials(properties.bindDn(), password);
    }
}
