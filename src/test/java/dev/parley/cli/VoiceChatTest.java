package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.audio.Speaker;
import dev.parley.audio.WavFiles;
import dev.parley.bench.ScriptedLlmServer;
import dev.parley.bench.ScriptedLlmServer.Protocol;
import dev.parley.bench.ScriptedLlmServer.Reply;
import dev.parley.testing.Loopback;
import dev.parley.testing.TestConfigs;
import dev.parley.testing.WordErrorRate;
import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `parley chat --voice` over the real sound server: the question is played into the sink while the
 * talk key is down, the microphone hears it through the sink's monitor, Vosk recognizes it, the
 * scripted model answers and the answer is spoken back into the sink.
 */
@Tag("audio")
class VoiceChatTest {

    @TempDir
    Path folder;

    /** `parley chat` running in this JVM: its keyboard, its two outputs and, in the end, its exit code. */
    private record RunningChat(PipedOutputStream keys, ByteArrayOutputStream out, ByteArrayOutputStream err,
            CompletableFuture<Integer> exitCode) {

        static RunningChat start(String... args) throws java.io.IOException {
            PipedOutputStream keys = new PipedOutputStream();
            PipedInputStream stdin = new PipedInputStream(keys);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            CompletableFuture<Integer> chat = new CompletableFuture<>();
            // Its own thread, as `parley` has: on two cores the common pool has one worker, which the
            // model client's asynchronous steps need.
            Thread.ofPlatform().start(() -> chat.complete(Cli.run(args, stdin,
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))));
            return new RunningChat(keys, out, err, chat);
        }

        /** Polls {@code stream} until it shows {@code text} or {@code deadline} (nanoTime) passes. */
        static void awaitText(ByteArrayOutputStream stream, String text, long deadline) throws InterruptedException {
            while (!stream.toString(StandardCharsets.UTF_8).contains(text) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }

        /** What the chat printed as the user's words ("you: ..."). */
        String transcript() {
            return out.toString(StandardCharsets.UTF_8).lines().filter(line -> line.startsWith("you: ")).findFirst()
                    .orElseThrow().substring("you: ".length());
        }

        String everything() {
            return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        }
    }

    @BeforeEach
    void needsDevices() {
        Loopback.requireDevices();
    }

    @Test
    void aSpokenQuestionIsHeardTranscribedAndAnsweredAloud() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OPENAI, Reply.of("It is sunny.", " Take a hat."));
                Loopback sink = Loopback.keepAlive()) {
            Path config = TestConfigs.withProvider(folder, "openai-compatible", server.baseUrl());
            RunningChat chat = RunningChat.start("chat", "--voice", "--timings", "--config", config.toString());
            PipedOutputStream keys = chat.keys();

            keys.write('\n'); // read once the speech model, the voice and the microphone are loaded
            keys.flush();
            RunningChat.awaitText(chat.err(), "(listening", System.nanoTime() + TimeUnit.SECONDS.toNanos(60));
            // A capture line just opened delivers nothing for up to 2 s (PulseAudio); in the app the
            // microphone opens at start, long before the first press.
            Thread.sleep(2500);
            new Speaker(null).play(WavFiles.readMono(Path.of("src/test/resources/audio/weather-16k-s16-mono.wav")));
            Thread.sleep(300);
            keys.write('\n');
            keys.close();

            assertThat(chat.exitCode().get(60, TimeUnit.SECONDS)).as(chat.everything()).isZero();
            assertThat(chat.out().toString(StandardCharsets.UTF_8)).contains("parley: It is sunny. Take a hat.");
            String transcript = chat.transcript();
            assertThat(WordErrorRate.of("what is the weather like today", transcript)).as(transcript).isLessThanOrEqualTo(0.2);
            assertThat(server.requests().getFirst().path("messages").get(1).path("content").asText()).isEqualTo(transcript);
            assertThat(chat.err().toString(StandardCharsets.UTF_8)).containsPattern("stt \\d+ \\| llm first token \\d+");
        }
    }

    @Test
    void handsFreeHearsAQuestionWithoutAKeyAndAnswersAloud() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OPENAI, Reply.of("It is sunny.", " Take a hat."));
                Loopback sink = Loopback.keepAlive()) {
            Path config = TestConfigs.withProvider(folder, "openai-compatible", server.baseUrl());
            RunningChat chat = RunningChat.start("chat", "--voice", "--hands-free", "--config", config.toString());

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            RunningChat.awaitText(chat.err(), "(listening: speak; a pause ends it)", deadline);
            Thread.sleep(2500); // a capture line just opened delivers nothing for up to 2 s (PulseAudio)
            new Speaker(null).play(WavFiles.readMono(Path.of("src/test/resources/audio/weather-16k-s16-mono.wav")));
            RunningChat.awaitText(chat.out(), "parley: It is sunny. Take a hat.", deadline);
            chat.keys().close(); // no key was pressed at all

            assertThat(chat.exitCode().get(60, TimeUnit.SECONDS)).as(chat.everything()).isZero();
            assertThat(chat.out().toString(StandardCharsets.UTF_8)).contains("parley: It is sunny. Take a hat.");
            String transcript = chat.transcript();
            assertThat(WordErrorRate.of("what is the weather like today", transcript)).as(transcript).isLessThanOrEqualTo(0.2);
            // echo-cancellation is auto and the config is not hands-free, so there is no echo
            // cancellation and it does not listen while it speaks: its own answer was never heard.
            assertThat(server.requests()).hasSize(1);
        }
    }
}
