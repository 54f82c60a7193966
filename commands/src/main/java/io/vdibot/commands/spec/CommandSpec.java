package io.vdibot.commands.spec;

import io.vdibot.commands.form.FormSpec;
import io.vdibot.commands.parse.ArgReader;
import io.vdibot.commands.parse.Param;
import io.vdibot.commands.parse.ParseContext;
import io.vdibot.commands.parse.ParseResult;
import io.vdibot.commands.parse.RawArguments;
import io.vdibot.commands.parse.Token;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything about one {@code /vdi} command except how it is executed: its id, its words, its usage line, the
 * permission it needs, the arguments it accepts, how they become a typed request, and its form.
 * Message keys derive from the id: {@code <id>.usage}, {@code <id>.help}, {@code <id>.example}, {@code <id>.title}.
 */
public abstract class CommandSpec<R extends VdiRequest> {

    private final String id;
    private final List<String> words;
    private final String usage;
    private final String permission;
    private final Class<R> requestType;
    private final List<Param> params;

    /**
     * @param words the command words separated by spaces, e.g. {@code pool create}
     * @param usage the usage line, e.g. {@code pool resize NAME size=N [site=S] [at=WHEN]}
     */
    protected CommandSpec(String id, String words, String usage, String permission, Class<R> requestType,
                          List<Param> params) {
        this.id = Objects.requireNonNull(id, "id");
        this.words = Arrays.asList(words.split(" "));
        this.usage = Objects.requireNonNull(usage, "usage");
        this.permission = Objects.requireNonNull(permission, "permission");
        this.requestType = Objects.requireNonNull(requestType, "requestType");
        this.params = List.copyOf(params);
    }

    /** Builds the request from typed reads; see {@link ArgReader#result}. */
    protected abstract ParseResult<R> build(ArgReader in);

    /** The form for this command, for commands worth filling in a modal or card. */
    public Optional<FormSpec> form() {
        return Optional.empty();
    }

    /** Parses the tokens that follow the command words. */
    public final ParseResult<R> parse(List<Token> arguments, ParseContext context) {
        return build(new ArgReader(id, usage, params, RawArguments.fromTokens(params, arguments), context));
    }

    /** Parses submitted form values (field name = grammar key) with the same checks and errors as text. */
    public final ParseResult<R> parseForm(Map<String, String> values, ParseContext context) {
        return build(new ArgReader(id, usage, params, RawArguments.fromForm(params, values), context));
    }

    public String id() {
        return id;
    }

    /** The command words, lower case, e.g. {@code [pool, create]}. */
    public List<String> words() {
        return words;
    }

    public String wordsText() {
        return String.join(" ", words);
    }

    /** The usage line in the grammar's own words; the bundles hold it per language under {@link #usageKey()}. */
    public String usage() {
        return usage;
    }

    public String usageKey() {
        return id + ".usage";
    }

    /** Message key of the one-sentence description. */
    public String helpKey() {
        return id + ".help";
    }

    public String exampleKey() {
        return id + ".example";
    }

    /** The permission the requester needs, e.g. {@code vdi:pool:create}. */
    public String permission() {
        return permission;
    }

    /** Whether the command changes the estate, i.e. becomes a task. */
    public boolean isTask() {
        return TaskRequest.class.isAssignableFrom(requestType);
    }

    /** Whether the command acts on one named object. */
    public boolean needsName() {
        return params.stream().anyMatch(p -> p.positional() && p.required() && p.key().equals("name"));
    }

    public Class<R> requestType() {
        return requestType;
    }

    public List<Param> params() {
        return params;
    }

    @Override
    public String toString() {
        return id;
    }
}
