package io.vdibot.core.directory;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How to reach and read the people directory ({@code vdibot.directory.*}).
 *
 * <p>Every component left out (null or blank) takes the default shown on its accessor; the defaults
 * fit the demo directory ({@code deploy/demo/directory.ldif}) and plain OpenLDAP. For Active Directory
 * typically: {@code uid-attribute=sAMAccountName}, {@code user-mail-filter=(|(mail={0})(userPrincipalName={0}))}.
 *
 * @param url one or more {@code ldap://} or {@code ldaps://} URLs separated by spaces or commas, tried in
 *     order; blank means no external directory is configured
 * @param bindDn DN to bind as; blank binds anonymously
 * @param bindPassword password for {@code bindDn}; never logged, hidden by {@link #toString()}
 * @param userSearchBase subtree holding the people (default {@code ou=people,dc=vdibot,dc=example})
 * @param userMailFilter filter finding a user by mail, {@code {0}} being the escaped address
 *     (default {@code (mail={0})})
 * @param uidAttribute attribute holding the login name (default {@code uid})
 * @param mailAttribute attribute holding the mail address (default {@code mail})
 * @param displayNameAttribute attribute holding the name to show (default {@code displayName}; {@code cn}
 *     is used when it is absent)
 * @param groupSearchBase subtree holding the groups (default {@code ou=groups,dc=vdibot,dc=example})
 * @param groupNameAttribute attribute naming a group (default {@code cn})
 * @param groupMemberAttribute attribute of a group listing member DNs (default {@code member})
 * @param memberOfAttribute attribute of a user listing group DNs, as Active Directory keeps it (default
 *     {@code memberOf}); read when present
 * @param timeZoneAttribute attribute holding an IANA zone id (default {@code vdiTimeZone})
 * @param languageAttribute attribute holding a language tag (default {@code preferredLanguage})
 * @param poolSize maximum pooled connections (default 4)
 * @param connectTimeout how long to wait for a connection (default 5 s)
 * @param responseTimeout how long to wait for an answer (default 10 s)
 * @param cacheTtl how long a lookup answer is reused (default 60 s; zero disables the cache)
 */
@ConfigurationProperties("vdibot.directory")
public record DirectoryProperties(
        String url,
        String bindDn,
        String bindPassword,
        String userSearchBase,
        String userMailFilter,
        String uidAttribute,
        String mailAttribute,
        String displayNameAttribute,
        String groupSearchBase,
        String groupNameAttribute,
        String groupMemberAttribute,
        String memberOfAttribute,
        String timeZoneAttribute,
        String languageAttribute,
        Integer poolSize,
        Duration connectTimeout,
        Duration responseTimeout,
        Duration cacheTtl) {

    /** Marks where the escaped mail address goes in {@link #userMailFilter()}. */
    public static final String MAIL_PLACEHOLDER = "{0}";

    public DirectoryProperties {
        url = orDefault(url, "");
        bindDn = orDefault(bindDn, "");
        bindPassword = bindPassword == null ? "" : bindPassword;
        userSearchBase = orDefault(userSearchBase, "ou=people,dc=vdibot,dc=example");
        userMailFilter = orDefault(userMailFilter, "(mail={0})");
        uidAttribute = orDefault(uidAttribute, "uid");
        mailAttribute = orDefault(mailAttribute, "mail");
        displayNameAttribute = orDefault(displayNameAttribute, "displayName");
        groupSearchBase = orDefault(groupSearchBase, "ou=groups,dc=vdibot,dc=example");
        groupNameAttribute = orDefault(groupNameAttribute, "cn");
        groupMemberAttribute = orDefault(groupMemberAttribute, "member");
        memberOfAttribute = orDefault(memberOfAttribute, "memberOf");
        timeZoneAttribute = orDefault(timeZoneAttribute, "vdiTimeZone");
        languageAttribute = orDefault(languageAttribute, "preferredLanguage");
        poolSize = poolSize == null ? 4 : poolSize;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        responseTimeout = responseTimeout == null ? Duration.ofSeconds(10) : responseTimeout;
        cacheTtl = cacheTtl == null ? Duration.ofSeconds(60) : cacheTtl;

        if (!userMailFilter.contains(MAIL_PLACEHOLDER)) {
            throw new IllegalArgumentException("vdibot.directory.user-mail-filter must contain {0}");
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("vdibot.directory.pool-size must be at least 1");
        }
        requirePositive(connectTimeout, "connect-timeout");
        requirePositive(responseTimeout, "response-timeout");
        if (cacheTtl.isNegative()) {
            throw new IllegalArgumentException("vdibot.directory.cache-ttl must not be negative");
        }
    }

    /** All defaults; the URL still has to be set before connecting. */
    public static DirectoryProperties defaults() {
        return new DirectoryProperties(null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null);
    }

    public DirectoryProperties withUrl(String newUrl) {
        return new DirectoryProperties(newUrl, bindDn, bindPassword, userSearchBase, userMailFilter, uidAttribute,
                mailAttribute, displayNameAttribute, groupSearchBase, groupNameAttribute, groupMemberAttribute,
                memberOfAttribute, timeZoneAttribute, languageAttribute, poolSize, connectTimeout, responseTimeout,
                cacheTtl);
    }

    public DirectoryProperties withBindCredentials(String newBindDn, String newBindPassword) {
        return new DirectoryProperties(url, newBindDn, newBindPassword, userSearchBase, userMailFilter, uidAttribute,
                mailAttribute, displayNameAttribute, groupSearchBase, groupNameAttribute, groupMemberAttribute,
                memberOfAttribute, timeZoneAttribute, languageAttribute, poolSize, connectTimeout, responseTimeout,
                cacheTtl);
    }

    public DirectoryProperties withTimeouts(Duration newConnectTimeout, Duration newResponseTimeout) {
        return new DirectoryProperties(url, bindDn, bindPassword, userSearchBase, userMailFilter, uidAttribute,
                mailAttribute, displayNameAttribute, groupSearchBase, groupNameAttribute, groupMemberAttribute,
                memberOfAttribute, timeZoneAttribute, languageAttribute, poolSize, newConnectTimeout,
                newResponseTimeout, cacheTtl);
    }

    public DirectoryProperties withCacheTtl(Duration newCacheTtl) {
        return new DirectoryProperties(url, bindDn, bindPassword, userSearchBase, userMailFilter, uidAttribute,
                mailAttribute, displayNameAttribute, groupSearchBase, groupNameAttribute, groupMemberAttribute,
                memberOfAttribute, timeZoneAttribute, languageAttribute, poolSize, connectTimeout, responseTimeout,
                newCacheTtl);
    }

    /** True when a URL is configured, i.e. an external directory should be used. */
    public boolean hasUrl() {
        return !url.isBlank();
    }

    /** Shows every setting except the password, which appears only as set or not set. */
    @Override
    public String toString() {
        return "DirectoryProperties[url=" + url
                + ", bindDn=" + bindDn
                + ", bindPassword=" + (bindPassword.isEmpty() ? "<not set>" : "<redacted>")
                + ", userSearchBase=" + userSearchBase
                + ", userMailFilter=" + userMailFilter
                + ", uidAttribute=" + uidAttribute
                + ", mailAttribute=" + mailAttribute
                + ", displayNameAttribute=" + displayNameAttribute
                + ", groupSearchBase=" + groupSearchBase
                + ", groupNameAttribute=" + groupNameAttribute
                + ", groupMemberAttribute=" + groupMemberAttribute
                + ", memberOfAttribute=" + memberOfAttribute
                + ", timeZoneAttribute=" + timeZoneAttribute
                + ", languageAttribute=" + languageAttribute
                + ", poolSize=" + poolSize
                + ", connectTimeout=" + connectTimeout
                + ", responseTimeout=" + responseTimeout
                + ", cacheTtl=" + cacheTtl + "]";
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static void requirePositive(Duration value, String name) {
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException("vdibot.directory." + name + " must be positive");
        }
    }
}
