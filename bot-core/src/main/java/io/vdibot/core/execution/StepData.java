package io.vdibot.core.execution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A step's result is a small string; the journal column holds JSON, so it is stored as a JSON string. */
final class StepData {

    private final ObjectMapper mapper = new ObjectMapper();

    String encode(String value) {
        try {
            return value == null ? null : mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    String decode(String json) {
        try {
            return json == null ? null : mapper.readValue(json, String.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable step result", e);
        }
    }
}
