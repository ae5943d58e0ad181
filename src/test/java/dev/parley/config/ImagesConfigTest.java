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

/** {@code llm.images} and a provider's {@code vision}: read, defaulted and checked. */
class ImagesConfigTest {

    @TempDir
    Path folder;

    private LlmConfig load(String providerKeys, String llmKeys) throws IOException {
        return new ConfigLoader().load(TestConfigs.write(folder, """
                llm:
                  active: local
                  providers:
                    local:
                      type: ollama
                      model: llava
                %s%s""".formatted(providerKeys.indent(6), llmKeys.indent(2)))).llm();
    }

    @Test
    void defaultsAreFourImagesOf1568PixelsAndAutoVision() throws IOException {
        LlmConfig llm = load("", "");

        assertThat(llm.images().maxCount()).isEqualTo(4);
        assertThat(llm.images().maxSide()).isEqualTo(1568);
        assertThat(llm.providers().get("local").vision()).isEqualTo(Vision.AUTO);
    }

    @ParameterizedTest
    @CsvSource({"true, TRUE", "false, FALSE", "auto, AUTO", "'\"true\"', TRUE"})
    void visionIsReadAsBooleanOrAuto(String written, Vision read) throws IOException {
        assertThat(load("vision: " + written, "").providers().get("local").vision()).isEqualTo(read);
    }

    @Test
    void imageLimitsAreRead() throws IOException {
        LlmConfig llm = load("", """
                images:
                  max-count: 2
                  max-side: 1024
                """);

        assertThat(llm.images().maxCount()).isEqualTo(2);
        assertThat(llm.images().maxSide()).isEqualTo(1024);
    }

    @Test
    void aMaxSideOutOfRangeIsAnErrorNamingTheKey() {
        assertThatThrownBy(() -> load("", """
                images:
                  max-side: 10
                """)).isInstanceOf(ConfigException.class).hasMessageContaining("llm.images.max-side");
    }

    @Test
    void screenCaptureAsksByDefaultAndTakesOnlyAskAllowOrDeny() throws IOException {
        assertThat(load("", "").tools().screen()).isEqualTo("ask");
        assertThat(load("", "tools:\n  screen: allow\n").tools().screen()).isEqualTo("allow");
        assertThatThrownBy(() -> load("", "tools:\n  screen: maybe\n")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("llm.tools.screen is 'maybe'; it must be ask, allow or deny");
    }

    @Test
    void anUnknownVisionValueIsAnError() {
        assertThatThrownBy(() -> load("vision: maybe", "")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("vision");
    }
}
