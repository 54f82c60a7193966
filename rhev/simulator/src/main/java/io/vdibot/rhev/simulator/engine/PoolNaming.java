package io.vdibot.rhev.simulator.engine;

import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the engine names pool VMs: {@code pool-1}, {@code pool-2} … or, when the pool name has a run of
 * {@code ?}, that run replaced by the zero-padded number ({@code web-??} → {@code web-01}). Numbering
 * starts at 1 on every add and skips names already taken in the data center.
 */
public final class PoolNaming {

    private static final Pattern MASK = Pattern.compile("\\?+");

    private PoolNaming() {
    }

    public static String nameFor(String poolName, int number) {
        Matcher mask = MASK.matcher(poolName);
        if (!mask.find()) {
            return poolName + "-" + number;
        }
        String run = mask.group();
        return poolName.replace(run, String.format("%0" + run.length() + "d", number));
    }

    /** The first free name counting from {@code from}; returns the number used. */
    public static int nextFreeNumber(String poolName, int from, Predicate<String> taken) {
        int n = from;
        while (taken.test(nameFor(poolName, n))) {
            n++;
        }
        return n;
    }
}
