package io.vdibot.rhev.simulator.engine;

/** Who asked for an operation and under which correlation id, for jobs and events. */
public record Call(String correlationId, String userName) {

    public static Call internal() {
        return new Call(null, "admin@internal-authz");
    }
}
