package dev.parley.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

/** What the tests of refused config files share: the smallest valid config, and how a refusal must read. */
final class RefusedConfigs {

    /** One provider and nothing else: a file the tests break in one place. */
    static final String ONE_PROVIDER = """
            llm:
              active: a
              providers:
                a: {type: ollama, model: m}
            """;

    private RefusedConfigs() {}

    /** {@code file} is refused with one sentence that starts with its path, never in Java's or Jackson's words. */
    static void assertRefused(Path file, String... messageParts) {
        assertThatThrownBy(() -> new ConfigLoader().load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContainingAll(messageParts)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("NullPointer", "com.fasterxml", "`",
                        "java.", "Exception", "deserialize", "Numeric value", "For input string", "NaN but",
                        "Infinity but", "UTF-8 start byte", "No content"));
    }
}
