package io.vdibot.commands.port;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One incoming request, as an adapter hands it to the core: a command line or a submitted form, who sent it, where
 * to answer, and an idempotency key so a platform's redelivery (Slack retries, Teams resends after 15 s) is
 * recognised and dropped.
 *
 * @param text           the command line, {@code null} for a form
 * @param formId         the form's id (= command id), {@code null} for a command line
 * @param formValues     the submitted values by field name; empty for a command line
 * @param idempotencyKey unique per user action on its platform (Slack trigger or envelope id, Teams activity id)
 * @param locale         the user's language when the platform tells it, else {@code null}
 * @param zone           the user's time zone when the platform tells it, else {@code null}
 */
public record Envelope(ChatIdentity identity, ThreadRef thread, String text, String formId,
                       Map<String, String> formValues, String idempotencyKey, Instant receivedAt, Locale locale,
                       ZoneId zone) {

    public Envelope {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(thread, "thread");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(receivedAt, "receivedAt");
        formValues = Map.copyOf(formValues);
        if ((text == null) == (formId == null)) {
            throw new IllegalArgumentException("an envelope carries either a command line or a form");
        }
        if (text != null && !formValues.isEmpty()) {
            throw new IllegalArgumentException("a command line has no form values");
        }
    }

    public static Envelope ofText(ChatIdentity identity, ThreadRef thread, String text, String idempotencyKey,
                                  Instant receivedAt, Locale locale, ZoneId zone) {
        return new Envelope(identity, thread, text, null, Map.of(), idempotencyKey, receivedAt, locale, zone);
    }

    public static Envelope ofForm(ChatIdentity identity, ThreadRef thread, String formId,
                                  Map<String, String> formValues, String idempotencyKey, Instant receivedAt,
                                  Locale locale, ZoneId zone) {
        return new Envelope(identity, thread, null, formId, formValues, idempotencyKey, receivedAt, locale, zone);
    }

    public boolean hasForm() {
        return formId != null;
    }
}
