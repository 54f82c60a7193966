package io.vdibot.rhev.task;

/**
 * Correlation ids for mutating engine calls, so the engine's jobs and events of a task can be found from the task
 * ({@code jobs?search=correlation_id=T1042-create-vm}). The engine keeps only {@code [0-9a-zA-Z_-]} and at most
 * 36 characters; we send exactly what it will keep.
 */
public final class CorrelationIds {

    public static final String HEADER = "Correlation-Id";
    private static final int MAX_LENGTH = 36;

    private CorrelationIds() {
    }

    public static String of(String taskCode, String step) {
        String raw = (taskCode + "-" + step).replaceAll("[^0-9a-zA-Z_-]", "");
        return raw.length() > MAX_LENGTH ? raw.substring(0, MAX_LENGTH) : raw;
    }
}
