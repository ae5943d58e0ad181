package dev.parley.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.testing.TestConfigs;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code llm.fallback}, {@code llm.retry} and {@code llm.circuit-breaker}: defaults and checked ranges. */
class ResilienceConfigTest {

    @TempDir
    Path folder;

    private final ConfigLoader loader = new ConfigLoader();

    private ParleyConfig load(String llmExtra) throws IOException {
        return loader.load(TestConfigs.write(folder, """
                llm:
                  active: local
                  providers:
                    local:
                      type: ollama
                      model: scripted
                    other:
                      type: openai-compatible
                      base-url: http://127.0.0.1:9/v1
                      model: scripted
                %s""".formatted(llmExtra.indent(2))));
    }

    @Test
    void absentKeysTakeTheDefaultsTheShippedConfigStates() throws IOException {
        LlmConfig llm = load("").llm();
        LlmConfig shipped = loader.load(Path.of("config.yaml")).llm();

        assertThat(llm.fallback()).isEmpty();
        assertThat(llm.retry()).isEqualTo(new RetryConfig(3, 250, 4000, 30)).isEqualTo(shipped.retry());
        assertThat(llm.circuitBreaker()).isEqualTo(new CircuitBreakerConfig(3, 60)).isEqualTo(shipped.circuitBreaker());
        assertThat(llm.replyLimits()).isEqualTo(new ReplyLimitsConfig(100_000, 300)).isEqualTo(shipped.replyLimits());
    }

    @Test
    void writtenKeysAreRead() throws IOException {
        LlmConfig llm = load("""
                fallback: [other]
                retry: {max-attempts: 5, initial-delay-ms: 10, max-delay-ms: 20, max-retry-after-seconds: 2}
                circuit-breaker: {failures: 1, cooldown-seconds: 9}
                reply-limits: {max-characters: 5000, max-seconds: 30}
                """).llm();

        assertThat(llm.fallback()).containsExactly("other");
        assertThat(llm.retry()).isEqualTo(new RetryConfig(5, 10, 20, 2));
        assertThat(llm.circuitBreaker()).isEqualTo(new CircuitBreakerConfig(1, 9));
        assertThat(llm.replyLimits()).isEqualTo(new ReplyLimitsConfig(5000, 30));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "fallback: [nowhere]                          | llm.fallback names 'nowhere'",
            "retry: {max-attempts: 0}                     | llm.retry.max-attempts is 0; it must be between 1 and 10",
            "retry: {initial-delay-ms: -1}                | llm.retry.initial-delay-ms",
            "retry: {initial-delay-ms: 500, max-delay-ms: 100} | llm.retry.max-delay-ms (100) must not be less than",
            "retry: {max-retry-after-seconds: 9999}       | llm.retry.max-retry-after-seconds",
            "circuit-breaker: {failures: 0}               | llm.circuit-breaker.failures",
            "circuit-breaker: {cooldown-seconds: 0}       | llm.circuit-breaker.cooldown-seconds",
            "reply-limits: {max-characters: -1}           | llm.reply-limits.max-characters is -1; it must be between 1000 and 10000000",
            "reply-limits: {max-seconds: 0}               | llm.reply-limits.max-seconds is 0; it must be between 10 and 3600",
    })
    void outOfRangeValuesAreRejectedNamingTheKey(String yaml, String message) {
        assertThatThrownBy(() -> load(yaml.strip()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("config.yaml")
                .hasMessageContaining(message.strip());
    }
}
