package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.bench.ScriptedLlmServer;
import dev.parley.bench.ScriptedLlmServer.Protocol;
import dev.parley.bench.ScriptedLlmServer.Reply;
import dev.parley.testing.CliRun;
import dev.parley.testing.TestConfigs;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A config broken by hand: chat starts with the last good one and says so; a one-shot command fails with the error. */
class LastGoodConfigCommandsTest {

    @TempDir
    Path folder;

    @Test
    void chatStartsWithTheLastGoodConfigAndAskFailsWithTheError() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OPENAI, Reply.of("Hello."))) {
            Path config = TestConfigs.withProvider(folder, "openai-compatible", server.baseUrl());
            assertThat(CliRun.withInput("Hi\n", "chat", "--config", config.toString()).exitCode()).isZero();
            String broken = Files.readString(config) + "tts:\n  rate: fast\n";
            Files.writeString(config, broken);

            CliRun chat = CliRun.withInput("Hi\n", "chat", "--config", config.toString());
            CliRun ask = CliRun.of("ask", "--config", config.toString(), "Hi");

            assertThat(chat.exitCode()).as(chat.err()).isZero();
            assertThat(chat.out()).contains("Hello.");
            assertThat(chat.err()).contains("parley: " + config + " line 11: tts.rate must be a number (found 'fast')",
                    "Parley started with the last settings that worked");
            assertThat(ask.exitCode()).isNotZero();
            assertThat(ask.err()).contains(config + " line 11: tts.rate must be a number (found 'fast')")
                    .doesNotContain("last settings");
            assertThat(config).hasContent(broken);
        }
    }
}
