package io.vdibot.rhev.simulator.model;

import java.time.Instant;

/** An audit log entry; {@link #index} grows monotonically and doubles as the id. */
public class EventEntity {
    public long index;
    public int code;
    public String description;
    /** normal, warning, error, alert. */
    public String severity = "normal";
    public Instant time;
    public String correlationId;
    public String vmId;
    public String templateId;
    public String storageDomainId;
    public String dataCenterId;
    public String clusterId;
    public String hostId;
    public String userId;
    /** Who raised the event: "oVirt" for the engine's own, the caller's name for a custom event. */
    public String origin = "oVirt";
    /** A custom event's id in its origin; -1 for the engine's own events. */
    public int customId = -1;
}
