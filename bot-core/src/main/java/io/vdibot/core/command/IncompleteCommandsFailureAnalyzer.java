package io.vdibot.core.command;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a half-wired command set into Spring Boot's start-up report, without a stack trace. */
public final class IncompleteCommandsFailureAnalyzer extends AbstractFailureAnalyzer<IncompleteCommandsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, IncompleteCommandsException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Declare a handler bean for each command in its feature's configuration.", null);
    }
}
