package io.vdibot.persistence.embedded;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/** The SQL that prepares a database and the application's account on the embedded server. */
final class MariaDbAccounts {

    /** The server listens on loopback only and resolves no names, so TCP clients arrive as this host. */
    static final String CLIENT_HOST = "127.0.0.1";

    private static final SecureRandom RANDOM = new SecureRandom();

    private MariaDbAccounts() {
    }

    static String randomPassword() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * Creates the database and account if missing, (re)applies the password, grants the database, and
     * drops the anonymous accounts {@code mariadb-install-db} creates. Names were validated by
     * {@link EmbeddedMariaDbSettings}; the password travels only as its hash, so it never needs quoting
     * and never reaches the client process.
     */
    static String provisioning(String database, String user, String password) {
        String account = "'" + user + "'@'" + CLIENT_HOST + "'";
        return "CREATE DATABASE IF NOT EXISTS `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;\n"
                + "CREATE USER IF NOT EXISTS " + account + ";\n"
                + "ALTER USER " + account + " IDENTIFIED BY PASSWORD '" + nativePasswordHash(password) + "';\n"
                + "GRANT ALL PRIVILEGES ON `" + database + "`.* TO " + account + ";\n"
                + "DELETE FROM mysql.global_priv WHERE User = '';\n"
                + "FLUSH PRIVILEGES;\n";
    }

    /** Grants an additional database to an existing account (e.g. a scratch schema for a migration check). */
    static String additionalDatabase(String database, String user) {
        return "CREATE DATABASE IF NOT EXISTS `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;\n"
                + "GRANT ALL PRIVILEGES ON `" + database + "`.* TO '" + user + "'@'" + CLIENT_HOST + "';\n";
    }

    /** The {@code mysql_native_password} hash: {@code '*'} + upper-case hex of SHA1(SHA1(password)). */
    static String nativePasswordHash(String password) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            byte[] once = sha1.digest(password.getBytes(StandardCharsets.UTF_8));
            byte[] twice = sha1.digest(once);
            return "*" + HexFormat.of().withUpperCase().formatHex(twice);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-1", e);
        }
    }
}
