package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.config.ConfigLoader;
import dev.parley.config.ParleyConfig;
import dev.parley.firstrun.FakeHttp;
import dev.parley.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SetupCommandTest {

    private static final String TAGS = "{\"models\":[{\"name\":\"qwen2.5:0.5b\"}]}";
    private static final String HUB = "{\"siblings\":[{\"rfilename\":\"model.safetensors\",\"size\":750000000}]}";

    @TempDir
    Path folder;

    private Path config(FakeHttp hub) throws Exception {
        Path file = folder.resolve("config.yaml");
        Files.writeString(file, """
                llm:
                  # which provider answers
                  active: openai
                  providers:
                    ollama:
                      type: ollama
                      model: llama3.2
                    embedded:
                      type: embedded
                      base-url: "%s"
                      model: tjake/Llama-3.2-1B-Instruct-JQ4
                    openai:
                      type: openai
                      model: gpt-4o-mini
                      api-key-env: PARLEY_TEST_UNSET_KEY
                """.formatted(hub.url()));
        return file;
    }

    @Test
    void asksUntilANumberFitsAndWritesTheChosenOllamaModel() throws Exception {
        try (FakeHttp ollama = new FakeHttp("/api/tags", 200, TAGS); FakeHttp hub = new FakeHttp("/api/models/", 200, HUB)) {
            Path config = config(hub);

            CliRun run = CliRun.withInput("9\n1\n", "setup", "--no-audio", "--ollama-url", ollama.url().toString(),
                    "--config", config.toString());

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out())
                    .contains("Ollama runs at " + ollama.url() + " with qwen2.5:0.5b")
                    .contains("1) Ollama on this computer, model qwen2.5:0.5b")
                    .contains("2) Built-in model tjake/Llama-3.2-1B-Instruct-JQ4 (private, runs on the CPU, 750 MB download on first use)")
                    .contains("3) openai (gpt-4o-mini, cloud; key in $PARLEY_TEST_UNSET_KEY, not set yet)")
                    .contains("Please type a number from 1 to 3.")
                    .contains("llm.active is now ollama");
            ParleyConfig written = new ConfigLoader().load(config);
            assertThat(written.llm().active()).isEqualTo("ollama");
            assertThat(written.llm().providers().get("ollama").model()).isEqualTo("qwen2.5:0.5b");
            assertThat(Files.readString(config)).contains("# which provider answers");
        }
    }

    @Test
    void aCloudChoiceWithoutItsKeySaysWhichVariableToSet() throws Exception {
        try (FakeHttp hub = new FakeHttp("/api/models/", 200, HUB)) {
            Path config = config(hub);

            CliRun run = CliRun.of("setup", "--no-audio", "--choice", "2", "--ollama-url", "http://127.0.0.1:9",
                    "--config", config.toString());

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("no Ollama at http://127.0.0.1:9")
                    .contains("export PARLEY_TEST_UNSET_KEY=...");
            assertThat(new ConfigLoader().load(config).llm().active()).isEqualTo("openai");
        }
    }

    @Test
    void aChoiceOutOfRangeIsAUsageError() throws Exception {
        try (FakeHttp hub = new FakeHttp("/api/models/", 200, HUB)) {
            CliRun run = CliRun.of("setup", "--no-audio", "--choice", "7", "--ollama-url", "http://127.0.0.1:9",
                    "--config", config(hub).toString());

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("--choice must be between 1 and 2");
        }
    }

    @Test
    void theMicrophoneBarFillsWithTheLevel() {
        assertThat(SetupCommand.bar(-100, 10)).isEqualTo("[..........] -100 dB");
        assertThat(SetupCommand.bar(-30, 10)).isEqualTo("[#####.....] -30 dB");
    }
}
