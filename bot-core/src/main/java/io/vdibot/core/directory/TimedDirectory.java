package io.vdibot.core.directory;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Times the lookups that reach the directory as {@code vdibot.directory.lookups}, tagged with the lookup
 * ({@code mail}, {@code uid}, {@code members}, {@code group}, {@code group_mail}) and the outcome ({@code found}, {@code not_found}, {@code unavailable}).
 * Sits under the {@link CachingDirectory}, so cached answers are not counted: this is the directory's own latency.
 */
public final class TimedDirectory implements Directory {

    private final Directory delegate;
    private final MeterRegistry registry;

    public TimedDirectory(Directory delegate, MeterRegistry registry) {
        this.delegate = delegate;
        this.registry = registry;
    }

    @Override
    public Optional<DirectoryUser> findByMail(String mail) {
        return timed("mail", () -> delegate.findByMail(mail), Optional::isPresent);
    }

    @Override
    public Optional<DirectoryUser> findByUid(String uid) {
        return timed("uid", () -> delegate.findByUid(uid), Optional::isPresent);
    }

    @Override
    public List<DirectoryUser> membersOf(String group) {
        return timed("members", () -> delegate.membersOf(group), members -> !((Collection<?>) members).isEmpty());
    }

    @Override
    public boolean groupExists(String group) {
        return timed("group", () -> delegate.groupExists(group), Boolean::booleanValue);
    }

    @Override
    public Optional<String> groupMail(String group) {
        return timed("group_mail", () -> delegate.groupMail(group), Optional::isPresent);
    }

    private <T> T timed(String lookup, Supplier<T> call, java.util.function.Predicate<T> found) {
        Timer.Sample sample = Timer.start(registry);
        String outcome = "unavailable";
        try {
            T result = call.get();
            outcome = found.test(result) ? "found" : "not_found";
            return result;
        } finally {
            sample.stop(Timer.builder("vdibot.directory.lookups")
                    .description("Lookups that reached the directory (cached answers are not counted)")
                    .tags("lookup", lookup, "outcome", outcome)
                    .serviceLevelObjectives(Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(100),
                            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
                            Duration.ofSeconds(5))
                    .register(registry));
        }
    }
}
