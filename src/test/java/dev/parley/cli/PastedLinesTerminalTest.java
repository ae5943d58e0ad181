package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.Main;
import dev.parley.bench.ScriptedLlmServer;
import dev.parley.bench.ScriptedLlmServer.Protocol;
import dev.parley.bench.ScriptedLlmServer.Reply;
import dev.parley.testing.TestConfigs;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code parley chat} on a real terminal (a pseudo-terminal made by util-linux's {@code script}): text
 * pasted with line breaks is one question, asked when Enter is pressed after it. Each line used to be
 * a turn of its own, one paid request per line.
 */
@Tag("slow") // a child JVM
@Timeout(90)
class PastedLinesTerminalTest {

    @TempDir
    Path folder;

    @Test
    void linesPastedIntoATerminalAreOneQuestionAskedByTheEnterAfterThem() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux script makes the terminal");
        try (var server = new ScriptedLlmServer(Protocol.OLLAMA, Reply.of("Got all three."), Reply.of("More?"))) {
            Path config = TestConfigs.withProvider(folder, "ollama", server.baseUrl());
            Process chat = chatOnATerminal(config);
            try {
                OutputStream keys = chat.getOutputStream();
                InputStream screen = chat.getInputStream();
                awaitOutput(screen, "/quit leaves.");

                type(keys, "Summarize these:\nthe first point,\nthe second point.\n"); // one paste
                Thread.sleep(1000); // the chat takes the paste in before Enter comes, as a person's Enter does
                type(keys, "\n");
                awaitOutput(screen, "Got all three.");
                type(keys, "/quit\n");

                assertThat(chat.waitFor(30, TimeUnit.SECONDS)).as("the chat ended at /quit").isTrue();
                assertThat(server.requests()).hasSize(1);
                assertThat(lastUserMessage(server.requests().getFirst()))
                        .isEqualTo("Summarize these:\nthe first point,\nthe second point.");
            } finally {
                chat.destroyForcibly();
            }
        }
    }

    private static String lastUserMessage(JsonNode request) {
        String last = null;
        for (JsonNode message : request.path("messages")) {
            last = message.path("role").asText().equals("user") ? message.path("content").asText() : last;
        }
        return last;
    }

    /** {@code parley chat} in a JVM of its own, its input and output a terminal. */
    private Process chatOnATerminal(Path config) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        String command = Stream.of(java, "--enable-native-access=ALL-UNNAMED",
                        "-Dparley.config.dir=" + folder.resolve("config"), "-Dparley.data.dir=" + folder.resolve("data"),
                        "-Dparley.log.dir=" + folder.resolve("logs"),
                        "-Dparley.home=" + System.getProperty("parley.home", "."),
                        "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                        "chat", "--config", config.toString())
                .map(PastedLinesTerminalTest::quoted).collect(Collectors.joining(" "));
        Path script = Files.writeString(folder.resolve("chat.sh"), "exec " + command + "\n");
        return new ProcessBuilder("script", "-qefc", "sh " + quoted(script.toString()), "/dev/null")
                .redirectError(folder.resolve("stderr.txt").toFile()).start();
    }

    private static String quoted(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    private static void type(OutputStream keys, String text) throws Exception {
        keys.write(text.getBytes(StandardCharsets.UTF_8));
        keys.flush();
    }

    /** Reads the terminal until {@code text} was shown. */
    private static void awaitOutput(InputStream screen, String text) throws Exception {
        StringBuilder shown = new StringBuilder();
        byte[] buffer = new byte[256];
        for (int n; !shown.toString().contains(text) && (n = screen.read(buffer)) >= 0; ) {
            shown.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
        }
        assertThat(shown.toString()).contains(text);
    }
}
