package io.vdibot.core.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns missing production settings into Spring Boot's start-up report, without a stack trace. */
public final class ProductionSettingsFailureAnalyzer extends AbstractFailureAnalyzer<ProductionSettingsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ProductionSettingsException cause) {
        return new FailureAnalysis(cause.getMessage(), "Set the properties named above (see deploy/README.md), or "
                + "unset " + ProductionMode.PROPERTY + " to run as a demo.", null);
    }
}
