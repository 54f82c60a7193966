package io.vdibot.adapters.common;

import io.vdibot.commands.reply.Reply;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a task's status message shows in chat under its first words, so a long task keeps its thread short: the
 * latest milestone (cumulative counts, the ETA) and the step running now. How a task is getting on
 * ({@link Reply.Kind#PROGRESS}) and its milestones ({@link Reply.Kind#MILESTONE}) are folded in here instead of
 * being posted; a milestone that warns still gets a message of its own, as does everything else (the result).
 */
public final class TaskStatusLines {

    /** The lines of one task; either may be null. */
    public record Lines(Reply milestone, Reply step) {
    }

    private static final Lines NONE = new Lines(null, null);
    private static final int MAX_TASKS = 5_000;

    private final Map<String, Lines> byTask = new ConcurrentHashMap<>();

    /** Whether {@code reply} belongs in the status message rather than in a message of its own. */
    public static boolean folds(Reply reply) {
        return reply.kind() == Reply.Kind.PROGRESS
                || reply.kind() == Reply.Kind.MILESTONE
                && (reply.tone() == Reply.Tone.INFO || reply.tone() == Reply.Tone.SUCCESS);
    }

    /**
     * Takes in a folded reply: a milestone replaces the previous one and ends the step it was about, a progress
     * line replaces the step.
     *
     * @return what the status message shows now
     */
    public Lines fold(String task, Reply reply) {
        if (byTask.size() >= MAX_TASKS && !byTask.containsKey(task)) {
            byTask.clear();
        }
        return byTask.compute(task, (k, lines) -> {
            Lines now = lines == null ? NONE : lines;
            return reply.kind() == Reply.Kind.MILESTONE ? new Lines(reply, null) : new Lines(now.milestone(), reply);
        });
    }

    /**
     * A message of its own was posted in the thread (the result, a warning): the step it follows is over, and the
     * latest milestone stays (its counts are the task's last word on them).
     */
    public Lines posted(String task) {
        Lines lines = byTask.computeIfPresent(task, (k, now) -> new Lines(now.milestone(), null));
        return lines == null ? NONE : lines;
    }

    public Lines of(String task) {
        return byTask.getOrDefault(task, NONE);
    }
}
