package io.vdibot.rhev.simulator.model;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Something the engine will do at a future instant (a VM reaching "up", an export finishing).
 * Kept as data so that a simulator restarted from its state directory carries on where it stopped.
 */
public class PendingChange {
    public Instant due;
    public long sequence;
    public String kind;
    public String entityId;
    public Map<String, String> args = new LinkedHashMap<>();
}
