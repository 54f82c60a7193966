package io.vdibot.commands.spec;

import io.vdibot.commands.parse.FieldError;
import io.vdibot.commands.parse.ParseContext;
import io.vdibot.commands.parse.ParseResult;
import io.vdibot.commands.parse.Token;
import io.vdibot.commands.parse.Tokenized;
import io.vdibot.commands.parse.Tokenizer;
import io.vdibot.commands.help.HelpRequest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The known commands, as found in the feature packages. Resolves the leading words of a line to a command (longest match, so {@code locks release}
 * wins over {@code locks}) and parses the rest, or parses a submitted form.
 */
public final class CommandRegistry {

    private static final Set<String> PREFIXES = Set.of("/vdi", "vdi");
    private static final Comparator<CommandSpec<?>> HELP_ORDER =
            Comparator.<CommandSpec<?>, Boolean>comparing(spec -> !spec.isTask()).thenComparing(CommandSpec::wordsText);

    private final List<CommandSpec<?>> specs;
    private final Map<String, CommandSpec<?>> byId;
    private final CommandSpec<?> help;

    /**
     * @param specs every command, in any order: help lists the task commands first, then the others, each by
     *              their words
     */
    public CommandRegistry(Collection<? extends CommandSpec<?>> specs) {
        this.specs = specs.stream().<CommandSpec<?>>map(spec -> spec).sorted(HELP_ORDER).toList();
        Map<String, CommandSpec<?>> ids = new HashMap<>();
        Set<List<String>> words = new HashSet<>();
        for (CommandSpec<?> spec : this.specs) {
            if (ids.put(spec.id(), spec) != null) {
                throw new IllegalArgumentException("two commands have the id " + spec.id());
            }
            if (!words.add(spec.words())) {
                throw new IllegalArgumentException("two commands use the words " + spec.wordsText());
            }
        }
        this.byId = Map.copyOf(ids);
        this.help = find(HelpRequest.COMMAND_ID)
                .orElseThrow(() -> new IllegalArgumentException("the registry needs the help command"));
    }

    public List<CommandSpec<?>> all() {
        return specs;
    }

    public Optional<CommandSpec<?>> find(String commandId) {
        return Optional.ofNullable(byId.get(commandId));
    }

    /** The spec of a command id known to exist, e.g. one read back from a persisted task. */
    public CommandSpec<?> require(String commandId) {
        return find(commandId).orElseThrow(() -> new IllegalArgumentException("unknown command id " + commandId));
    }

    /** The spec that parsed {@code request}: where to find its permission and message keys. */
    public CommandSpec<?> specOf(VdiRequest request) {
        return require(request.commandId());
    }

    /**
     * Which command a line names. A leading {@code /vdi} or {@code vdi} is skipped; command words are
     * case-insensitive. An empty line is {@code help}.
     */
    public Resolution resolve(String text) {
        Tokenized tokenized = Tokenizer.tokenize(text);
        List<Token> tokens = new ArrayList<>(tokenized.tokens());
        if (!tokens.isEmpty() && tokens.get(0).isBareWord()
                && PREFIXES.contains(tokens.get(0).value().toLowerCase(Locale.ROOT))) {
            tokens.remove(0);
        }
        if (tokens.isEmpty()) {
            return new Resolution.Resolved(help, List.of(), tokenized.errors());
        }
        List<String> leading = leadingWords(tokens);
        CommandSpec<?> match = null;
        for (CommandSpec<?> spec : specs) {
            List<String> words = spec.words();
            boolean matches = words.size() <= leading.size() && leading.subList(0, words.size()).equals(words);
            if (matches && (match == null || words.size() > match.words().size())) {
                match = spec;
            }
        }
        if (match == null) {
            List<String> typed = leading.isEmpty() ? List.of(tokens.get(0).display()) : leading;
            List<String> shown = typed.subList(0, Math.min(2, typed.size()));
            return new Resolution.Unresolved(String.join(" ", shown), Suggestions.nearest(shown, specs));
        }
        return new Resolution.Resolved(match, tokens.subList(match.words().size(), tokens.size()),
                tokenized.errors());
    }

    /** Resolves and parses a command line. */
    public ParseResult<VdiRequest> parse(String text, ParseContext context) {
        Resolution resolution = resolve(text);
        if (resolution instanceof Resolution.Unresolved unresolved) {
            return new ParseResult.Invalid<>(null, help.usageKey(), help.usage(), unresolved.errors());
        }
        Resolution.Resolved resolved = (Resolution.Resolved) resolution;
        ParseResult<VdiRequest> result = ParseResult.widen(resolved.spec().parse(resolved.arguments(), context));
        if (resolved.errors().isEmpty()) {
            return result;
        }
        List<FieldError> errors = new ArrayList<>(resolved.errors());
        errors.addAll(result.errors());
        CommandSpec<?> spec = resolved.spec();
        return new ParseResult.Invalid<>(spec.id(), spec.usageKey(), spec.usage(), errors);
    }

    /** Parses the values of a submitted form; an unknown form id is reported like an unknown command. */
    public ParseResult<VdiRequest> parseForm(String formId, Map<String, String> values, ParseContext context) {
        Optional<CommandSpec<?>> spec = find(formId);
        if (spec.isEmpty()) {
            return new ParseResult.Invalid<>(null, help.usageKey(), help.usage(),
                    List.of(FieldError.of("command", "command.unknown", String.valueOf(formId))));
        }
        return ParseResult.widen(spec.get().parseForm(values, context));
    }

    private static List<String> leadingWords(List<Token> tokens) {
        List<String> words = new ArrayList<>();
        for (Token token : tokens) {
            if (!token.isBareWord()) {
                break;
            }
            words.add(token.value().toLowerCase(Locale.ROOT));
        }
        return words;
    }
}
