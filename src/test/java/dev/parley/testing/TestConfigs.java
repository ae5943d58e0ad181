package dev.parley.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small config.yaml files that point Parley at local scripted servers. */
public final class TestConfigs {

    private TestConfigs() {}

    /** A config whose active provider {@code local} has the given type and base URL. */
    public static Path withProvider(Path folder, String type, String baseUrl) throws IOException {
        return write(folder, """
                llm:
                  active: local
                  system-prompt: Answer briefly.
                  providers:
                    local:
                      type: %s
                      base-url: %s
                      model: scripted
                      timeout-seconds: 10
                """.formatted(type, baseUrl));
    }

    /** A config with one provider, {@code local} (ollama, model m), then {@code moreYaml}: the section under test. */
    public static Path withSection(Path folder, String moreYaml) throws IOException {
        return write(folder, """
                llm:
                  active: local
                  providers:
                    local:
                      type: ollama
                      model: m
                """ + moreYaml);
    }

    /**
     * A config whose speech model folder does not exist ({@code folder/no-model-here}): its load fails
     * with that path in the message. The active provider {@code local} is OpenAI-compatible at
     * {@code serverUrl}/v1, model {@code scripted}.
     */
    public static Path withoutSpeechModel(Path folder, String serverUrl) throws IOException {
        return write(folder, """
                stt:
                  model-path: %s
                llm:
                  active: local
                  providers:
                    local:
                      type: openai-compatible
                      base-url: %s/v1
                      model: scripted
                """.formatted(folder.resolve("no-model-here"), serverUrl));
    }

    public static Path write(Path folder, String yaml) throws IOException {
        Path file = folder.resolve("config.yaml");
        Files.writeString(file, yaml);
        return file;
    }
}
