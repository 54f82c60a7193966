package io.vdibot.rhev.simulator.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

public class JobEntity {
    public String id;
    public String description;
    /** started, finished, failed, aborted. */
    public String status = "started";
    public String correlationId;
    /** Added through {@code POST /jobs} by an external tool rather than by an engine command. */
    public boolean external;
    public boolean autoCleared = true;
    public Instant startTime;
    public Instant endTime;
    public Instant lastUpdated;
    public List<StepEntity> steps = new ArrayList<>();

    public static class StepEntity {
        public String id;
        public String description;
        public String type = "executing";
        public int number;
        public String status = "started";
        public Instant startTime;
        public Instant endTime;
    }
}
