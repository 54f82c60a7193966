package io.vdibot.rhev.call;

import io.vdibot.rhev.call.EngineException.Kind;
import java.io.IOException;
import java.security.cert.CertificateException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Reads what the SDK threw. SDK 4.4.5 has one exception type whose message is built as
 * {@code Fault reason is "…". Fault detail is "[…]". HTTP response code is "409". HTTP response message is "…".}
 * (parts left out when absent); transport problems arrive as "Failed to send request" with the I/O exception as
 * cause, SSO problems as "Error during SSO authentication CODE : TEXT", and an unreadable body may surface as a
 * bare XML exception from the SDK's runtime.
 */
public final class EngineFaults {

    private static final Pattern REASON = Pattern.compile(
            "Fault reason is \"(.*?)\"\\.(?= Fault detail is \"| HTTP response code is \"|\\s*$)", Pattern.DOTALL);
    private static final Pattern DETAIL = Pattern.compile(
            "Fault detail is \"(.*?)\"\\.(?= HTTP response code is \"| HTTP response message is \"|\\s*$)",
            Pattern.DOTALL);
    private static final Pattern CODE = Pattern.compile("HTTP response code is \"(\\d{3})\"");
    private static final Pattern STATUS_TEXT = Pattern.compile("HTTP response message is \"(.*?)\"\\.\\s*$",
            Pattern.DOTALL);
    /** The SDK quotes both parts: {@code Error during SSO authentication "access_denied" : "Cannot ..."}. */
    private static final Pattern SSO = Pattern.compile(
            "Error during SSO authentication \"?([^\"\\s]+)\"? : \"?(.*?)\"?\\s*$", Pattern.DOTALL);

    /**
     * 409 texts that mean "busy, try again": entity locks held by another running command. From the engine's
     * message catalogue: ACTION_TYPE_FAILED_OBJECT_LOCKED ("Related operation is currently in progress"),
     * ACTION_TYPE_FAILED_VM_IS_LOCKED, VM_TEMPLATE_IMAGE_IS_LOCKED, ACTION_TYPE_FAILED_DISKS_LOCKED and the
     * "... is being created/updated/removed/exported" family.
     */
    private static final Pattern BUSY = Pattern.compile(
            "\\blocked\\b|related operation is currently in progress"
                    + "|\\bis being (created|updated|removed|exported|imported|migrated)\\b",
            Pattern.CASE_INSENSITIVE);

    /** SSO error codes that no retry can fix. */
    private static final Set<String> SSO_REFUSALS = Set.of("access_denied", "invalid_grant", "invalid_scope",
            "unsupported_grant_type", "invalid_request", "unauthorized_client");

    private EngineFaults() {
    }

    /** Whether {@code thrown} came out of the SDK or its HTTP layer, and so should be translated. */
    public static boolean fromSdk(RuntimeException thrown) {
        if (thrown instanceof org.ovirt.engine.sdk4.Error) {
            return true;
        }
        StackTraceElement[] frames = thrown.getStackTrace();
        return frames.length > 0 && (frames[0].getClassName().startsWith("org.ovirt.")
                || frames[0].getClassName().startsWith("org.apache.http."));
    }

    /** The typed form of an SDK failure at {@code site}. */
    public static EngineException translate(String site, RuntimeException thrown) {
        if (thrown instanceof EngineException already) {
            return already;
        }
        String message = thrown.getMessage() == null ? "" : thrown.getMessage();
        Optional<Throwable> certificate = find(thrown, t -> t instanceof CertificateException
                || t instanceof SSLPeerUnverifiedException);
        if (certificate.isPresent()) {
            return new EngineException(site, Kind.TLS, 0, null, rootMessage(certificate.get()), false, 1, thrown);
        }
        Matcher code = CODE.matcher(message);
        if (code.find()) {
            return fault(site, message, Integer.parseInt(code.group(1)), thrown);
        }
        Optional<Matcher> sso = find(thrown, t -> t.getMessage() != null && SSO.matcher(t.getMessage()).find())
                .map(t -> SSO.matcher(t.getMessage())).filter(Matcher::find);
        if (sso.isPresent()) {
            // The token request happens inside whatever call needed it, so it arrives wrapped in that call's error.
            String error = sso.get().group(1);
            return new EngineException(site, Kind.AUTHENTICATION, 401, error, sso.get().group(2).trim(),
                    !SSO_REFUSALS.contains(error), 1, thrown);
        }
        Optional<Throwable> io = find(thrown, t -> t instanceof IOException);
        if (io.isPresent()) {
            return new EngineException(site, Kind.TRANSPORT, 0, null, rootMessage(io.get()), true, 1, thrown);
        }
        if (message.contains("isn't the expected") || find(thrown, t -> String.valueOf(t.getMessage())
                .contains("isn't the expected")).isPresent()) {
            // An HTML page instead of XML: typically a proxy in front of the engine answering 502/503.
            return new EngineException(site, Kind.UNREADABLE, 0, null, rootMessage(thrown), true, 1, thrown);
        }
        return new EngineException(site, Kind.UNREADABLE, 0, null, rootMessage(thrown), false, 1, thrown);
    }

    /** Whether a fault with this HTTP code and engine text is worth retrying. */
    public static boolean isTransient(int httpCode, String text) {
        if (httpCode >= 500) {
            return true;
        }
        return httpCode == 409 && text != null && BUSY.matcher(text).find();
    }

    private static EngineException fault(String site, String message, int httpCode, RuntimeException thrown) {
        Matcher reasonMatch = REASON.matcher(message);
        Matcher detailMatch = DETAIL.matcher(message);
        String reason = reasonMatch.find() ? reasonMatch.group(1) : null;
        String detail = detailMatch.find() ? unwrap(detailMatch.group(1)) : null;
        String text = detail != null && !detail.isBlank() ? detail : reason;
        if (text == null) {
            Matcher status = STATUS_TEXT.matcher(message);
            text = status.find() ? status.group(1) : "HTTP " + httpCode;
        }
        return new EngineException(site, Kind.FAULT, httpCode, reason, text, isTransient(httpCode, text), 1,
                thrown);
    }

    /** The engine renders backend messages as a Java list, {@code [first, second]}; users want the words. */
    static String unwrap(String detail) {
        String trimmed = detail.trim();
        if (trimmed.length() >= 2 && trimmed.startsWith("[") && trimmed.endsWith("]")) {
            return trimmed.substring(1, trimmed.length() - 1).trim();
        }
        return trimmed;
    }

    private static Optional<Throwable> find(Throwable thrown, java.util.function.Predicate<Throwable> test) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (test.test(t)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The most specific message in the cause chain, e.g. "Connection refused" or "Read timed out". */
    private static String rootMessage(Throwable thrown) {
        Throwable deepest = thrown;
        String text = null;
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            deepest = t;
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                text = t.getMessage();
            }
        }
        return text != null ? text : deepest.getClass().getSimpleName();
    }
}
