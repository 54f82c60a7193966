package io.vdibot.core.locks;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** When a lock was taken, in the reader's zone. */
final class LeaseTimes {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private LeaseTimes() {
    }

    static String time(Instant instant, ZoneId zone) {
        return instant == null ? "" : TIME.format(instant.atZone(zone));
    }
}
