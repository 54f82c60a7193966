package io.vdibot.core.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.vdibot.commands.port.ThreadRef;
import io.vdibot.commands.spec.VdiRequest;
import io.vdibot.commands.spec.CommandRegistry;

/**
 * How requests and thread references are stored with a task: plain JSON of the request records, read
 * back through the command's request type so a task resumes exactly what was asked.
 */
public final class TaskJson {

    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final CommandRegistry registry;

    public TaskJson(CommandRegistry registry) {
        this.registry = registry;
    }

    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public VdiRequest readRequest(String commandId, String json) {
        return read(json, registry.require(commandId).requestType());
    }

    public ThreadRef readThread(String json) {
        return read(json, ThreadRef.class);
    }

    private <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + type.getSimpleName() + " is unreadable", e);
        }
    }
}
