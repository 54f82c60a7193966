package io.vdibot.commands.i18n;

import io.vdibot.commands.AllCommands;
import io.vdibot.commands.spec.CommandSpec;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What may stay in Latin letters in a text for a Chinese reader, and the words of a text that are not that. Allowed:
 * <ul>
 * <li>names and ids: the object names of the data at hand ({@link #withNames}), task ids ({@code T1042}), engine
 * ids (UUIDs), command ids ({@code vm.create}), e-mail addresses, URLs, file paths, IPv6 addresses, configuration
 * properties ({@code vdibot.limits.pool-size-max});</li>
 * <li>commands: a {@code /vdi …}, {@code /lang …} or {@code /login …} command, or a task's command line
 * ({@code vm create web01 template=…}), up to the next Chinese character, and a {@code key=value} argument;</li>
 * <li>numbers, dates, times, sizes, durations, IP addresses, and units ({@code GiB}, {@code ms}, {@code min});</li>
 * <li>IANA zone ids ({@code Europe/Paris}, {@code UTC});</li>
 * <li>proper names and technical terms that Chinese writes in Latin letters too ({@link #TERMS}: {@code IP},
 * {@code CPU}, {@code Windows}, {@code Slack}, {@code sysprep} …);</li>
 * <li>text quoted verbatim between “ and ” (an engine's own words, what the user typed);</li>
 * <li>in a text that explains the grammar ({@link #inGrammarText}), the words one types: command words, parameter
 * names and their values ({@code latest}, {@code tomorrow}, {@code true}) and filters ({@code web*}).</li>
 * </ul>
 * Everything else in Latin letters is an English word a Chinese reader should not meet: {@code up}, {@code deploy},
 * {@code preflight}, {@code done}, {@code Task … succeeded}.
 */
public final class LatinWords {

    /** Proper names and technical terms written in Latin letters in Chinese text too. */
    static final Set<String> TERMS = Set.of("IP", "IPv4", "IPv6", "CPU", "ID", "UUID", "DHCP", "DNS", "NFS", "VLAN",
            "ISO", "CA", "TLS", "LDAP", "URL", "HTTP", "HTTPS", "PEM", "JSON", "ASCII", "NUL", "ESC", "Unicode",
            "Windows", "Linux", "Slack", "Teams", "Microsoft", "Entra", "VDI", "Bot", "oVirt", "RHV", "RHEV", "sysprep",
            "cloud-init", "qemu-guest-agent", "root", "MariaDB", "Galera", "PNG", "OS");
    /** Units of sizes and durations, as {@code Durations} and the views write them. */
    static final Set<String> UNITS = Set.of("B", "KiB", "MiB", "GiB", "TiB", "PiB", "KB", "MB", "GB", "TB", "K", "M",
            "G", "T", "ms", "s", "min", "h", "d", "w");
    /** Values typed after {@code at=}, {@code since=}, {@code template-version=} or as a yes/no. */
    static final Set<String> INPUT_WORDS = Set.of("now", "today", "tomorrow", "yesterday", "latest", "all", "none",
            "true", "false", "yes", "no");

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_.\\-/@*?+:%#=]+");
    private static final Pattern COMMAND = Pattern.compile("/(vdi|lang|login)\\b[\\x20-\\x7E]*");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F]*:[0-9a-fA-F]*:[0-9a-fA-F:.]*");
    private static final Pattern QUOTED = Pattern.compile("“[^”]*”");
    private static final Pattern NUMBERISH = Pattern.compile("[+-]?\\d[\\w.:\\-/%+]*");
    private static final Pattern TASK_ID = Pattern.compile("T\\d+");
    private static final Pattern UUID_LIKE = Pattern.compile("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");
    private static final Pattern HAS_LETTER = Pattern.compile("[A-Za-z]");

    private final Set<String> names;
    private final Set<String> grammar;
    private final Set<String> commandIds;
    private final Pattern commandLine;

    private LatinWords(Set<String> names, Set<String> grammar, Set<String> commandIds, Pattern commandLine) {
        this.names = names;
        this.grammar = grammar;
        this.commandIds = commandIds;
        this.commandLine = commandLine;
    }

    /** The rules above, with no object names yet. */
    public static LatinWords rules() {
        Set<String> ids = new HashSet<>();
        List<String> lines = new ArrayList<>();
        for (CommandSpec<?> spec : AllCommands.registry().all()) {
            // an id or command line of two words or more: a single word (list, sites) is also an English word
            if (spec.id().contains(".")) {
                ids.add(spec.id());
            }
            if (spec.wordsText().contains(" ")) {
                lines.add(Pattern.quote(spec.wordsText()));
            }
        }
        Pattern commandLine = Pattern.compile("\\b(" + String.join("|", lines) + ")\\b[\\x20-\\x7E]*");
        return new LatinWords(Set.of(), grammarWords(), Set.copyOf(ids), commandLine);
    }

    /** These rules, with the Latin words of {@code texts} (object names, descriptions of the test data) allowed too. */
    public LatinWords withNames(Collection<String> texts) {
        Set<String> more = new HashSet<>(names);
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            more.add(text);
            Matcher m = TOKEN.matcher(text);
            while (m.find()) {
                more.add(trim(m.group()));
            }
        }
        return new LatinWords(Set.copyOf(more), grammar, commandIds, commandLine);
    }

    /** The Latin words of {@code text} that may not stay, in order. */
    public List<String> offenders(String text) {
        return offenders(text, false);
    }

    /** As {@link #offenders(String)} for a text that explains the grammar (help, a parse mistake, a field label). */
    public List<String> inGrammarText(String text) {
        return offenders(text, true);
    }

    private List<String> offenders(String text, boolean grammarText) {
        String rest = QUOTED.matcher(text).replaceAll(" ");
        rest = COMMAND.matcher(rest).replaceAll(" ");
        rest = commandLine.matcher(rest).replaceAll(" ");
        List<String> found = new ArrayList<>();
        Matcher m = TOKEN.matcher(rest);
        while (m.find()) {
            String token = trim(m.group());
            if (!token.isEmpty() && !allowed(token, grammarText)) {
                found.add(token);
            }
        }
        return found;
    }

    private boolean allowed(String token, boolean grammarText) {
        if (!HAS_LETTER.matcher(token).find() || NUMBERISH.matcher(token).matches()) {
            return true;
        }
        if (token.contains("=") || token.contains("@") || token.startsWith("vdibot.") || token.startsWith("https://")
                || token.startsWith("http://") || token.startsWith("/") && token.indexOf('/', 1) > 0
                || TASK_ID.matcher(token).matches() || UUID_LIKE.matcher(token).matches()
                || IPV6.matcher(token).matches() || commandIds.contains(token)) {
            return true;
        }
        if (TERMS.contains(token) || UNITS.contains(token) || names.contains(token) || isZone(token)) {
            return true;
        }
        return grammarText && (grammar.contains(token.toLowerCase(Locale.ROOT))
                || INPUT_WORDS.contains(token.toLowerCase(Locale.ROOT)) || token.contains("*"));
    }

    private static boolean isZone(String token) {
        if (!token.contains("/") && !token.equals("UTC")) {
            return false;
        }
        try {
            ZoneId.of(token);
            return true;
        } catch (RuntimeException notAZone) {
            return false;
        }
    }

    /** Sentence punctuation after a token is not part of it ({@code web01.}, {@code web01...}). */
    private static String trim(String token) {
        int end = token.length();
        while (end > 0 && ".:?".indexOf(token.charAt(end - 1)) >= 0) {
            end--;
        }
        return token.substring(0, end);
    }

    /** Every word of every command's usage line in English: command words, parameter names, their values. */
    private static Set<String> grammarWords() {
        Messages english = Messages.forLocale(Locale.ENGLISH);
        Set<String> words = new HashSet<>();
        for (CommandSpec<?> spec : AllCommands.registry().all()) {
            Matcher m = Pattern.compile("[A-Za-z][A-Za-z0-9\\-]*").matcher(english.format(spec.usageKey()));
            while (m.find()) {
                words.add(m.group().toLowerCase(Locale.ROOT));
            }
        }
        return Set.copyOf(words);
    }
}
