package io.vdibot.rhev.simulator.api;

import java.time.Instant;
import java.util.Date;

final class Dates {
    private Dates() {
    }

    static Date of(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }
}
