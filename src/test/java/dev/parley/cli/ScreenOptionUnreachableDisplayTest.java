package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.bench.ScriptedLlmServer;
import dev.parley.bench.ScriptedLlmServer.Protocol;
import dev.parley.bench.ScriptedLlmServer.Reply;
import dev.parley.testing.TestConfigs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code parley ask --screen} with a DISPLAY naming an X server that is not there (a stale one in an SSH
 * session): AWT throws an Error there, which ended the command in a stack trace. A child JVM, since AWT
 * decides once per process whether it has a display.
 */
@Tag("slow")
@EnabledOnOs(OS.LINUX)
class ScreenOptionUnreachableDisplayTest {

    @TempDir
    Path folder;

    @Test
    void anUnreachableDisplayIsOneLineSayingSo() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OPENAI, Reply.of("Never."))) {
            Path config = TestConfigs.write(folder, """
                    llm:
                      active: local
                      providers:
                        local:
                          type: openai-compatible
                          base-url: %s
                          model: scripted
                          vision: true
                    """.formatted(server.baseUrl()));
            ProcessBuilder builder = new ProcessBuilder(List.of(ProcessHandle.current().info().command().orElse("java"),
                    "-Dparley.data.dir=" + folder.resolve("data"), "-Dparley.log.dir=" + folder.resolve("logs"),
                    "-cp", System.getProperty("java.class.path"), "dev.parley.Main", "ask", "--config",
                    config.toString(), "--screen", "What's this?"))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(folder.resolve("stderr.txt").toFile());
            builder.environment().put("DISPLAY", ":64999"); // no X server has this number
            Process ask = builder.start();

            boolean ended = ask.waitFor(60, TimeUnit.SECONDS);
            ask.destroyForcibly();
            String err = Files.readString(folder.resolve("stderr.txt"));

            assertThat(ended).as(err).isTrue();
            assertThat(ask.exitValue()).as(err).isEqualTo(1);
            assertThat(err).startsWith("parley: Could not reach the display to capture the screen (")
                    .contains(":64999").doesNotContain("Exception", "\tat ");
            assertThat(server.requests()).isEmpty();
        }
    }
}
