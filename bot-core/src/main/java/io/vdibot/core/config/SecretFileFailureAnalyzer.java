package io.vdibot.core.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints each secret file that cannot be read as one line naming its property, without a stack trace. */
public final class SecretFileFailureAnalyzer extends AbstractFailureAnalyzer<SecretFileException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SecretFileException cause) {
        return new FailureAnalysis("A secret file cannot be read:\n" + String.join("\n", cause.problems()),
                "Create each file named above, readable by the bot's user and not empty, or correct the property;"
                        + " deploy/README.md describes them.", null);
    }
}
