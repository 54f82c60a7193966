package io.vdibot.rhev.task;

import io.vdibot.commands.i18n.Messages;
import io.vdibot.rhev.call.EngineException;

/** Explains a failed engine call to the requester, quoting the engine's own words. */
public final class EngineTexts {

    private EngineTexts() {
    }

    public static String explain(Messages messages, EngineException e) {
        return switch (e.kind()) {
            case TRANSPORT -> messages.format("engine.unreachable", e.site(), e.engineText(), e.attempts());
            case TLS -> messages.format("engine.tls-failed", e.site(), e.engineText());
            case AUTHENTICATION -> messages.format("engine.auth-failed", e.site(), e.engineText());
            case CONFIGURATION -> messages.format("engine.misconfigured", e.site(), e.engineText());
            case UNREADABLE -> messages.format("engine.unreadable", e.site(), e.engineText());
            case FAULT -> e.isTransient()
                    ? messages.format("engine.busy", e.site(), e.engineText(), e.attempts())
                    : messages.format("engine.refused", e.site(), e.engineText());
        };
    }
}
