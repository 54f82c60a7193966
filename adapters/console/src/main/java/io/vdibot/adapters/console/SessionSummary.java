package io.vdibot.adapters.console;

/**
 * How a console session ended.
 *
 * @param lines     input lines read, blank lines and comments included
 * @param submitted lines handed to the core
 * @param settled   {@code true} when the core was idle at the end, {@code false} when the wait ran out or was
 *                  interrupted; a script runner can turn this into its exit status
 */
public record SessionSummary(int lines, int submitted, boolean settled) {
}
