package dev.parley.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.parley.config.ProviderConfig;
import dev.parley.config.ProviderType;
import dev.parley.secrets.Redaction;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiKeysTest {

    private static final ProviderConfig OPENAI = new ProviderConfig(ProviderType.OPENAI, null, "gpt-4o-mini",
            "PASTED_KEY", null, null, 10);

    @Test
    void aKeyPastedWithALineBreakInsideIsRefusedByNameAndEachLineIsMasked() {
        ApiKeys keys = new ApiKeys(Map.of("PASTED_KEY", "sk-firstHalf1234\r\nsecondHalf5678\n")::get);

        LlmException refused = catchThrowableOfType(LlmException.class, () -> keys.keyFor("cloud", OPENAI));

        assertThat(refused.getMessage()).contains("The API key in PASTED_KEY has a space, line break")
                .doesNotContain("firstHalf").doesNotContain("secondHalf");
        assertThat(Redaction.clean("invalid header value: \"Bearer sk-firstHalf1234\nsecondHalf5678\""))
                .isEqualTo("invalid header value: \"Bearer ***\n***\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u00A0", "\u200B", "\uFEFF", "\u20AC", "\u2028", "\t"})
    void aKeyWithAnyCharacterOutsidePrintableAsciiInsideIsRefusedByNameAndEachPieceIsMasked(String inside) {
        ApiKeys keys = new ApiKeys(Map.of("PASTED_KEY", "sk-beforeIt1234" + inside + "afterIt5678")::get);

        LlmException refused = catchThrowableOfType(LlmException.class, () -> keys.keyFor("cloud", OPENAI));

        assertThat(refused.getMessage()).contains("The API key in PASTED_KEY has a space")
                .doesNotContain("beforeIt").doesNotContain("afterIt");
        assertThat(Redaction.clean("echoed: Bearer sk-beforeIt1234 and afterIt5678"))
                .isEqualTo("echoed: Bearer *** and ***");
    }

    @Test
    void aKeyWithOnlyATrailingLineBreakIsUsedWithoutIt() {
        ApiKeys keys = new ApiKeys(Map.of("PASTED_KEY", "sk-wholeKey12345678\n")::get);

        assertThat(keys.keyFor("cloud", OPENAI)).isEqualTo("sk-wholeKey12345678");
    }
}
