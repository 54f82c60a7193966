package io.vdibot.commands.parse;

import io.vdibot.commands.spec.Keyword;
import io.vdibot.commands.template.TemplateVersionRef;
import io.vdibot.commands.spec.VdiRequest;
import io.vdibot.commands.schedule.Schedule;
import io.vdibot.commands.schedule.SinceParser;
import io.vdibot.commands.schedule.WhenParser;
import io.vdibot.commands.schedule.WhenResult;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns a command's raw arguments into typed values, collecting every mistake instead of stopping at the first,
 * so the user fixes a command line in one go. Each read returns {@code null} when the argument is absent or wrong;
 * {@link #result(Supplier)} builds the request only when there was no mistake.
 *
 * <p>Reading a key the command did not declare is a programming error and throws.
 */
public final class ArgReader {

    public static final String AT = "at";

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern TASK_ID = Pattern.compile("[Tt]\\d{1,18}");
    private static final long ONE_MIB = 1024L * 1024L;

    private final String commandId;
    private final String usage;
    private final List<Param> params;
    private final Map<String, String> values;
    private final ParseContext context;
    private final List<FieldError> errors;

    public ArgReader(String commandId, String usage, List<Param> params, RawArguments raw, ParseContext context) {
        this.commandId = commandId;
        this.usage = usage;
        this.params = List.copyOf(params);
        this.values = raw.values();
        this.context = context;
        this.errors = new ArrayList<>(raw.errors());
        for (Param param : params) {
            if (param.required() && !values.containsKey(param.key()) && !raw.hasErrorFor(param.key())) {
                errors.add(FieldError.of(param.key(), "arg.missing", param.key()));
            }
        }
    }

    /** Free text, trimmed, of at most the configured number of characters. */
    public String text(String key) {
        return limited(key, context.limits().textMax());
    }

    /** A script run in the guest ({@code init=}), of at most the configured number of characters. */
    public String script(String key) {
        return limited(key, context.limits().initScriptMax());
    }

    /** The number of virtual CPUs of one VM, from 1 to the configured most. */
    public Integer cpus(String key) {
        return count(key, 1, context.limits().cpusMax());
    }

    private String limited(String key, int max) {
        String value = raw(key);
        if (value != null && value.codePointCount(0, value.length()) > max) {
            return reject(key, "arg.too-long", key, max);
        }
        if (value != null && !storable(value)) {
            return reject(key, "arg.bad-character", key);
        }
        return value;
    }

    /**
     * Whether free text can reach the engine: it takes text as XML 1.0, which cannot carry control characters other
     * than tab and line breaks, unpaired surrogates or U+FFFE/U+FFFF. Accepted here, a description holding a NUL or
     * an ESC made a task that the engine refused when it ran (and paged on-call). C1 controls are refused too: they
     * are terminal escapes (U+009B starts one), never typed text.
     */
    private static boolean storable(String value) {
        return value.codePoints().noneMatch(cp -> cp != '\t' && cp != '\n' && cp != '\r'
                && (Character.isISOControl(cp) || cp == 0xFFFE || cp == 0xFFFF
                || cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE));
    }

    /** A name that must follow {@code rule}. */
    public String name(String key, NameRule rule) {
        String value = raw(key);
        if (value == null) {
            return null;
        }
        if (!rule.allowsCharacters(value)) {
            return reject(key, "arg.bad-name", key, value);
        }
        if (!rule.allowsLength(value)) {
            return reject(key, "arg.too-long", key, rule.maxLength());
        }
        return value;
    }

    /** A whole number of at least {@code min}. */
    public Integer count(String key, int min) {
        return count(key, min, Integer.MAX_VALUE);
    }

    /** A whole number in {@code min..max}. */
    public Integer count(String key, int min, int max) {
        String value = raw(key);
        if (value == null) {
            return null;
        }
        if (!INTEGER.matcher(value).matches()) {
            return reject(key, "arg.not-a-number", key, value);
        }
        BigInteger number = new BigInteger(value);
        boolean below = number.compareTo(BigInteger.valueOf(min)) < 0;
        if (below || number.compareTo(BigInteger.valueOf(max)) > 0) {
            if (max != Integer.MAX_VALUE) {
                return reject(key, "arg.out-of-range", key, value, min, max);
            }
            // no upper bound but the integer's: a huge value is too large, not too small
            return below ? reject(key, "arg.too-small", key, value, min)
                    : reject(key, "arg.too-large", key, value, max);
        }
        return number.intValueExact();
    }

    /** A memory size such as {@code 4GiB}, in bytes, at least 1 MiB (the engine's unit). */
    public Long memory(String key) {
        String value = raw(key);
        if (value == null) {
            return null;
        }
        OptionalLong bytes = ByteSizes.parse(value);
        if (bytes.isEmpty()) {
            return reject(key, "arg.bad-size", key, value);
        }
        if (bytes.getAsLong() < ONE_MIB) {
            return reject(key, "arg.too-small", key, value, "1MiB");
        }
        if (bytes.getAsLong() > context.limits().memoryMaxBytes()) {
            return reject(key, "arg.too-large", key, value, ByteSizes.format(context.limits().memoryMaxBytes()));
        }
        return bytes.getAsLong();
    }

    /** {@code true}/{@code false}/{@code yes}/{@code no}, any case. */
    public Boolean bool(String key) {
        String value = raw(key);
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes" -> Boolean.TRUE;
            case "false", "no" -> Boolean.FALSE;
            default -> reject(key, "arg.not-a-boolean", key, value);
        };
    }

    /** One of the enum's keywords, any case. */
    public <E extends Enum<E> & Keyword> E keyword(String key, Class<E> type) {
        String value = raw(key);
        if (value == null) {
            return null;
        }
        return Keyword.find(type, value).orElseGet(() -> reject(key, "arg.bad-choice", key, value,
                String.join(", ", Keyword.words(type))));
    }

    /** A task id such as {@code t1042}, returned upper case. */
    public String taskId(String key) {
        String value = raw(key);
        if (value == null) {
            return null;
        }
        if (!TASK_ID.matcher(value).matches()) {
            return reject(key, "arg.bad-task-id", key, value);
        }
        return value.toUpperCase(Locale.ROOT);
    }

    /** {@code N} (from 1) or {@code latest}. */
    public TemplateVersionRef templateVersion(String key) {
        String value = raw(key);
        if (value == null) {
            return null;
        }
        if (value.equalsIgnoreCase("latest")) {
            return TemplateVersionRef.latestVersion();
        }
        if (!INTEGER.matcher(value).matches()) {
            return reject(key, "arg.bad-template-version", key, value);
        }
        Integer number = count(key, 1);
        return number == null ? null : TemplateVersionRef.version(number);
    }

    /** The start of a period looked back on ({@code since=2h}, {@code since=yesterday}); see {@link SinceParser}. */
    public Instant since(String key) {
        String value = raw(key);
        if (value == null) {
            return null;
        }
        return new SinceParser(context.clock()).parse(value, context.userZone())
                .orElseGet(() -> reject(key, "arg.bad-since", key, value));
    }

    /** The {@code at=WHEN} argument; absent means now. */
    public Schedule schedule() {
        String value = raw(AT);
        WhenResult when = new WhenParser(context.clock()).parse(value, context.userZone());
        if (when instanceof WhenResult.Invalid invalid) {
            List<String> args = new ArrayList<>(List.of(AT));
            args.addAll(invalid.args());
            errors.add(new FieldError(AT, invalid.messageKey(), args));
            return null;
        }
        Schedule schedule = ((WhenResult.Valid) when).schedule();
        Duration ahead = Duration.between(context.clock().instant(), schedule.instant());
        if (ahead.compareTo(context.limits().scheduleHorizon()) > 0) {
            return reject(AT, "arg.when-too-far", AT, value, context.limits().scheduleHorizon().toDays());
        }
        return schedule;
    }

    /** {@code first} and {@code second} are given both or neither, e.g. {@code group} and {@code role}. */
    public void together(String first, String second) {
        declared(first);
        declared(second);
        boolean hasFirst = values.containsKey(first);
        boolean hasSecond = values.containsKey(second);
        if (hasFirst && !hasSecond) {
            errors.add(FieldError.of(second, "arg.requires", first, second));
        } else if (hasSecond && !hasFirst) {
            errors.add(FieldError.of(first, "arg.requires", second, first));
        }
    }

    /** At least one of {@code keys} is given; the error is attached to the first. */
    public void atLeastOne(String... keys) {
        Arrays.stream(keys).forEach(this::declared);
        if (Arrays.stream(keys).noneMatch(values::containsKey)) {
            errors.add(FieldError.of(keys[0], "arg.at-least-one", keys[0], String.join(", ", keys)));
        }
    }

    /** Two given values must differ (ignoring case), e.g. the source and target site. */
    public void differ(String first, String second) {
        declared(first);
        declared(second);
        String a = values.get(first);
        if (a != null && a.equalsIgnoreCase(values.get(second))) {
            errors.add(FieldError.of(second, "arg.must-differ", second, first));
        }
    }

    /** A value read earlier must not exceed another, e.g. prestarted VMs and the pool's size. */
    public void notMoreThan(String key, Integer value, String limitKey, Integer limit) {
        declared(key);
        declared(limitKey);
        if (value != null && limit != null && value > limit) {
            errors.add(FieldError.of(key, "arg.exceeds", key, value, limitKey, limit));
        }
    }

    /** The request built by {@code build}, or every mistake found, in the order of the command's arguments. */
    public <R extends VdiRequest> ParseResult<R> result(Supplier<R> build) {
        if (errors.isEmpty()) {
            return new ParseResult.Valid<>(build.get());
        }
        List<String> order = params.stream().map(Param::key).toList();
        Comparator<FieldError> byArgumentOrder = Comparator.comparingInt(e -> {
            int index = order.indexOf(e.field());
            return index < 0 ? order.size() : index;
        });
        List<FieldError> sorted = errors.stream().sorted(byArgumentOrder).collect(Collectors.toList());
        return new ParseResult.Invalid<>(commandId, commandId + ".usage", usage, sorted);
    }

    private String raw(String key) {
        declared(key);
        String value = values.get(key);
        // strip(), not trim(): trim() also removes control characters, so a required value made of them alone
        // (snapshot="\u0001") passed the blank check and came out empty, and a name hid them at its ends
        return value == null ? null : value.strip();
    }

    private void declared(String key) {
        if (params.stream().noneMatch(p -> p.key().equals(key))) {
            throw new IllegalStateException(commandId + " reads undeclared argument " + key);
        }
    }

    private <T> T reject(String field, String messageKey, Object... args) {
        errors.add(FieldError.of(field, messageKey, args));
        return null;
    }
}
