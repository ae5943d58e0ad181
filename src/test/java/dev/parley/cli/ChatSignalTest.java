package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.Main;
import dev.parley.bench.ScriptedLlmServer;
import dev.parley.bench.ScriptedLlmServer.Protocol;
import dev.parley.bench.ScriptedLlmServer.Reply;
import dev.parley.testing.Loopback;
import dev.parley.testing.TestConfigs;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Ctrl+C (SIGINT) or SIGTERM while a saved chat is answering: the process ends at once, as a terminal
 * user expects, and the question with what was shown of its answer stays in the saved conversation,
 * marked interrupted, as serve and the window keep it. They used to be lost.
 */
@Tag("slow") // a child JVM
@Timeout(90)
class ChatSignalTest {

    @TempDir
    Path folder;

    @ParameterizedTest
    @CsvSource({"INT, 130", "TERM, 143"})
    void aSignalMidAnswerSavesTheQuestionAndWhatWasShownMarkedInterrupted(String signal, int exitCode)
            throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OLLAMA, Reply.of("Still going. ").delayedBy(40).endless())) {
            Path config = TestConfigs.withProvider(folder, "ollama", server.baseUrl());
            Path data = folder.resolve("data");
            Process chat = chat(config, data);
            try {
                OutputStream stdin = chat.getOutputStream();
                stdin.write("What is going on?\n".getBytes(StandardCharsets.UTF_8));
                stdin.flush(); // kept open: the chat waits for more
                awaitOutput(chat.getInputStream(), "Still going. Still going.");

                Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(chat.pid())).start();
                assertThat(kill.waitFor()).isZero();

                assertThat(chat.waitFor(15, TimeUnit.SECONDS)).as("ended soon after the signal").isTrue();
                assertThat(chat.exitValue()).isEqualTo(exitCode);
                String saved = Files.readString(data.resolve("conversations/kitchen.json"));
                assertThat(saved).contains("What is going on?", "Still going.", "\"interrupted\" : true");
            } finally {
                chat.destroyForcibly();
            }
        }
    }

    @Test
    @Tag("audio") // the voice chat speaks into the null sink
    void aSignalWhileTheVoiceChatSpeaksSavesWhatWasHeardMarkedInterrupted() throws Exception {
        Loopback.requireDevices();
        try (var server = new ScriptedLlmServer(Protocol.OLLAMA, Reply.of("Still going. ").delayedBy(40).endless());
                Loopback sink = Loopback.keepAlive()) {
            Path config = TestConfigs.withProvider(folder, "ollama", server.baseUrl());
            Path data = folder.resolve("data");
            Process chat = chat(config, data, "--voice");
            try {
                OutputStream stdin = chat.getOutputStream();
                stdin.write("What is going on?\n".getBytes(StandardCharsets.UTF_8)); // typed: answered aloud
                stdin.flush();
                awaitOutput(chat.getInputStream(), "Still going. Still going.");
                Thread.sleep(3000); // some of the answer spoken, so some was heard

                Process kill = new ProcessBuilder("kill", "-INT", Long.toString(chat.pid())).start();
                assertThat(kill.waitFor()).isZero();

                assertThat(chat.waitFor(15, TimeUnit.SECONDS)).as("ended soon after the signal").isTrue();
                assertThat(chat.exitValue()).isEqualTo(130);
                String saved = Files.readString(data.resolve("conversations/kitchen.json"));
                assertThat(saved).contains("What is going on?", "Still going.", "\"interrupted\" : true");
            } finally {
                chat.destroyForcibly();
            }
        }
    }

    /** {@code parley chat --conversation kitchen} in a JVM of its own, with {@code more} options. */
    private Process chat(Path config, Path data, String... more) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED", "-Dparley.config.dir=" + folder.resolve("config"),
                "-Dparley.data.dir=" + data, "-Dparley.log.dir=" + folder.resolve("logs"),
                "-Dparley.home=" + System.getProperty("parley.home", "."),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "chat", "--config", config.toString(), "--conversation", "kitchen"));
        command.addAll(List.of(more));
        return new ProcessBuilder(command).redirectError(folder.resolve("stderr.txt").toFile()).start();
    }

    /** Reads the chat's output until {@code text} was printed. */
    private static void awaitOutput(InputStream out, String text) throws Exception {
        StringBuilder printed = new StringBuilder();
        byte[] buffer = new byte[256];
        for (int n; !printed.toString().contains(text) && (n = out.read(buffer)) >= 0; ) {
            printed.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
        }
        assertThat(printed.toString()).contains(text);
    }

}
