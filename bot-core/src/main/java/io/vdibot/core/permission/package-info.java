/**
 * Who may do what: directory groups become roles, roles grant permission patterns, and a command's
 * permission (e.g. {@code vdi:pool:create}) is allowed only when some pattern of some role matches it.
 *
 * <ul>
 *   <li>{@link io.vdibot.core.permission.PermissionPolicy} answers the question; deny by default.</li>
 *   <li>{@link io.vdibot.core.permission.PermissionProperties} holds the group → roles and role → patterns
 *       maps ({@code vdibot.permissions.*}) with the defaults in {@link io.vdibot.core.permission.Roles}.</li>
 *   <li>{@link io.vdibot.core.permission.PermissionPattern} is one grant, such as {@code vdi:pool:*}.</li>
 *   <li>{@link io.vdibot.core.permission.Decision} carries the answer: one message key for every denial
 *       (users never learn which rule failed) and a reason for the audit log.</li>
 * </ul>
 *
 * <p>To protect a new command, give it a permission under an existing family ({@code vdi:vm:…}) and the
 * existing patterns cover it; a new family needs a pattern added to the roles that should have it.
 */
package io.vdibot.core.permission;
