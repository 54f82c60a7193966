package io.vdibot.core.permission;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A grant such as {@code vdi:pool:create} (exactly that) or {@code vdi:pool:*} (everything below
 * {@code vdi:pool}). {@code *} may only be the last segment and stands for one or more segments, so
 * {@code vdi:*} does not match the bare {@code vdi}.
 *
 * <p>Permissions themselves are concrete: lower-case segments of letters, digits, {@code -} and
 * {@code _}, at least two of them. Anything else is malformed and never allowed, so a typo in a command's
 * permission fails closed.
 */
public record PermissionPattern(List<String> segments, boolean wildcard) {

    private static final String SEPARATOR = ":";
    private static final String WILDCARD = "*";
    private static final Pattern SEGMENT = Pattern.compile("[a-z0-9][a-z0-9_-]*");

    public PermissionPattern {
        segments = List.copyOf(segments);
    }

    /**
     * Parses a configured pattern; surrounding blanks and case are ignored.
     *
     * @throws IllegalArgumentException when the pattern is malformed, so a bad configuration stops start-up
     */
    public static PermissionPattern parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty permission pattern");
        }
        String[] parts = text.trim().toLowerCase(Locale.ROOT).split(SEPARATOR, -1);
        boolean wildcard = WILDCARD.equals(parts[parts.length - 1]);
        String[] fixed = wildcard ? Arrays.copyOf(parts, parts.length - 1) : parts;
        for (String part : fixed) {
            if (!SEGMENT.matcher(part).matches()) {
                throw new IllegalArgumentException("malformed permission pattern '" + text.trim()
                        + "': segments are lower-case words and only the last may be *");
            }
        }
        if (!wildcard && fixed.length < 2) {
            throw new IllegalArgumentException("permission pattern '" + text.trim() + "' needs at least two segments");
        }
        return new PermissionPattern(List.of(fixed), wildcard);
    }

    /** True for a concrete, well-formed permission such as {@code vdi:task:approve}. */
    public static boolean isWellFormedPermission(String permission) {
        if (permission == null) {
            return false;
        }
        String[] parts = permission.split(SEPARATOR, -1);
        return parts.length >= 2 && Arrays.stream(parts).allMatch(p -> SEGMENT.matcher(p).matches());
    }

    /** True when this pattern grants {@code permission}; malformed permissions are never granted. */
    public boolean matches(String permission) {
        if (!isWellFormedPermission(permission)) {
            return false;
        }
        List<String> parts = List.of(permission.split(SEPARATOR, -1));
        if (wildcard) {
            return parts.size() > segments.size() && parts.subList(0, segments.size()).equals(segments);
        }
        return parts.equals(segments);
    }

    @Override
    public String toString() {
        String fixed = String.join(SEPARATOR, segments);
        if (!wildcard) {
            return fixed;
        }
        return fixed.isEmpty() ? WILDCARD : fixed + SEPARATOR + WILDCARD;
    }
}
