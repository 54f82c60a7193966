package io.vdibot.embedded;

import io.vdibot.persistence.embedded.TemporaryDataDirectoryException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A bot started from a folder under /tmp: one sentence saying where to keep its data instead, no stack trace. */
public final class TemporaryDataDirectoryFailureAnalyzer
        extends AbstractFailureAnalyzer<TemporaryDataDirectoryException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, TemporaryDataDirectoryException cause) {
        return new FailureAnalysis("The bot keeps its data in " + cause.dataDir().getParent()
                + ", under the temporary folder, where its embedded database would be deleted.",
                "Start it with --vdibot.data-dir=<a folder outside /tmp>, for example --vdibot.data-dir=$HOME/vdibot-data.",
                null);
    }
}
