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

    public static Path write(Path folder, String yaml) throws IOException {
        Path file = folder.resolve("config.yaml");
        Files.writeString(file, yaml);
        return file;
    }
}
