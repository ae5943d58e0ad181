package dev.parley.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ToolCallTest {

    @Test
    void aCallIsShownOnOneLine() {
        assertThat(new ToolCall("1", "calculate", "{\"expression\":\n\"21*2\"}", "42").compactLine())
                .isEqualTo("calculate {\"expression\": \"21*2\"} → 42");
        assertThat(ToolCall.runningLine("calculate", "{}")).isEqualTo("calculate {} …");
    }

    @Test
    void aNameTheModelMadeUpIsCutLikeTheArgumentsAndTheResult() {
        String name = "x".repeat(200_000);

        assertThat(ToolCall.compactLine(name, "{}", "error: no such tool")).hasSize(ToolCall.COMPACT_TEXT + 25)
                .startsWith("x".repeat(ToolCall.COMPACT_TEXT - 1) + "… {} → error");
        assertThat(ToolCall.runningLine(name, "{}")).hasSize(ToolCall.COMPACT_TEXT + 5);
    }
}
