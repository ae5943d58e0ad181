package dev.parley.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.parley.config.ProviderConfig;
import dev.parley.config.ProviderType;
import dev.parley.secrets.Redaction;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiKeysTest {

    private static final ProviderConfig OPENAI = new ProviderConfig(ProviderType.OPENAI, null, "gpt-4o-mini",
            "PASTED_KEY", null, null, 10);

    @Test
    void aKeyPastedWithALineBreakInsideIsRefusedByNameAndEachLineIsMasked() {
        ApiKeys keys = new ApiKeys(Map.of("PASTED_KEY", "sk-firstHalf1234\r\nsecondHalf5678\n")::get);

        LlmException refused = catchThrowableOfType(LlmException.class, () -> keys.keyFor("cloud", OPENAI));

        assertThat(refused.getMessage()).contains("The API key in PASTED_KEY has a line break")
                .doesNotContain("firstHalf").doesNotContain("secondHalf");
        assertThat(Redaction.clean("invalid header value: \"Bearer sk-firstHalf1234\nsecondHalf5678\""))
                .isEqualTo("invalid header value: \"Bearer ***\n***\"");
    }

    @Test
    void aKeyWithOnlyATrailingLineBreakIsUsedWithoutIt() {
        ApiKeys keys = new ApiKeys(Map.of("PASTED_KEY", "sk-wholeKey12345678\n")::get);

        assertThat(keys.keyFor("cloud", OPENAI)).isEqualTo("sk-wholeKey12345678");
    }
}
