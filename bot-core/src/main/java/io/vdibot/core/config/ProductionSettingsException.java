package io.vdibot.core.config;

import java.util.List;

/** Settings that production mode requires are missing; the message is one line naming each property. */
public final class ProductionSettingsException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public ProductionSettingsException(List<String> problems) {
        super(String.join("; ", problems));
    }
}
