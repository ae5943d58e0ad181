package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.CsvSource;

class TerminalTextTest {

    static Stream<Arguments> hostileText() {
        return Stream.of(
                Arguments.of("retitling the terminal", "\u001b]0;pwned\u0007Hello", "␛]0;pwned␇Hello"),
                Arguments.of("clearing the screen", "\u001b[2Jcleared", "␛[2Jcleared"),
                Arguments.of("the bell", "bell\u0007", "bell␇"),
                Arguments.of("overwriting the line", "over\rwrite", "overwrite"),
                Arguments.of("a C1 command start", "c1 \u009b2J", "c1 \uFFFD2J"),
                Arguments.of("DEL", "del\u007f", "del␡"),
                Arguments.of("NUL", "nul\u0000", "nul␀"),
                Arguments.of("a right-to-left override", "file\u202Etxt.exe", "file\uFFFDtxt.exe"),
                Arguments.of("an isolate", "a\u2066b\u2069", "a\uFFFDb\uFFFD"),
                Arguments.of("Unicode's line separator", "one\u2028two", "one\ntwo"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileText")
    void showsControlCharactersInsteadOfObeyingThem(String what, String hostile, String shown) {
        assertThat(TerminalText.safe(hostile)).isEqualTo(shown);
    }

    static Stream<Arguments> oneLineValues() {
        return Stream.of(
                Arguments.of("a line feed", "evil\nparley: fake", "evil␊parley: fake"),
                Arguments.of("a tab", "a\tb", "a␉b"),
                Arguments.of("a carriage return", "a\rb", "a␍b"),
                Arguments.of("a line separator", "a\u2028b", "a␤b"),
                Arguments.of("an escape", "a\u001b[2Jb", "a␛[2Jb"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneLineValues")
    void aOneLineValueShowsItsLineBreaksSoItCannotFakeALine(String what, String hostile, String shown) {
        assertThat(TerminalText.oneLine(hostile)).isEqualTo(shown);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"plain name", "Grüße 東京", "مرحبا بالعالم"})
    void aOneLineValueWithoutControlsIsLeftAlone(String text) {
        assertThat(TerminalText.oneLine(text)).isSameAs(text);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"plain text", "Grüße, 東京 — ✓", "line one\nline two\twith a tab"})
    void leavesOrdinaryTextAlone(String text) {
        assertThat(TerminalText.safe(text)).isSameAs(text);
    }
}
