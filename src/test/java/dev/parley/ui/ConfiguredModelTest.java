package dev.parley.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.Components;
import dev.parley.bench.ScriptedLlmServer;
import dev.parley.bench.ScriptedLlmServer.Protocol;
import dev.parley.bench.ScriptedLlmServer.Reply;
import dev.parley.testing.TestConfigs;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The window's first model stands for the configured provider in every question, seeing included. */
class ConfiguredModelTest {

    @TempDir
    Path folder;

    @Test
    void buildingItAheadAlsoAsksAnOllamaWhetherItsModelSees() throws Exception {
        try (var ollama = new ScriptedLlmServer(Protocol.OLLAMA, Reply.of("Hi.")).capabilities("completion", "vision");
                Components components = Components.load(TestConfigs.write(folder, """
                        llm:
                          active: local
                          providers:
                            local:
                              type: ollama
                              base-url: %s
                              model: scripted
                        """.formatted(ollama.baseUrl())))) {
            ConfiguredModel model = new ConfiguredModel(components, "local");

            model.build(); // the warm-up after Ready
            ollama.capabilities("completion"); // a server asked again would now say it cannot see

            assertThat(model.canSee()).as("answered by the build, not asked again in the first turn").isTrue();
        }
    }

    @ParameterizedTest(name = "vision: {0} → can see: {1}")
    @CsvSource({"true, true", "false, false"})
    void itSeesWhenTheConfiguredProviderSees(String vision, boolean seeing) throws Exception {
        try (Components components = Components.load(TestConfigs.write(folder, """
                llm:
                  active: main
                  providers:
                    main:
                      type: openai-compatible
                      base-url: http://127.0.0.1:9/v1
                      model: some-model
                      vision: %s
                """.formatted(vision)))) {
            // The window's turns check images against it before the first reply has built anything.
            assertThat(new ConfiguredModel(components, "main").canSee()).isEqualTo(seeing);
        }
    }
}
