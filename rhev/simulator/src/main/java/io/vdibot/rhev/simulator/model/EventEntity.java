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
}
