package io.vdibot.core.directory;

/**
 * The directory could not answer: unreachable, timed out, refused our bind, or returned an error.
 *
 * <p>Distinct from an empty lookup result on purpose: a user must be told "try again later",
 * not "you are unknown", when the directory is down.
 */
public class DirectoryUnavailableException extends RuntimeException {

    public DirectoryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
