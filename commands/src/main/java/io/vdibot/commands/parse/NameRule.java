package io.vdibot.commands.parse;

import java.util.regex.Pattern;

/** The engine's naming rules, so a bad name is refused before a task exists. */
public enum NameRule {

    /** A new VM: the engine's charset; 64 characters keeps it usable as a guest host name prefix. */
    VM("^[\\p{L}0-9._-]+$", 64),
    /**
     * A pool: one contiguous run of {@code ?} is the engine's mask for numbering the pool's VMs, and at least one
     * other character. Possessive quantifiers: written as {@code [..]+[?]*[..]*|[..]*[?]*[..]+}, a long name with a
     * wrong character at its end backtracked quadratically (100 KiB held a parsing thread for minutes).
     */
    POOL("^(?=[?]*+[\\p{L}0-9._-])[\\p{L}0-9._-]*+[?]*+[\\p{L}0-9._-]*+$", 255),
    TEMPLATE("^[\\p{L}0-9._-]+$", 255),
    /** An existing object (VM, cluster, storage domain, site) referred to by name. */
    OBJECT("^[\\p{L}0-9._-]+$", 255),
    /** A {@code list} filter: names with {@code *} wildcards (and pool masks). */
    FILTER("^[\\p{L}0-9._*?-]+$", 255);

    private final Pattern pattern;
    private final int maxLength;

    NameRule(String regex, int maxLength) {
        this.pattern = Pattern.compile(regex);
        this.maxLength = maxLength;
    }

    public boolean allowsCharacters(String name) {
        return pattern.matcher(name).matches();
    }

    public boolean allowsLength(String name) {
        return name.codePointCount(0, name.length()) <= maxLength;
    }

    public int maxLength() {
        return maxLength;
    }
}
