package io.vdibot.commands.spec;

import io.vdibot.commands.schedule.Schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A request that changes the estate. It becomes a task: persisted, possibly approved, scheduled at {@link #runAt()}
 * and run by an executor.
 */
public interface TaskRequest extends VdiRequest {

    /** The name of the object the task creates or changes. */
    String name();

    /** The site the task acts on; {@code null} means the configured default site. */
    String site();

    /** When the task should run; {@link Schedule#now()} is true for "as soon as possible". */
    Schedule runAt();

    /**
     * The name of the object this task will create at its site, which no later request may take while the task is
     * open; empty for a task that changes what exists.
     */
    default Optional<String> createdName() {
        return Optional.empty();
    }

    /**
     * The kind of object the task creates or changes ({@code vm}, {@code pool}, {@code template}): the first word of
     * its command id. Two tasks on one object of one kind at one site never run at the same time.
     */
    default String objectKind() {
        String id = commandId();
        int dot = id.indexOf('.');
        return dot < 0 ? id : id.substring(0, dot);
    }

    /**
     * The arguments worth showing besides the name, in the grammar's words ({@code size=12}); see
     * {@link #arguments(Object...)}. None by default.
     */
    default List<String> keyArguments() {
        return List.of();
    }

    /** What the task will do, as a command line: {@code pool resize finance-win10 size=12}. */
    default String summary() {
        StringBuilder line = new StringBuilder(commandId().replace('.', ' ')).append(' ').append(name());
        keyArguments().forEach(argument -> line.append(' ').append(argument));
        return line.toString();
    }

    /**
     * {@code key=value} pairs from alternating keys and values, skipping absent values and quoting values with
     * spaces: {@code arguments("size", 12, "description", null)} is {@code [size=12]}.
     */
    static List<String> arguments(Object... keysAndValues) {
        List<String> arguments = new ArrayList<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            if (value != null) {
                String text = value.toString();
                arguments.add(keysAndValues[i] + "=" + (text.matches(".*\\s.*|") ? '"' + text + '"' : text));
            }
        }
        return List.copyOf(arguments);
    }

    /**
     * The site where {@link #createdName()} is created, which is where it is reserved; {@code null} means the
     * configured default site. Most tasks create at the site they act on; a migration creates at its target.
     */
    default String createdAt() {
        return site();
    }
}
