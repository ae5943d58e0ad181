package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.http.client.sse.ServerSentEventListenerUtils;
import dev.parley.bench.ScriptedLlmServer;
import dev.parley.bench.ScriptedLlmServer.Protocol;
import dev.parley.bench.ScriptedLlmServer.Reply;
import dev.parley.pipeline.EndingNotices;
import dev.parley.testing.CapturedLog;
import dev.parley.testing.CliRun;
import dev.parley.testing.FakeHttpServer;
import dev.parley.testing.OpenAiStreams;
import dev.parley.testing.FakeHttpServer.Response;
import dev.parley.testing.TemporaryDataDir;
import dev.parley.testing.TestConfigs;
import java.nio.file.Path;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code ask} and {@code chat} make of replies that end properly but hold no answer, an answer a
 * safety filter stopped, and an answer that talks about think tags.
 */
class UnusualRepliesCommandTest {

    /** A tool call whose arguments are a JSON string, not the object LangChain4j's Ollama client expects. */
    private static final String UNREADABLE_TOOL_CALL = """
            {"model":"scripted","message":{"role":"assistant","content":"","tool_calls":[{"function":\
            {"name":"calculate","arguments":"{\\"expression\\":\\"2+2\\"}"}}]},"done":false}
            {"model":"scripted","message":{"role":"assistant","content":""},"done":true,"done_reason":"stop"}
            """;

    @TempDir
    Path folder;

    @RegisterExtension
    final TemporaryDataDir data = new TemporaryDataDir();

    @Test
    void anUnreadableReplyFailsTheTurnWithOneLineAndSavesNothing() throws Exception {
        try (var server = new FakeHttpServer().on("POST", "/api/chat",
                request -> new Response(200, "application/x-ndjson", UNREADABLE_TOOL_CALL));
                CapturedLog library = CapturedLog.of(ServerSentEventListenerUtils.class)) {
            Path config = TestConfigs.withProvider(folder, "ollama", server.url());

            CliRun ask = CliRun.of("ask", "--config", config.toString(), "What is 2+2?");
            CliRun chat = CliRun.withInput("What is 2+2?\n", "chat", "--config", config.toString(),
                    "--conversation", "sums");

            assertThat(ask.exitCode()).isEqualTo(1);
            assertThat(ask.out()).isEmpty();
            assertThat(ask.err().strip()).contains("Provider 'local' (ollama at ")
                    .contains("sent a reply Parley could not read").doesNotContain("\n", "Exception", "WARN");
            assertThat(chat.err()).contains("sent a reply Parley could not read");
            assertThat(library.at(Level.WARN)).isEmpty();
            // Before, the turn "succeeded": sums.json kept the question and an assistant turn with no text.
            assertThat(data.folder().resolve("conversations").resolve("sums.json")).doesNotExist();
        }
    }

    @Test
    void anEmptyReplyIsAFailureNotASilentSuccess() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OLLAMA, Reply.of())) {
            Path config = TestConfigs.withProvider(folder, "ollama", server.baseUrl());

            CliRun ask = CliRun.of("ask", "--config", config.toString(), "Hello?");

            assertThat(ask.exitCode()).isEqualTo(1);
            assertThat(ask.err()).contains("answered nothing");
        }
    }

    @Test
    void anAnswerAContentFilterStoppedIsPrintedWithANotice() throws Exception {
        try (var server = new FakeHttpServer().on("POST", "/v1/chat/completions", request -> new Response(200,
                "text/event-stream", OpenAiStreams.textThenStop("content_filter")))) {
            Path config = TestConfigs.withProvider(folder, "openai-compatible", server.url() + "/v1");

            CliRun ask = CliRun.of("ask", "--config", config.toString(), "How?");

            assertThat(ask.exitCode()).as(ask.err()).isZero();
            assertThat(ask.out()).isEqualTo("Here is how" + System.lineSeparator());
            assertThat(ask.err()).contains("(" + EndingNotices.FILTERED + ")");
        }
    }

    @Test
    void anAnswerThatMentionsAThinkTagIsPrintedWhole() throws Exception {
        String echo = "The tag <think> is used by reasoning models. Bye.";
        try (var server = new ScriptedLlmServer(Protocol.OPENAI, Reply.of("The tag <thi", "nk> is used by reasoning",
                " models. Bye."))) {
            Path config = TestConfigs.withProvider(folder, "openai-compatible", server.baseUrl());

            CliRun ask = CliRun.of("ask", "--config", config.toString(), echo);

            assertThat(ask.exitCode()).as(ask.err()).isZero();
            assertThat(ask.out()).isEqualTo(echo + System.lineSeparator());
        }
    }
}
