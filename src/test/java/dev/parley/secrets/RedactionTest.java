package dev.parley.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {

    @Test
    void aKeyParleyReadIsMaskedHoweverItIsEchoed() {
        Redaction.remember("my-own-gateway-key-4711");

        assertThat(Redaction.clean("400 {\"error\":\"Invalid key my-own-gateway-key-4711 for this org\"}"))
                .isEqualTo("400 {\"error\":\"Invalid key *** for this org\"}");
    }

    @Test
    void credentialsInUrlsAreMaskedButTheAddressStays() {
        assertThat(Redaction.clean("Provider 'x' (openai-compatible at https://bob:hunter2@llm.example.com/v1) failed"))
                .isEqualTo("Provider 'x' (openai-compatible at https://***@llm.example.com/v1) failed");
    }

    @Test
    void wellKnownKeyShapesAndBearerTokensAreMaskedEvenWhenParleyNeverReadThem() {
        assertThat(Redaction.clean("Incorrect API key provided: sk-proj-abcdefghijklmnopqrstuvwx."))
                .isEqualTo("Incorrect API key provided: ***.");
        assertThat(Redaction.clean("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.payload")).isEqualTo(
                "Authorization: Bearer ***");
    }

    @Test
    void ordinaryTextIsLeftAlone() {
        String text = "Provider 'ollama' (ollama at http://localhost:11434) is not reachable (Connection refused).";
        Redaction.remember("short");

        assertThat(Redaction.clean(text)).isEqualTo(text);
        assertThat(Redaction.clean(null)).isNull();
    }
}
