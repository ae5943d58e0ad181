package dev.parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiJsonTest {

    @Test
    void controlsThatJsonLeavesRawAreWrittenAsEscapes() {
        String json = ApiJson.write(ApiJson.object().put("model", "a\u0085b\u009Bc\u2028d\u202Ee\u2066f\u0007g é 東"));

        assertThat(json).isEqualTo("{\"model\":\"a\\u0085b\\u009Bc\\u2028d\\u202Ee\\u2066f\\u0007g é 東\"}");
    }

    @Test
    void aBodyThatIsNotJsonIsExplainedWithoutJacksonsOwnNames() {
        assertThat(problem("{\"text\":\"hi\"} {\"x\":1}"))
                .isEqualTo("The body is not valid JSON at line 1, column 15: something follows the JSON object.");
        assertThat(problem("{\"text\":\"hi\"")).isEqualTo("The body is not valid JSON at line 1, column 13: it ends"
                + " before the JSON does.");
        assertThat(problem("{\"text\": hi}")).startsWith("The body is not valid JSON at line 1, column ")
                .contains("Unrecognized token 'hi'").doesNotContain("Source", "`", "\n");
        for (String body : new String[] {"{\"a\":1]", "{\"a\":[1}", "{\"a\":NaN}", "{\"a\":+1}", "/*c*/{}"}) {
            assertThat(problem(body)).as(body).startsWith("The body is not valid JSON at line 1, column ")
                    .doesNotContain("Source", "`", "enable", "Feature", "REDACTED").endsWith(".").doesNotEndWith(":.");
        }
    }

    private static String problem(String body) {
        try {
            ApiJson.MAPPER.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return ApiJson.notJson(e);
        }
        throw new AssertionError("read as JSON: " + body);
    }
}
