package io.vdibot.core.production;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints what the bot cannot start without, one line per property, without a stack trace. */
public final class MissingSettingsFailureAnalyzer extends AbstractFailureAnalyzer<MissingSettingsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingSettingsException cause) {
        return new FailureAnalysis("The bot cannot start without its database, directory and engines:\n"
                + String.join("\n", cause.problems()),
                "Set the properties named above; deploy/README.md describes each. To try the bot on embedded defaults,"
                        + " run the demo artifact instead: java -jar demo/target/vdibot-demo.jar", null);
    }
}
