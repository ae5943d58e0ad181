package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.bench.ScriptedLlmServer;
import dev.parley.bench.ScriptedLlmServer.Protocol;
import dev.parley.bench.ScriptedLlmServer.Reply;
import dev.parley.testing.TestConfigs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code parley chat <&-}: with standard input closed, the JVM's own files take descriptor 0 before
 * Parley runs; the chat must see no input, not the runtime's class data as thousands of turns.
 */
@Tag("slow") // a child JVM started by a shell, which alone can close its input
class ClosedStandardInputProcessTest {

    @TempDir
    Path folder;

    @Test
    void aChatStartedWithInputClosedEndsAtOnceWithoutAskingTheModel() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OPENAI, Reply.of("An answer."))) {
            Path config = TestConfigs.withProvider(folder, "openai-compatible", server.baseUrl());
            Process chat = new ProcessBuilder("sh", "-c", "exec \"$0\" -Dparley.data.dir=\"$1\""
                    + " -Dparley.log.dir=\"$1/logs\" -cp \"$2\" dev.parley.Main chat --config \"$3\" <&-",
                    ProcessHandle.current().info().command().orElse("java"), folder.resolve("data").toString(),
                    System.getProperty("java.class.path"), config.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(folder.resolve("stderr.txt").toFile())
                    .start();

            boolean ended = chat.waitFor(60, TimeUnit.SECONDS);
            chat.destroyForcibly();
            String err = Files.readString(folder.resolve("stderr.txt"));

            assertThat(ended).as("chat still running after 60 s; stderr: %s", err).isTrue();
            assertThat(chat.exitValue()).as(err).isZero();
            assertThat(server.requests()).isEmpty();
        }
    }
}
