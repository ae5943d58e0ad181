package dev.parley.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShellWordsTest {

    @Test
    void aWordOfSafeCharactersStaysAsItIs() {
        assertThat(ShellWords.quote("npx")).isEqualTo("npx");
        assertThat(ShellWords.quote("@scope/pkg@1.2,x=y:z%")).isEqualTo("@scope/pkg@1.2,x=y:z%");
    }

    @Test
    void anyOtherWordIsSingleQuotedWithItsOwnQuotesEscaped() {
        assertThat(ShellWords.quote("my file.wav")).isEqualTo("'my file.wav'");
        assertThat(ShellWords.quote("it's $HOME")).isEqualTo("'it'\\''s $HOME'");
        assertThat(ShellWords.quote("")).isEqualTo("''");
    }

    @Test
    void aCommandIsItsWordsJoinedBySpaces() {
        assertThat(ShellWords.command(List.of("sh", "-c", "echo hi; exit 3"))).isEqualTo("sh -c 'echo hi; exit 3'");
    }
}
