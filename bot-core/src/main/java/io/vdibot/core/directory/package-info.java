/**
 * Who a chat user is: lookups in the corporate directory (LDAP or Active Directory).
 *
 * <ul>
 *   <li>{@link io.vdibot.core.directory.Directory} is the port; {@link io.vdibot.core.directory.LdapDirectory}
 *       answers it over a pooled LDAP connection and {@link io.vdibot.core.directory.CachingDirectory}
 *       keeps answers for a short time so a burst of commands does not become a burst of searches.</li>
 *   <li>{@link io.vdibot.core.directory.DirectoryUser} is what the rest of the bot knows about a person:
 *       uid, name, mail, group names, time zone and language.</li>
 *   <li>{@link io.vdibot.core.directory.IdentityResolver} turns a chat identity (platform, user id, e-mail)
 *       into a directory user.</li>
 * </ul>
 *
 * <p>A directory that cannot be reached raises {@link io.vdibot.core.directory.DirectoryUnavailableException};
 * an empty answer always means "no such user", never "could not ask".
 */
package io.vdibot.core.directory;
