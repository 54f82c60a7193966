package io.vdibot.rhev.connect;

/** A site's configuration cannot be used to connect (CA file missing or not a certificate, bad URL). */
public final class SiteConfigurationException extends RuntimeException {

    private final String site;

    public SiteConfigurationException(String site, String message, Throwable cause) {
        super(message, cause);
        this.site = site;
    }

    public String site() {
        return site;
    }
}
