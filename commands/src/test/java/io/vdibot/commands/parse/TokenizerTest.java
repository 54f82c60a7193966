package io.vdibot.commands.parse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TokenizerTest {

    private static List<Token> tokens(String text) {
        Tokenized tokenized = Tokenizer.tokenize(text);
        assertThat(tokenized.errors()).isEmpty();
        return tokenized.tokens();
    }

    @Test
    void splitsWordsAndKeyValues() {
        assertThat(tokens("  pool  create\tweb size=3 ")).containsExactly(
                new Token(null, "pool", false), new Token(null, "create", false), new Token(null, "web", false),
                new Token("size", "3", false));
    }

    @Test
    void keysAreLowerCasedButValuesKeepTheirCase() {
        assertThat(tokens("Template=RHEL9")).containsExactly(new Token("template", "RHEL9", false));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "description=\"two words\"     | two words",
            "description='two words'       | two words",
            "description=“smart quotes”    | smart quotes",
            "description=‘smart single’    | smart single",
            "description=“mixed close\"    | mixed close",
            "description=\"say \\\"hi\\\"\" | say \"hi\"",
            "description='it\\'s'          | it's",
            "description=\"don’t\"         | don’t",
            "description=\"C:\\temp\\new\"  | C:\\temp\\new",
            "description=\"a\\\\b\"        | a\\b",
            "description=\"a=b c\"         | a=b c",
            "description=pre\"fix post\"   | prefix post",
            "description=\"\"              | ''"})
    void quotesHoldSpacesAndEscapes(String text, String expected) {
        List<Token> tokens = tokens(text.trim());

        assertThat(tokens).hasSize(1);
        assertThat(tokens.get(0).key()).isEqualTo("description");
        assertThat(tokens.get(0).value()).isEqualTo(expected.equals("''") ? "" : expected);
        assertThat(tokens.get(0).quoted()).isTrue();
    }

    @Test
    void keepsLineBreaksInsideQuotesAndSplitsOnThemOutside() {
        assertThat(tokens("init=\"line 1\nline 2\"\nsize=3")).containsExactly(
                new Token("init", "line 1\nline 2", true), new Token("size", "3", false));
    }

    @Test
    void noBreakSpacesFromChatClientsSeparateWords() {
        assertThat(tokens("pool\u00A0create\u202Fweb")).extracting(Token::value)
                .containsExactly("pool", "create", "web");
    }

    @Test
    void aQuotedWordIsNeverACommandWordNorAKey() {
        List<Token> tokens = tokens("\"pool\" \"size=3\"");

        assertThat(tokens).containsExactly(new Token(null, "pool", true), new Token(null, "size=3", true));
        assertThat(tokens).noneMatch(Token::isBareWord);
    }

    @Test
    void onlyTheFirstEqualsSplits() {
        assertThat(tokens("init=a=b")).containsExactly(new Token("init", "a=b", false));
    }

    @Test
    void reportsAnUnclosedQuoteAgainstItsKey() {
        Tokenized tokenized = Tokenizer.tokenize("vm create x init=\"echo hi");

        assertThat(tokenized.errors()).containsExactly(
                FieldError.of("init", "arg.unterminated-quote", "init"));
        assertThat(tokenized.tokens().get(3)).isEqualTo(new Token("init", "echo hi", true));
    }

    @Test
    void reportsAnEqualsWithoutKey() {
        Tokenized tokenized = Tokenizer.tokenize("=3 size=4");

        assertThat(tokenized.errors()).containsExactly(FieldError.of("text", "arg.bad-syntax", "=3"));
        assertThat(tokenized.tokens()).containsExactly(new Token("size", "4", false));
    }

    @Test
    void findsWhereAWordEndsAsTyped() {
        String line = "a=\"b \\\" c\" d=\u201Ce f\u201D g\u00A0h=\"open i";

        assertThat(Tokenizer.endOfWord(line, 0)).isEqualTo(line.indexOf(" d="));
        assertThat(Tokenizer.endOfWord(line, line.indexOf("d="))).isEqualTo(line.indexOf(" g"));
        assertThat(Tokenizer.endOfWord(line, line.indexOf("g"))).isEqualTo(line.indexOf("\u00A0"));
        assertThat(Tokenizer.endOfWord(line, line.indexOf("h="))).isEqualTo(line.length());
    }

    @Test
    void nullIsAnEmptyLine() {
        assertThat(Tokenizer.tokenize(null).tokens()).isEmpty();
    }
}
