package dev.parley;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.audio.echo.LiveEchoCancellation;
import dev.parley.config.ConfigLoader;
import dev.parley.testing.TestConfigs;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One canceller for the speaker and the microphone, made from the config; with {@code auto} it follows
 * hands-free as Settings saves it.
 */
@Tag("real") // loads the WebRTC native library
class EchoCancellationWiringTest {

    private static final String LLM = "llm: {active: a, providers: {a: {type: ollama, model: m}}}\n";

    @TempDir
    Path folder;

    @Test
    void autoCancelsOnlyWhenHandsFreeAndFollowsASavedChange() throws Exception {
        try (Components components = Components.load(TestConfigs.write(folder, LLM + "audio: {hands-free: false}"))) {
            LiveEchoCancellation echo = components.echoCancellation();
            assertThat(echo.cancelsEcho()).isFalse();
            assertThat(echo.captured(new float[37])).as("push-to-talk audio untouched").hasSize(37);

            Path saved = TestConfigs.write(folder, LLM + "audio: {hands-free: true}");
            components.useConfig(new ConfigLoader().load(saved));
            echo.captured(new float[160]); // the capture thread takes the new canceller up at its next block

            assertThat(components.echoCancellation()).isSameAs(echo);
            assertThat(echo.cancelsEcho()).isTrue();
            assertThat(echo.description()).isEqualTo("WebRTC echo cancellation + high-pass filter");
        }
    }

    @Test
    void offNeverCancelsEvenHandsFree() throws Exception {
        try (Components components = Components.load(
                TestConfigs.write(folder, LLM + "audio: {hands-free: true, echo-cancellation: off}"))) {
            assertThat(components.echoCancellation().cancelsEcho()).isFalse();
            assertThat(components.echoCancellation().description()).isEqualTo("off");
        }
    }
}
