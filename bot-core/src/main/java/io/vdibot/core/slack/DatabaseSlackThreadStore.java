package io.vdibot.core.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vdibot.adapters.slack.SlackThreadStore;
import io.vdibot.commands.Platform;
import io.vdibot.persistence.task.TaskRepository;
import io.vdibot.persistence.thread.ThreadMessageRepository;
import java.util.Optional;

/**
 * Slack thread roots kept with their task in {@code thread_message} (Slack's channel and ts as the handle), so the
 * status message and the approval card stay the same after a restart or on another node.
 */
public final class DatabaseSlackThreadStore implements SlackThreadStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ThreadMessageRepository messages;
    private final TaskRepository tasks;

    public DatabaseSlackThreadStore(ThreadMessageRepository messages, TaskRepository tasks) {
        this.messages = messages;
        this.tasks = tasks;
    }

    @Override
    public Optional<ThreadRoot> find(String taskCode, String purpose) {
        return tasks.findByCode(taskCode).flatMap(task -> messages.find(task.id(), Platform.SLACK, purpose))
                .map(record -> read(record.handleJson()));
    }

    @Override
    public void save(String taskCode, String purpose, ThreadRoot root) {
        tasks.findByCode(taskCode).ifPresent(task -> messages.save(task.id(), Platform.SLACK, purpose, write(root)));
    }

    private static ThreadRoot read(String json) {
        try {
            return JSON.readValue(json, ThreadRoot.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable Slack message handle", e);
        }
    }

    private static String write(ThreadRoot root) {
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Slack message handle not writable", e);
        }
    }
}
