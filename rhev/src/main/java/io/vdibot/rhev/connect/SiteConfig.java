package io.vdibot.rhev.connect;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * How to reach one site's engine.
 *
 * @param name     the site name users type ({@code site=dc1})
 * @param apiUrl   the engine API URL, {@code https://engine.example/ovirt-engine/api}
 * @param caFile   the engine CA certificate in PEM (the file served at
 *                 {@code /ovirt-engine/services/pki-resource?resource=ca-certificate&format=X509-PEM-CA}); the only
 *                 certificate the connection trusts
 * @param username e.g. {@code admin@internal}
 * @param password never logged; {@link #toString()} redacts it
 */
public record SiteConfig(String name, String apiUrl, Path caFile, String username, String password) {

    public SiteConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(caFile, "caFile");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a site needs a name");
        }
        URI uri = URI.create(apiUrl);
        // The bot only speaks TLS to engines: credentials and tokens must never cross the network in clear.
        if (uri.getScheme() == null || !uri.getScheme().toLowerCase(Locale.ROOT).equals("https")
                || uri.getHost() == null) {
            throw new IllegalArgumentException("site " + name + ": the API URL must be an https URL, got " + apiUrl);
        }
    }

    @Override
    public String toString() {
        return "SiteConfig[name=" + name + ", apiUrl=" + apiUrl + ", caFile=" + caFile + ", username=" + username
                + ", password=***]";
    }
}
