package io.vdibot.core.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The bot's own database settings ({@code vdibot.database.*}); the connection itself is Spring Boot's
 * {@code spring.datasource.*}.
 *
 * @param passwordFile a file holding the database password (a mounted secret, a systemd credential), fed to
 *                     {@code spring.datasource.password} by {@link SecretFiles} at start unless that is set
 */
@ConfigurationProperties("vdibot.database")
public record DatabaseProperties(Path passwordFile) {
}
