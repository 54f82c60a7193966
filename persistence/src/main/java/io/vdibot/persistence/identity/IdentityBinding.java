package io.vdibot.persistence.identity;

import io.vdibot.commands.Platform;
import java.time.Instant;

/** A chat account and the directory entry it speaks for, since {@code boundAt}. */
public record IdentityBinding(Platform platform, String platformUserId, String directoryUid, String directoryDn,
                              Instant boundAt) {
}
