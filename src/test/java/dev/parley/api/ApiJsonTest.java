package dev.parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiJsonTest {

    @Test
    void controlsThatJsonLeavesRawAreWrittenAsEscapes() {
        String json = ApiJson.write(ApiJson.object().put("model", "a\u0085b\u009Bc\u2028d\u202Ee\u2066f\u0007g é 東"));

        assertThat(json).isEqualTo("{\"model\":\"a\\u0085b\\u009Bc\\u2028d\\u202Ee\\u2066f\\u0007g é 東\"}");
    }
}
