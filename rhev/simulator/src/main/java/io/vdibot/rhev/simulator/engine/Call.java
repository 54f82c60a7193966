package io.vdibot.rhev.simulator.engine;

import io.vdibot.rhev.simulator.model.JobEntity;
import java.util.HashMap;
import java.util.Map;

/** Who asked for an operation and under which correlation id, for jobs and events. */
public record Call(String correlationId, String userName) {

    public static Call internal() {
        return new Call(null, "admin@internal-authz");
    }

    /**
     * The arguments a scheduled change needs to end this call's job and name its caller in events once
     * it falls due; plain strings, so they survive a restart from the state directory. Mutable, so a
     * command can add its own.
     */
    Map<String, String> jobArgs(JobEntity job) {
        Map<String, String> args = new HashMap<>();
        args.put("job", job.id);
        args.put("user", userName);
        if (correlationId != null) {
            args.put("correlation", correlationId);
        }
        return args;
    }
}
