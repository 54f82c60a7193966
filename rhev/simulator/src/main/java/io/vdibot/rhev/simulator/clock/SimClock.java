package io.vdibot.rhev.simulator.clock;

import java.time.Instant;

/**
 * The simulator's notion of "now". Engine state machines advance lazily against it, so a test can
 * hold time still and step it deterministically while the bot sees a real engine.
 */
public interface SimClock {

    Instant now();

    static SimClock system() {
        return Instant::now;
    }
}
