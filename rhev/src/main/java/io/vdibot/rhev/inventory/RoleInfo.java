package io.vdibot.rhev.inventory;

/** An engine role, e.g. {@code UserRole}. */
public record RoleInfo(String id, String name, boolean administrative) {
}
