package io.vdibot.core.production;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints production mode's problems one per line, without a stack trace. */
public final class UnsafeConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<UnsafeConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnsafeConfigurationException cause) {
        return new FailureAnalysis("Production mode (vdibot.mode=production) refuses to start:\n"
                + String.join("\n", cause.problems()),
                "Set the properties named above; deploy/README.md describes each. Remove vdibot.mode=production to"
                        + " run the demo on its embedded defaults.", null);
    }
}
