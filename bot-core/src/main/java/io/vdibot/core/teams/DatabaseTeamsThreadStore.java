package io.vdibot.core.teams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vdibot.adapters.teams.TeamsThreadStore;
import io.vdibot.commands.Platform;
import io.vdibot.persistence.task.TaskRepository;
import io.vdibot.persistence.thread.ThreadMessageRepository;
import java.util.Optional;

/**
 * Teams cards kept with their task in {@code thread_message} (service URL, conversation and activity id as the
 * handle, plus what the approval card is drawn from), so the status and approval cards stay the same after a restart
 * or on another node.
 */
public final class DatabaseTeamsThreadStore implements TeamsThreadStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ThreadMessageRepository messages;
    private final TaskRepository tasks;

    public DatabaseTeamsThreadStore(ThreadMessageRepository messages, TaskRepository tasks) {
        this.messages = messages;
        this.tasks = tasks;
    }

    @Override
    public Optional<CardRoot> find(String taskCode, String purpose) {
        return tasks.findByCode(taskCode).flatMap(task -> messages.find(task.id(), Platform.TEAMS, purpose))
                .map(record -> read(record.handleJson()));
    }

    @Override
    public void save(String taskCode, String purpose, CardRoot root) {
        tasks.findByCode(taskCode).ifPresent(task -> messages.save(task.id(), Platform.TEAMS, purpose, write(root)));
    }

    private static CardRoot read(String json) {
        try {
            return JSON.readValue(json, CardRoot.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable Teams card handle", e);
        }
    }

    private static String write(CardRoot root) {
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Teams card handle not writable", e);
        }
    }
}
