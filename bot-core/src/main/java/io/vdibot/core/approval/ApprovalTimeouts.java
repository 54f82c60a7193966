package io.vdibot.core.approval;

import io.vdibot.persistence.task.ApprovalDeadlines;
import io.vdibot.persistence.task.TaskRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests nobody decides on: after {@code remind-after} the approvers' channel is reminded, and again after every
 * further {@code remind-after} without a decision; after {@code expire-after} the task ends as expired and never runs.
 *
 * <p>Reminders repeat rather than come once: a single reminder that lands at night or while the approvers are busy is
 * lost as easily as the card itself, and the request would then expire unseen. {@code expire-after} bounds how many
 * there are (18 with the defaults, 4 h and 3 days); a deployment that wants one sets {@code remind-after} just short
 * of {@code expire-after}.
 *
 * <p>Everything is read from and claimed in the database, so it survives restarts and runs wherever the sweep fires
 * ({@link ApprovalSweepJob}, one clustered Quartz trigger); each reminder and expiry is claimed by one process only.
 */
public final class ApprovalTimeouts {

    private static final Logger LOG = LoggerFactory.getLogger(ApprovalTimeouts.class);

    private final ApprovalDeadlines deadlines;
    private final ApprovalDesk desk;
    private final Clock clock;
    private final Duration remindAfter;
    private final Duration expireAfter;

    public ApprovalTimeouts(ApprovalDeadlines deadlines, ApprovalDesk desk, Clock clock, Duration remindAfter,
            Duration expireAfter) {
        this.deadlines = deadlines;
        this.desk = desk;
        this.clock = clock;
        this.remindAfter = remindAfter;
        this.expireAfter = expireAfter;
    }

    /** How often to look: a tenth of the shorter delay, between 1 s and 1 min, so nothing is told much late. */
    public Duration sweepEvery() {
        Duration tenth = (remindAfter.compareTo(expireAfter) < 0 ? remindAfter : expireAfter).dividedBy(10);
        if (tenth.compareTo(Duration.ofSeconds(1)) < 0) {
            return Duration.ofSeconds(1);
        }
        return tenth.compareTo(Duration.ofMinutes(1)) > 0 ? Duration.ofMinutes(1) : tenth;
    }

    /** Expires what has waited too long, then reminds about what has waited a while; each task at most once. */
    public void sweep() {
        Instant now = clock.instant();
        // expiries first, so a request is not reminded of in the moment it expires
        Instant askedBy = now.minus(expireAfter);
        for (TaskRecord task : deadlines.askedBy(askedBy)) {
            try {
                if (deadlines.expire(task.id(), askedBy)) {
                    LOG.info("{} expired: no approver decided within {}", task.code(), expireAfter);
                    desk.expired(task, now, expireAfter);
                }
            } catch (RuntimeException e) {
                LOG.warn("could not expire {}: {}", task.code(), e.toString());
            }
        }
        Instant quietSince = now.minus(remindAfter);
        for (TaskRecord task : deadlines.quietSince(quietSince)) {
            try {
                if (deadlines.claimReminder(task.id(), quietSince)) {
                    desk.remind(task, Duration.between(task.createdAt(), now), task.createdAt().plus(expireAfter));
                }
            } catch (RuntimeException e) {
                LOG.warn("could not remind the approvers of {}: {}", task.code(), e.toString());
            }
        }
    }
}
