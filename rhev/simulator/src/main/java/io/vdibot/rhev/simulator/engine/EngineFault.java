package io.vdibot.rhev.simulator.engine;

import java.util.List;

/**
 * A failure the engine reports to its client: the HTTP status, the fault reason and the detail,
 * rendered exactly like the engine's REST layer does (backend messages wrapped in "[...]").
 */
public final class EngineFault extends RuntimeException {

    public static final String OPERATION_FAILED = "Operation Failed";

    private final int status;
    private final String reason;
    private final String detail;

    public EngineFault(int status, String reason, String detail) {
        super(reason + (detail == null ? "" : ": " + detail));
        this.status = status;
        this.reason = reason;
        this.detail = detail;
    }

    /** A backend validation failure: reason "Operation Failed", detail the message list. */
    public static EngineFault backend(int status, String... messages) {
        return new EngineFault(status, OPERATION_FAILED, List.of(messages).toString());
    }

    public static EngineFault conflict(String message) {
        return backend(409, message);
    }

    public static EngineFault badRequest(String message) {
        return backend(400, message);
    }

    /** A referenced entity (in a POST/PUT/action body) that does not exist. */
    public static EngineFault entityNotFound(String identifier) {
        return new EngineFault(404, OPERATION_FAILED, "Entity not found: " + identifier);
    }

    /** A GET of an unknown id. The engine answers 404; we add a fault body so XML clients parse it. */
    public static EngineFault notFound() {
        return new EngineFault(404, "Not Found", null);
    }

    /** Missing mandatory attributes, e.g. {@code Vm [name] required for add}. */
    public static EngineFault incomplete(String type, String fields, String method) {
        return new EngineFault(400, "Incomplete parameters", type + " [" + fields + "] required for " + method);
    }

    public int status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    public String detail() {
        return detail;
    }
}
