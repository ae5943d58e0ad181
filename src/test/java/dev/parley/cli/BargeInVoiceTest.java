package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.audio.Speaker;
import dev.parley.audio.WavFiles;
import dev.parley.bench.ScriptedLlmServer;
import dev.parley.bench.ScriptedLlmServer.Protocol;
import dev.parley.bench.ScriptedLlmServer.Reply;
import dev.parley.testing.Loopback;
import dev.parley.testing.TestConfigs;
import dev.parley.bench.WordErrorRate;
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
import org.junit.jupiter.api.io.TempDir;
import org.junitpioneer.jupiter.RetryingTest;

/**
 * Issue 14, item 6, on the null sink, where everything Parley plays reaches its microphone at full
 * level: `parley chat --voice --hands-free` with echo cancellation on, the real Vosk model, MaryTTS
 * voice and OpenAI client against a scripted server. A five-sentence answer with nobody talking
 * plays to its end without Parley interrupting or answering itself; a second voice (espeak-ng)
 * played into the sink midway stops it, and what it said is the next question and is answered: the
 * words spoken while Parley still played included (Parley lowers its voice as soon as it hears one,
 * {@code audio.Ducking}; the second voice is 7 dB quieter than Parley's on the sink).
 */
@Tag("audio")
// Real device and sound server timing on a shared machine: one retry, so a run disturbed by the
// machine (the sound server's position jumping under load) does not fail the build, while a Parley
// that does not do this fails both. Measured pass rates: docs/performance.md, "Talking over Parley".
class BargeInVoiceTest {

    private static final String[] FIVE_SENTENCES = {"It is sunny and warm in the city today.",
        " The high will be twenty four degrees this afternoon.", " A light breeze comes from the west.",
        " Rain is not expected before the weekend.", " Enjoy the fine weather while it lasts."};
    private static final String ANSWER = String.join("", FIVE_SENTENCES);

    @TempDir
    Path folder;

    @BeforeEach
    void needsDevices() {
        Loopback.requireDevices();
    }

    private Path config(String baseUrl) throws java.io.IOException {
        return TestConfigs.write(folder, """
                llm:
                  active: local
                  system-prompt: Answer briefly.
                  providers:
                    local:
                      type: openai-compatible
                      base-url: %s
                      model: scripted
                      timeout-seconds: 10
                audio:
                  hands-free: true
                  echo-cancellation: "on"
                  talk-over: true
                """.formatted(baseUrl));
    }

    @RetryingTest(2)
    void aLongAnswerWithNobodyTalkingPlaysToItsEndWithoutParleyHearingItself() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OPENAI, Reply.of(FIVE_SENTENCES), Reply.of("Second."));
                Loopback sink = Loopback.keepAlive()) {
            Chat chat = Chat.start("chat", "--voice", "--hands-free", "--config", config(server.baseUrl()).toString());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            chat.awaitErr("(listening: speak; a pause ends it)", 1, deadline);
            Thread.sleep(2500); // a capture line just opened delivers nothing for up to 2 s (PulseAudio)
            new Speaker(null).play(WavFiles.readMono(Path.of("src/test/resources/audio/weather-16k-s16-mono.wav")));

            chat.awaitErr("(listening: speak; a pause ends it)", 2, deadline); // the answer ended: listening again
            long played = System.nanoTime();
            Thread.sleep(4000); // time to (wrongly) hear its own last words as a question
            chat.keys.close();

            assertThat(chat.exitCode.get(60, TimeUnit.SECONDS)).as(chat.everything()).isZero();
            String out = chat.out.toString(StandardCharsets.UTF_8);
            assertThat(out).as(chat.everything()).contains("parley: " + ANSWER).doesNotContain("[interrupted]");
            assertThat(out.lines().filter(line -> line.startsWith("you: "))).as(out).hasSize(1);
            assertThat(server.requests()).hasSize(1);
            System.out.printf("five-sentence answer played to its end; %d s of listening after it heard nothing%n",
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - played));
        }
    }

    @RetryingTest(2)
    void aSecondVoiceMidwayStopsTheAnswerAndIsAnswered() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OPENAI, Reply.of(FIVE_SENTENCES),
                Reply.of("The kitchen lights are on."));
                Loopback sink = Loopback.keepAlive()) {
            Chat chat = Chat.start("chat", "--voice", "--hands-free", "--config", config(server.baseUrl()).toString());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            chat.awaitErr("(listening: speak; a pause ends it)", 1, deadline);
            Thread.sleep(2500);
            new Speaker(null).play(WavFiles.readMono(Path.of("src/test/resources/audio/weather-16k-s16-mono.wav")));
            chat.awaitOut("parley: It is sunny", deadline);
            Thread.sleep(3500); // the answer is playing by now (first sentence synthesized in ~1 s)

            long talking = System.nanoTime();
            new Speaker(null).play(WavFiles.readMono(Path.of("src/test/resources/audio/lights-16k-s16-mono.wav")));
            chat.awaitOut("[interrupted]", deadline);
            long stopped = System.nanoTime();
            chat.awaitOut("parley: The kitchen lights are on.", deadline);
            chat.keys.close();

            assertThat(chat.exitCode.get(60, TimeUnit.SECONDS)).as(chat.everything()).isZero();
            String out = chat.out.toString(StandardCharsets.UTF_8);
            assertThat(out).as(chat.everything()).contains("[interrupted]");
            var questions = out.lines().filter(line -> line.startsWith("you: ")).map(line -> line.substring(5)).toList();
            assertThat(questions).as(out).hasSize(2);
            assertThat(WordErrorRate.of("please turn on the kitchen lights", questions.get(1))).as(questions.get(1))
                    .isLessThanOrEqualTo(0.34);
            assertThat(server.requests()).hasSize(2);
            var messages = server.requests().get(1).path("messages");
            String heard = messages.get(2).path("content").asText();
            assertThat(ANSWER).as("what the history keeps is what was heard").startsWith(heard.substring(0,
                    Math.max(0, heard.length() - 12)));
            assertThat(heard.length()).isLessThan(ANSWER.length());
            assertThat(messages.get(3).path("content").asText()).isEqualTo(questions.get(1));
            System.out.printf("second voice started -> [interrupted] printed: %d ms; heard kept: \"%s\"%n",
                    TimeUnit.NANOSECONDS.toMillis(stopped - talking), heard);
        }
    }

    /** `parley chat` running in this JVM: its keyboard, its two outputs and its exit code. */
    private record Chat(PipedOutputStream keys, ByteArrayOutputStream out, ByteArrayOutputStream err,
            CompletableFuture<Integer> exitCode) {

        static Chat start(String... args) throws java.io.IOException {
            PipedOutputStream keys = new PipedOutputStream();
            PipedInputStream stdin = new PipedInputStream(keys);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            CompletableFuture<Integer> chat = new CompletableFuture<>();
            Thread.ofPlatform().start(() -> chat.complete(Cli.run(args, stdin,
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))));
            return new Chat(keys, out, err, chat);
        }

        void awaitErr(String text, int times, long deadline) throws InterruptedException {
            while (count(err.toString(StandardCharsets.UTF_8), text) < times && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(count(err.toString(StandardCharsets.UTF_8), text)).as(everything()).isGreaterThanOrEqualTo(times);
        }

        void awaitOut(String text, long deadline) throws InterruptedException {
            while (!out.toString(StandardCharsets.UTF_8).contains(text) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(out.toString(StandardCharsets.UTF_8)).as(everything()).contains(text);
        }

        private static int count(String in, String text) {
            return in.split(java.util.regex.Pattern.quote(text), -1).length - 1;
        }

        String everything() {
            return out.toString(StandardCharsets.UTF_8) + "\n--- err:\n" + err.toString(StandardCharsets.UTF_8);
        }
    }
}
