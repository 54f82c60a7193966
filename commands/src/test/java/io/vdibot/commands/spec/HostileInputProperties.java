package io.vdibot.commands.spec;

import static io.vdibot.commands.Fixtures.CONTEXT;
import static io.vdibot.commands.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.vdibot.commands.AllCommands;
import io.vdibot.commands.HostileInput;
import io.vdibot.commands.form.FormField;
import io.vdibot.commands.help.ParseErrorReply;
import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.parse.FieldError;
import io.vdibot.commands.parse.InputLimits;
import io.vdibot.commands.parse.NameRule;
import io.vdibot.commands.parse.Param;
import io.vdibot.commands.parse.ParseResult;
import io.vdibot.commands.parse.Token;
import io.vdibot.commands.parse.Tokenizer;
import io.vdibot.commands.pool.PoolCreateRequest;
import io.vdibot.commands.pool.PoolOwnerRequest;
import io.vdibot.commands.reply.Reply;
import io.vdibot.commands.schedule.Schedule;
import io.vdibot.commands.view.ShowKind;
import io.vdibot.commands.view.ShowRequest;
import io.vdibot.commands.vm.VmCreateRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Security review: hostile input on every command and every form. Command lines are built from the real command
 * words with random and adversarial argument values (control characters, bidi and zero-width marks, NUL, 100 KiB
 * values, unbalanced quotes, SQL/LDAP/shell metacharacters, Slack and Teams markup). Whatever comes in, parsing
 * returns a value: a request within the configured limits whose names follow the name rules, or mistakes that read
 * as sentences in English and in Chinese.
 */
class HostileInputProperties {

    private static final CommandRegistry REGISTRY = AllCommands.registry();
    private static final InputLimits LIMITS = CONTEXT.limits();
    private static final List<Messages> LANGUAGES = List.of(Messages.forLocale(Locale.ENGLISH),
            Messages.forLocale(Messages.SIMPLIFIED_CHINESE));
    // read apart, not through ResourceBundle: the Chinese bundle inherits every key the English one has
    private static final Set<String> ENGLISH_KEYS = keysOf("messages.properties");
    private static final Set<String> CHINESE_KEYS = keysOf("messages_zh_CN.properties");
    /** What ParseErrorReply says around the mistakes. */
    private static final List<String> REPLY_KEYS = List.of("reply.invalid", "reply.invalid.more", "help.label.usage");
    /** One mistake: its sentence and at most three values shown back, each cut to Messages.SHOWN_MAX. */
    private static final int MISTAKE_CHARS = 1_000;
    /** Teams refuses a message over about 28 KB; Slack's is larger. */
    private static final int MESSAGE_BYTES = 24_000;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\s*\\d+\\s*(,[^}]*)?}");

    /** Keys whose values are free text. */
    private static final Set<String> FREE_TEXT = Set.of("group", "role", "description", "reason", "snapshot",
            "version-name", "command", "resource", "topic", "init");

    /** Request components that hold a name of an engine object, with the rule the grammar checks it by. */
    private static final Set<String> NAME_COMPONENTS = Set.of("name", "template", "site", "cluster", "vm",
            "versionOf", "storage", "fromSite", "toSite", "targetName", "user", "filter");

    // ---- properties ----

    @Property(tries = 1500)
    void aCommandLineIsParsedIntoAValueWhateverItHolds(@ForAll("commandLines") String line) {
        check(REGISTRY.parse(line, CONTEXT));
    }

    /** The command's own example with one or two values made hostile: mostly valid requests with hostile text. */
    @Property(tries = 1500)
    void anExampleWithHostileValuesIsParsedIntoAValue(@ForAll("hostileExamples") String line) {
        check(REGISTRY.parse(line, CONTEXT));
        // else the checks on valid requests would check nothing
        Statistics.coverage(coverage -> coverage.check("valid").percentage(p -> p >= 20));
    }

    @Property(tries = 1000)
    void anyTextAtAllIsParsedIntoAValue(@ForAll("anyText") String line) {
        check(REGISTRY.parse(line, CONTEXT));
    }

    @Property(tries = 1500)
    void aSubmittedFormIsParsedIntoAValueWhateverItHolds(@ForAll("forms") Tuple.Tuple2<String, Map<String, String>> form) {
        check(REGISTRY.parseForm(form.get1(), form.get2(), CONTEXT));
    }

    // ---- what every result must be ----

    private static void check(ParseResult<VdiRequest> result) {
        Statistics.collect(result.isValid() ? "valid" : "invalid");
        if (result instanceof ParseResult.Invalid<VdiRequest> invalid) {
            checkRejection(invalid);
        } else {
            checkRequest(result.request());
        }
    }

    /**
     * Every mistake renders, in both languages, as a sentence: no raw key, no unfilled placeholder; what the user
     * typed is shown back short, and the whole reply fits in one chat message.
     */
    private static void checkRejection(ParseResult.Invalid<VdiRequest> invalid) {
        assertThat(invalid.errors()).isNotEmpty();
        REPLY_KEYS.forEach(HostileInputProperties::assertInBothBundles);
        assertInBothBundles(invalid.usageKey());
        // a pasted page of stray words makes thousands of identical kinds of mistake; each kind is checked once
        Set<FieldError> errors = new LinkedHashSet<>(invalid.errors());
        for (FieldError error : errors) {
            assertInBothBundles(error.key());
        }
        for (Messages messages : LANGUAGES) {
            Reply reply = ParseErrorReply.render(invalid, messages);
            assertThat(reply.kind()).isEqualTo(Reply.Kind.REFUSAL);
            assertThat(reply.plainText()).isNotBlank();
            assertThat(reply.plainText().getBytes(StandardCharsets.UTF_8).length).as("reply size")
                    .isLessThanOrEqualTo(MESSAGE_BYTES);
            for (FieldError error : errors) {
                String text = messages.format(error);
                assertThat(text).as("%s in %s", error.key(), messages.locale()).isNotBlank();
                assertThat(text.length()).as("%s in %s", error.key(), messages.locale())
                        .isLessThanOrEqualTo(MISTAKE_CHARS);
                // what the user typed is shown back; what is left must be the bundle's own words, all filled in
                String ownWords = withoutArguments(text, error.args());
                assertThat(ownWords).as("%s in %s: %s", error.key(), messages.locale(), text)
                        .doesNotContainPattern(PLACEHOLDER).doesNotContain(error.key()).isNotBlank();
            }
        }
    }

    /** A request stays within the limits, and the names in it follow the engine's rules. */
    private static void checkRequest(VdiRequest request) {
        for (RecordComponent component : request.getClass().getRecordComponents()) {
            Object value = read(component, request);
            String where = request.commandId() + "." + component.getName();
            if (value instanceof String text) {
                int max = component.getName().equals("initScript") ? LIMITS.initScriptMax() : LIMITS.textMax();
                assertThat(text.codePointCount(0, text.length())).as(where + " length").isLessThanOrEqualTo(max);
                assertThat(text).as(where).isNotBlank().isEqualTo(text.strip());
                if (NAME_COMPONENTS.contains(component.getName())) {
                    checkName(where, rule(request, component.getName()), text);
                } else {
                    // the engine takes text as XML 1.0: no NUL, no ESC, no broken Unicode
                    assertThat(HostileInput.storable(text)).as("%s «%s» can be stored", where, text).isTrue();
                }
            } else if (value instanceof List<?> words) {
                String joined = words.stream().map(String::valueOf).collect(Collectors.joining(" "));
                assertThat(joined.codePointCount(0, joined.length())).as(where + " length")
                        .isLessThanOrEqualTo(LIMITS.textMax());
            } else if (value instanceof Schedule schedule) {
                assertThat(schedule.instant()).as(where).isAfterOrEqualTo(NOW)
                        .isBeforeOrEqualTo(NOW.plus(LIMITS.scheduleHorizon()));
            }
        }
        if (request instanceof VmCreateRequest vm) {
            assertThat(vm.memoryBytes() == null || vm.memoryBytes() <= LIMITS.memoryMaxBytes()).isTrue();
            assertThat(vm.cpus() == null || vm.cpus() <= LIMITS.cpusMax()).isTrue();
        }
        if (request instanceof TaskReference reference) {
            assertThat(reference.taskId()).matches("T\\d{1,18}");
        }
    }

    private static void checkName(String where, NameRule rule, String name) {
        assertThat(rule.allowsCharacters(name)).as("%s «%s» follows %s", where, name, rule).isTrue();
        assertThat(rule.allowsLength(name)).as("%s «%s» length", where, name).isTrue();
        assertThat(name.codePoints()).as(where + " has no control, format or space characters")
                .noneMatch(cp -> Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT
                        || Character.isWhitespace(cp) || Character.isSpaceChar(cp)
                        || Character.getType(cp) == Character.SURROGATE);
    }

    private static NameRule rule(VdiRequest request, String component) {
        if (component.equals("filter")) {
            return NameRule.FILTER;
        }
        boolean pool = request instanceof PoolCreateRequest || request instanceof PoolOwnerRequest
                || request instanceof OwnedObjectChange change && change.objectKind().equals("pool")
                || request instanceof ShowRequest show && show.kind() == ShowKind.POOL;
        if (component.equals("name") && pool) {
            return NameRule.POOL;
        }
        if (component.equals("name") && request instanceof VmCreateRequest) {
            return NameRule.VM;
        }
        return NameRule.OBJECT;
    }

    // ---- generators ----

    @Provide
    Arbitrary<String> commandLines() {
        return Arbitraries.of(REGISTRY.all()).flatMap(HostileInputProperties::lineFor);
    }

    @Provide
    Arbitrary<String> hostileExamples() {
        return Arbitraries.of(REGISTRY.all()).flatMap(spec -> hostileExampleArguments(spec)
                .map(arguments -> spec.wordsText() + arguments.entrySet().stream()
                        .map(e -> " " + e.getKey() + "=\"" + e.getValue().replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                        .collect(Collectors.joining())));
    }

    /** The arguments of the command's example with one or two of them (or ones it left out) made hostile. */
    private static Arbitrary<Map<String, String>> hostileExampleArguments(CommandSpec<?> spec) {
        Map<String, String> example = exampleArguments(spec);
        if (spec.params().isEmpty()) {
            return Arbitraries.just(example);
        }
        List<String> keys = spec.params().stream().map(Param::key).toList();
        List<String> text = keys.stream().filter(FREE_TEXT::contains).toList();
        // free text is where hostile values may stay and still make a request, so it is changed more often
        Arbitrary<String> key = text.isEmpty() ? Arbitraries.of(keys)
                : Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.of(keys)), Tuple.of(2, Arbitraries.of(text)));
        return Combinators.combine(key, HostileInput.printable()).as(Map::entry).list().ofMinSize(1).ofMaxSize(2)
                .map(changes -> {
                    Map<String, String> arguments = new LinkedHashMap<>(example);
                    changes.forEach(change -> arguments.put(change.getKey(), change.getValue()));
                    return arguments;
                });
    }

    /** The command's example from the English bundle as key and value: bare words are its positionals in order. */
    private static Map<String, String> exampleArguments(CommandSpec<?> spec) {
        List<Token> tokens = Tokenizer.tokenize(LANGUAGES.get(0).format(spec.exampleKey())).tokens();
        List<Token> arguments = tokens.subList(spec.words().size(), tokens.size());
        List<Param> positionals = spec.params().stream().filter(Param::positional).toList();
        Map<String, String> values = new LinkedHashMap<>();
        int next = 0;
        for (Token token : arguments) {
            if (token.isKeyValue()) {
                values.put(token.key(), token.value());
            } else {
                Param slot = positionals.get(Math.min(next++, positionals.size() - 1));
                values.merge(slot.key(), token.value(), (a, b) -> a + " " + b);
            }
        }
        return values;
    }

    @Provide
    Arbitrary<String> anyText() {
        Arbitrary<String> words = Arbitraries.of(REGISTRY.all()).map(CommandSpec::wordsText);
        return Arbitraries.oneOf(
                HostileInput.unicode(),
                HostileInput.values(),
                Combinators.combine(words, HostileInput.values()).as((w, v) -> "/vdi " + w + " " + v),
                Combinators.combine(words, HostileInput.values()).as((w, v) -> v + " " + w),
                HostileInput.values().list().ofMaxSize(6).map(parts -> String.join(" ", parts)));
    }

    @Provide
    Arbitrary<Tuple.Tuple2<String, Map<String, String>>> forms() {
        List<CommandSpec<?>> withForms = REGISTRY.all().stream().filter(s -> s.form().isPresent()).toList();
        Arbitrary<CommandSpec<?>> spec = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(withForms)),
                Tuple.of(1, Arbitraries.of(REGISTRY.all())));
        Arbitrary<Tuple.Tuple2<String, Map<String, String>>> known = spec.flatMap(s -> Arbitraries.oneOf(
                formValues(s), hostileExampleArguments(s)).map(values -> Tuple.of(s.id(), values)));
        Arbitrary<Tuple.Tuple2<String, Map<String, String>>> unknown = Combinators.combine(HostileInput.values(),
                HostileInput.values()).as((id, value) -> Tuple.of(id, Map.of("name", value)));
        return Arbitraries.frequencyOf(Tuple.of(15, known), Tuple.of(1, unknown));
    }

    /** The command's words, in any case and after any prefix, then its arguments in any shape. */
    private static Arbitrary<String> lineFor(CommandSpec<?> spec) {
        Arbitrary<String> prefix = Arbitraries.of("", "/vdi ", "vdi ", "/VDI ", " /vdi\u00A0", "\u200B/vdi ");
        Arbitrary<String> words = Arbitraries.of(spec.wordsText(), spec.wordsText().toUpperCase(Locale.ROOT),
                spec.wordsText().replace(' ', '\t'), spec.wordsText().replace(" ", "  \u3000 "));
        List<Arbitrary<String>> each = spec.params().stream().map(HostileInputProperties::argumentFor).toList();
        Arbitrary<List<String>> arguments = Combinators.combine(each).as(ArrayList::new);
        Arbitrary<List<String>> extras = extra(spec).list().ofMaxSize(2);
        Arbitrary<String> separator = Arbitraries.of(" ", " ", " ", "  ", "\t", "\u00A0", "\u3000", "\u202F");
        return Combinators.combine(prefix, words, arguments, extras, separator, Arbitraries.of(false, false, true))
                .as((p, w, args, more, sep, shuffle) -> {
                    List<String> all = new ArrayList<>(args);
                    all.addAll(more);
                    all.removeIf(String::isEmpty);
                    if (shuffle) {
                        all.sort(Comparator.comparingInt(String::hashCode));
                    }
                    return p + w + (all.isEmpty() ? "" : sep + String.join(sep, all));
                });
    }

    /** One argument of the command: left out, given as key=value or, for a positional, as a bare word. */
    private static Arbitrary<String> argumentFor(Param param) {
        Arbitrary<String> keyValue = quoted(value()).map(v -> param.key() + "=" + v);
        Arbitrary<String> keyValueAnyCase = quoted(value()).map(v -> param.key().toUpperCase(Locale.ROOT) + "=" + v);
        if (param.positional()) {
            return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just("")),
                    Tuple.of(4, quoted(value())),
                    Tuple.of(2, keyValue));
        }
        return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just("")),
                Tuple.of(4, keyValue), Tuple.of(1, keyValueAnyCase));
    }

    /** Something the command did not ask for: an unknown or repeated key, a stray word, a lone {@code =}. */
    private static Arbitrary<String> extra(CommandSpec<?> spec) {
        List<String> keys = spec.params().isEmpty() ? List.of("name") : spec.params().stream().map(Param::key).toList();
        return Arbitraries.oneOf(
                quoted(value()).map(v -> "colour=" + v),
                Combinators.combine(HostileInput.values(), quoted(value())).as((k, v) -> k + "=" + v),
                Combinators.combine(Arbitraries.of(keys), quoted(value())).as((k, v) -> k + "=" + v),
                Arbitraries.of(keys),
                quoted(value()),
                Arbitraries.of("=", "==", "=x", "\"", "'", "\u201C", "\\"));
    }

    /** A hostile value or, less often, one that some command accepts, so that valid requests come out too. */
    private static Arbitrary<String> value() {
        return Arbitraries.frequencyOf(Tuple.of(3, HostileInput.values()),
                Tuple.of(2, Arbitraries.of(HostileInput.PLAUSIBLE)));
    }

    /** A value as it may be typed: bare, quoted properly, quoted sloppily, with smart quotes, or half-quoted. */
    private static Arbitrary<String> quoted(Arbitrary<String> value) {
        return Combinators.combine(value, Arbitraries.integers().between(0, 5)).as((v, style) -> switch (style) {
            case 1 -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            case 2 -> "'" + v + "'";
            case 3 -> "\u201C" + v + "\u201D";
            case 4 -> "\"" + v;
            default -> v;
        });
    }

    /** Form values: every field and argument left out, null, blank, hostile or plausible, and unknown fields. */
    private static Arbitrary<Map<String, String>> formValues(CommandSpec<?> spec) {
        Set<String> names = new LinkedHashSet<>();
        spec.params().forEach(p -> names.add(p.key()));
        spec.form().ifPresent(f -> f.fields().stream().map(FormField::name).forEach(names::add));
        Arbitrary<String> fieldValue = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just("\u0000absent")),
                Tuple.of(1, Arbitraries.just("\u0000null")),
                Tuple.of(1, Arbitraries.of("", " ", "\u00A0\t\n")),
                Tuple.of(5, value()));
        List<Arbitrary<Tuple.Tuple2<String, String>>> fields = names.stream()
                .map(name -> Combinators.combine(Arbitraries.of(name, name.toUpperCase(Locale.ROOT), " " + name),
                        fieldValue).as(Tuple::of))
                .toList();
        Arbitrary<List<Tuple.Tuple2<String, String>>> unknown = Combinators.combine(HostileInput.values(), value())
                .as(Tuple::of).list().ofMaxSize(2);
        return Combinators.combine(Combinators.combine(fields).as(ArrayList::new), unknown).as((known, more) -> {
            Map<String, String> values = new LinkedHashMap<>();
            List<Tuple.Tuple2<String, String>> all = new ArrayList<>(known);
            all.addAll(more);
            for (Tuple.Tuple2<String, String> field : all) {
                // chat platforms send untouched optional fields as nulls or leave them out
                if (field.get2().equals("\u0000null")) {
                    values.put(field.get1(), null);
                } else if (!field.get2().equals("\u0000absent")) {
                    values.put(field.get1(), field.get2());
                }
            }
            return values;
        });
    }

    // ---- helpers ----

    /** The text without the values shown in it, as Messages shows them (long ones cut). */
    private static String withoutArguments(String text, List<String> args) {
        String rest = text;
        List<String> shown = args.stream().map(arg -> arg.codePointCount(0, arg.length()) <= Messages.SHOWN_MAX ? arg
                : arg.substring(0, arg.offsetByCodePoints(0, Messages.SHOWN_MAX - 1)) + "…").toList();
        for (String arg : shown.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
            if (!arg.isEmpty()) {
                rest = rest.replace(arg, "");
            }
        }
        return rest;
    }

    private static void assertInBothBundles(String key) {
        assertThat(ENGLISH_KEYS).as("English bundle").contains(key);
        assertThat(CHINESE_KEYS).as("Chinese bundle").contains(key);
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> keysOf(String file) {
        String path = Messages.BUNDLE.replace('.', '/').replaceAll("/messages$", "/") + file;
        try (InputStream in = HostileInputProperties.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties.stringPropertyNames();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
