package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChatLineTest {

    @ParameterizedTest
    @ValueSource(strings = {"/quit", "/help", "/provider", "/provider local", "/reset", "/quti", "/etc hosts?"})
    void aSlashAndAWordIsACommandKnownOrNot(String line) {
        assertThat(ChatLine.isCommand(line)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/etc/hosts is what?", "/2 of 10?", "/", "/ is a slash", "//quit", "/usr/bin", "what /quit"})
    void aLineWithoutASlashAndAWordIsAQuestion(String line) {
        assertThat(ChatLine.isCommand(line)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"//quit|/quit", "///x|//x", "/etc/hosts is what?|/etc/hosts is what?",
            "a // b|a // b"})
    void twoSlashesAtTheStartAskWithOne(String line, String asked) {
        assertThat(ChatLine.question(line)).isEqualTo(asked);
    }
}
