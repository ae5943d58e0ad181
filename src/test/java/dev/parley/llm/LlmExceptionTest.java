package dev.parley.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.llm.LlmException.Kind;
import org.junit.jupiter.api.Test;

class LlmExceptionTest {

    private final LlmException garbled = new LlmException(Kind.STREAM_BROKEN, "Provider 'a' sent a reply that"
            + " could not be read.", null, null, "");

    @Test
    void saysOnceWhereTheAnswerStoppedWhenEveryLayerAddsIt() {
        LlmException seen = garbled.afterPartialText("Paris is").afterPartialText("Paris is");

        assertThat(seen.getMessage()).isEqualTo("Provider 'a' sent a reply that could not be read."
                + " (It stopped after 8 characters of the answer.)");
        assertThat(seen.partialText()).isEqualTo("Paris is");
        assertThat(seen.kind()).isEqualTo(Kind.STREAM_BROKEN);
    }

    @Test
    void countsTheLongestTextAnyLayerSaw() {
        LlmException seen = garbled.afterPartialText("Paris").afterPartialText("Paris is the");

        assertThat(seen.getMessage()).isEqualTo("Provider 'a' sent a reply that could not be read."
                + " (It stopped after 12 characters of the answer.)");
        assertThat(seen.partialText()).isEqualTo("Paris is the");
    }
}
