package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.audio.AudioClip;
import dev.parley.audio.WavFiles;
import dev.parley.config.ParleyPaths;
import dev.parley.stt.VoskRecognizer;
import dev.parley.testing.CliRun;
import dev.parley.bench.ScriptedLlmServer;
import dev.parley.bench.ScriptedLlmServer.Protocol;
import dev.parley.bench.ScriptedLlmServer.Reply;
import dev.parley.testing.TestConfigs;
import dev.parley.bench.WordErrorRate;
import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * `parley turn` end to end: real Vosk, the real LangChain4j client over real HTTP to a local server
 * speaking the provider's protocol, the real chunker and MaryTTS. The spoken reply is transcribed
 * back to prove it is the reply, in order, without the reasoning.
 */
@Tag("real") // the real speech model and voice, end to end
class TurnCommandTest {

    static final Path UTTERANCE = Path.of("src/test/resources/audio/weather-16k-s16-mono.wav");

    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(value = Protocol.class, names = {"OPENAI", "OLLAMA"})
    void speaksTheStreamedReplyToTheTranscribedQuestion(Protocol protocol) throws Exception {
        Reply reply = Reply.of("<think>The user", " wants weather.</think>", "It is sunny", " and warm today.",
                " Take a hat with you.").delayedBy(20);
        try (var server = new ScriptedLlmServer(protocol, reply)) {
            Path config = TestConfigs.withProvider(folder,
                    protocol == Protocol.OPENAI ? "openai-compatible" : "ollama", server.baseUrl());
            Path out = folder.resolve("reply.wav");

            CliRun run = CliRun.of("turn", "--config", config.toString(), "--in", UTTERANCE.toString(),
                    "--out", out.toString(), "--json");

            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode result = new ObjectMapper().readTree(run.out());
            assertThat(WordErrorRate.of("what is the weather like today", result.path("transcript").asText()))
                    .isLessThanOrEqualTo(0.2);
            assertThat(result.path("reply").asText()).isEqualTo("It is sunny and warm today. Take a hat with you.");
            assertThat(result.path("reasoning").asText()).isEqualTo("The user wants weather.");
            assertThat(result.path("finish_reason").asText()).isEqualTo("stop");
            assertThat(result.path("chunks").asInt()).isGreaterThanOrEqualTo(2);

            JsonNode ms = result.path("timings_ms");
            assertThat(ms.path("stt").asLong()).isPositive();
            assertThat(ms.path("llm_first_token").asLong()).isGreaterThanOrEqualTo(ms.path("stt").asLong());
            assertThat(ms.path("first_chunk").asLong()).isGreaterThanOrEqualTo(ms.path("llm_first_token").asLong());
            assertThat(ms.path("first_audio").asLong()).isGreaterThan(ms.path("first_chunk").asLong());
            assertThat(ms.path("total").asLong()).isGreaterThanOrEqualTo(ms.path("first_audio").asLong());

            String userTurn = server.requests().getFirst().path("messages").get(1).path("content").asText();
            assertThat(userTurn).isEqualTo(result.path("transcript").asText());

            AudioClip spoken = WavFiles.readMono(out);
            try (var recognizer = VoskRecognizer.load(ParleyPaths.fromEnvironment().bundledSpeechModel())) {
                String heard = recognizer.transcribe(spoken);
                assertThat(WordErrorRate.of("it is sunny and warm today take a hat with you", heard))
                        .as(heard).isLessThan(0.35);
                assertThat(heard).doesNotContain("user wants");
            }
        }
    }

    @Test
    void aReplyCutOffMidStreamEndsTheTurnWithASpokenNotice() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OPENAI,
                Reply.of("It is sunny", " and warm today.", " Take a hat", " with you.").cutAfter(2))) {
            Path config = TestConfigs.withProvider(folder, "openai-compatible", server.baseUrl());
            Path out = folder.resolve("cut.wav");

            CliRun run = CliRun.of("turn", "--config", config.toString(), "--in", UTTERANCE.toString(),
                    "--out", out.toString(), "--json");

            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode result = new ObjectMapper().readTree(run.out());
            assertThat(result.path("reply").asText()).isEqualTo("It is sunny and warm today.");
            assertThat(result.path("cut_off").asText()).isNotBlank();
            assertThat(run.err()).contains("the reply was cut off");
            try (var recognizer = VoskRecognizer.load(ParleyPaths.fromEnvironment().bundledSpeechModel())) {
                String heard = recognizer.transcribe(WavFiles.readMono(out));
                assertThat(heard).contains("sunny").contains("lost the connection");
            }
        }
    }

    @Test
    void aReplyCutShortAtMaxTokensEndsWithASpokenSentenceSayingSo() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OPENAI,
                Reply.of("It is sunny", " and warm today.", " Take a").stoppedAtMaxTokens())) {
            Path config = TestConfigs.withProvider(folder, "openai-compatible", server.baseUrl());
            Path out = folder.resolve("short.wav");

            CliRun run = CliRun.of("turn", "--config", config.toString(), "--in", UTTERANCE.toString(),
                    "--out", out.toString(), "--json");

            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode result = new ObjectMapper().readTree(run.out());
            assertThat(result.path("reply").asText()).isEqualTo("It is sunny and warm today. Take a");
            assertThat(result.path("finish_reason").asText()).isEqualTo("length");
            try (var recognizer = VoskRecognizer.load(ParleyPaths.fromEnvironment().bundledSpeechModel())) {
                String heard = recognizer.transcribe(WavFiles.readMono(out));
                assertThat(heard).contains("sunny").endsWith("that answer was cut short");
            }
        }
    }

    @Test
    void aDashWhenStandardOutputIsATerminalIsRefusedBeforeTheProviderIsAsked() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OLLAMA, Reply.of("Sunny."))) {
            Path config = TestConfigs.withProvider(folder, "ollama", server.baseUrl());

            CliRun.Binary run = CliRun.onTerminal("turn", "--config", config.toString(), "--in", UTTERANCE.toString(),
                    "--out", "-");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).startsWith("parley: Not writing WAV audio to the terminal (--out -)");
            assertThat(server.requests()).isEmpty();
        }
    }

    @Test
    void aDashSendsTheSpokenReplyToStandardOutputAndTheReportToStderr() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OLLAMA, Reply.of("Sunny."))) {
            Path config = TestConfigs.withProvider(folder, "ollama", server.baseUrl());
            Path dash = Path.of("-");

            CliRun.Binary run = CliRun.withBinaryOutput("turn", "--config", config.toString(), "--in",
                    UTTERANCE.toString(), "--out", "-");

            try {
                assertThat(run.exitCode()).as(run.err()).isZero();
                assertThat(dash).as("a file named - in the working folder").doesNotExist();
                AudioClip spoken = WavFiles.readMono(new ByteArrayInputStream(run.out()), "standard output");
                assertThat(spoken.durationSeconds()).isPositive();
                assertThat(run.err()).contains("parley: Sunny.").contains("to standard output");
            } finally {
                Files.deleteIfExists(dash);
            }
        }
    }

    @Test
    void printsTranscriptReplyAndTimingsForPeople() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OLLAMA, Reply.of("Sunny."))) {
            Path config = TestConfigs.withProvider(folder, "ollama", server.baseUrl());

            CliRun run = CliRun.of("turn", "--config", config.toString(), "--in", UTTERANCE.toString(),
                    "--out", folder.resolve("r.wav").toString());

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("you:    what is the weather").contains("parley: Sunny.")
                    .containsPattern("stt \\d+ \\| llm first token \\d+ \\| first chunk \\d+ \\| first audio \\d+ \\| total \\d+");
        }
    }

    @Test
    void unreachableProviderFailsWithOneLineThatSaysWhatToDo() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Path config = TestConfigs.withProvider(folder, "ollama", "http://127.0.0.1:" + closedPort);

        CliRun run = CliRun.of("turn", "--config", config.toString(), "--in", UTTERANCE.toString(),
                "--out", folder.resolve("r.wav").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).contains("not reachable").contains("ollama serve");
        assertThat(folder.resolve("r.wav")).doesNotExist();
    }
}
