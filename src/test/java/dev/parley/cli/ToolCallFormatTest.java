package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ToolCallFormatTest {

    @Test
    void showsACallCompactly() {
        assertThat(ToolCallFormat.call("calculate", "{\"expression\": \"12*7\"}", "84")).isEqualTo("[calculate 12*7 → 84]");
    }

    @Test
    void shortensHugeArgumentsAndResultsToOneShortLine() {
        String expression = "(".repeat(100_000) + "1" + ")".repeat(100_000);

        String line = ToolCallFormat.call("calculate", "{\"expression\": \"" + expression + "\"}", "9".repeat(10_000));

        assertThat(line).hasSizeLessThan(260).doesNotContain("\n")
                .startsWith("[calculate " + "(".repeat(119) + "… → " + "9".repeat(119) + "…]");
    }

    /** Before, a 200 KB tool name gave a 200,132-character line on stderr. */
    @Test
    void shortensAHugeToolName() {
        String line = ToolCallFormat.call("n".repeat(200_000), "{\"expression\": \"1+1\"}", "2");

        assertThat(line).isEqualTo("[" + "n".repeat(63) + "… 1+1 → 2]");
    }

    @Test
    void shortensHugeArgumentsInAConfirmationQuestion() {
        assertThat(ToolCallFormat.arguments("{\"label\": \"" + "x".repeat(5000) + "\"}")).hasSize(120).endsWith("…");
    }

    @Test
    void argumentsAndResultsCannotStartALineOfTheirOwn() {
        String line = ToolCallFormat.call("current_time", "{\"tz\": \"UTC\\nparley: ERROR fake\"}",
                "error: no tool named 'rm\u2028parley: ERROR fake'");

        assertThat(line).doesNotContain("\n").doesNotContain("\u2028")
                .isEqualTo("[current_time UTC␊parley: ERROR fake → error: no tool named 'rm␤parley: ERROR fake']");
    }
}
