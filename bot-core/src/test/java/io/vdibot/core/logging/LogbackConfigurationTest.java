package io.vdibot.core.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.mock.env.MockEnvironment;

/**
 * The bot's {@code logback-spring.xml} as Spring Boot loads it: text lines by default, one JSON object per line with
 * {@code logging.structured.format.console}, the MDC's task and command either way — and back to text when a later
 * start in the same process does not ask for JSON.
 */
class LogbackConfigurationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final PrintStream stderr = System.err;
    private final LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());

    @AfterEach
    void restore() {
        System.setErr(stderr);
        MDC.clear();
    }

    @Test
    void structuredFormatGivesJsonLinesWithTheTaskAndTextOtherwise() throws Exception {
        String json = logOneTaskLine("ecs");
        JsonNode entry = JSON.readTree(json);
        assertThat(entry.path("task").asText()).isEqualTo("T1042");
        assertThat(entry.path("command").asText()).isEqualTo("vm.create");
        assertThat(entry.path("message").asText()).isEqualTo("step done");
        assertThat(entry.at("/log/level").asText()).isEqualTo("INFO");

        String text = logOneTaskLine(null);
        assertThat(text).contains(" INFO [T1042 vm.create] ").endsWith("- step done").doesNotStartWith("{");

        assertThat(JSON.readTree(logOneTaskLine("logstash")).path("task").asText()).isEqualTo("T1042");
    }

    /** Starts logging as the bot does, with or without a structured format, and logs one line of a task. */
    private String logOneTaskLine(String format) {
        MockEnvironment environment = new MockEnvironment();
        if (format != null) {
            environment.setProperty("logging.structured.format.console", format);
        }
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        logging.beforeInitialize();
        logging.initialize(new LoggingInitializationContext(environment), "classpath:logback-spring.xml", null);
        MDC.put("task", "T1042");
        MDC.put("command", "vm.create");
        LoggerFactory.getLogger("io.vdibot.test").info("step done");
        MDC.clear();
        logging.cleanUp();
        // Spring Boot also leaves the format behind as a JVM-wide system property; a new process has none
        System.clearProperty("CONSOLE_LOG_STRUCTURED_FORMAT");
        System.setErr(stderr);
        String[] lines = captured.toString(StandardCharsets.UTF_8).strip().split("\n");
        return lines[lines.length - 1].strip();
    }
}
