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
    void everyQueryValueOfAUrlIsMaskedButTheAddressAndTheParameterNamesStay() {
        assertThat(Redaction.clean("Provider 'x' (ollama at http://127.0.0.1:1/v1?key=hunter2secretvalue) is not reachable."))
                .isEqualTo("Provider 'x' (ollama at http://127.0.0.1:1/v1?key=***) is not reachable.");
        assertThat(Redaction.clean("POST https://gw.example.com/openai?api-version=2024-06-01&code=abc&&flag=, model m"))
                .isEqualTo("POST https://gw.example.com/openai?api-version=***&code=***&&flag=, model m");
        assertThat(Redaction.clean("at https://bob:pw@h.example/v1?tok3nOnly#frag and http://h/?x=1"))
                .isEqualTo("at https://***@h.example/v1?***#frag and http://h/?x=***");
    }

    @Test
    void aQuestionMarkOutsideAUrlIsNotAQuery() {
        String text = "Is it http://localhost:11434? Did you mean a=b?c=d";

        assertThat(Redaction.clean(text)).isEqualTo(text);
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
