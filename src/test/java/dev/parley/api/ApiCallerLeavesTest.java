package dev.parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.bench.ScriptedLlmServer.Reply;
import dev.parley.bench.ScriptedLlmServer.ToolCall;
import dev.parley.conversation.Turn;
import dev.parley.pipeline.TurnEvent;
import dev.parley.voice.VoiceEvent;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An ask whose caller closes its socket mid-answer stops its turn as {@code /stop} does, whether it is
 * answered as JSON or streamed, in the open conversation or another one: over a real socket, against
 * a real OpenAI client and a scripted server. A plain ask writes nothing before its end, and a streamed
 * one nothing while a tool runs or the model is silent, so no failed write can be what notices it.
 */
class ApiCallerLeavesTest {

    /**
     * "Promptly": well under a second from the socket's close. Measured: the turn stops 0-10 ms after it,
     * and the scripted server, which writes every 20 ms, finds its stream closed after ~40 ms.
     */
    private static final long PROMPT_MILLIS = 1000;
    private static final String OTHER = "garden";
    /** How long the scripted model is silent before it asks for a second tool. */
    private static final long SILENT_MILLIS = 1500;

    @TempDir
    Path folder;

    @ParameterizedTest(name = "{0}, streamed: {1}")
    @CsvSource({"open, false", "open, true", OTHER + ", false", OTHER + ", true"})
    void aCallerThatLeavesMidAnswerClosesTheModelsStreamAndTheTurnKeepsWhatWasShown(String conversation,
            boolean streamed) throws Exception {
        try (ApiHarness api = new ApiHarness(folder, Reply.of("One", " two", " three").delayedBy(20).endless())) {
            CompletableFuture<VoiceEvent> firstWords = api.first(event -> event instanceof VoiceEvent.Reply reply
                    && reply.event() instanceof TurnEvent.Text);
            CompletableFuture<VoiceEvent> interrupted = api.first(event -> event instanceof VoiceEvent.Interrupted);
            Socket caller = ask(api, conversation, streamed);
            ApiHarness.await(firstWords);

            long left = System.nanoTime();
            caller.close();

            assertThat(api.llm.awaitEndlessStreamsStopped(Duration.ofSeconds(5))).as("the model's stream closed")
                    .isTrue();
            assertThat(millisSince(left)).as("the model's stream closed within").isLessThan(PROMPT_MILLIS);
            ApiHarness.await(interrupted);
            assertThat(millisSince(left)).as("the turn ended as stopped within").isLessThan(PROMPT_MILLIS);
            // As a stop keeps it: what was shown, marked interrupted (saved, in another conversation).
            Turn answer = lastTurn(api, conversation);
            assertThat(answer.interrupted()).isTrue();
            assertThat(answer.text()).startsWith("One");
        }
    }

    @ParameterizedTest(name = "{0}, streamed: {1}")
    @CsvSource({"open, false", "open, true", OTHER + ", false", OTHER + ", true"})
    void aCallerThatLeavesWhileTheModelIsSilentRunsNoFurtherTool(String conversation, boolean streamed)
            throws Exception {
        // A tool, then a model that thinks for 1.5 s before it asks for another: nothing is written meanwhile.
        Reply second = new Reply(List.of(), List.of(), SILENT_MILLIS, 0, null,
                List.of(new ToolCall("call_2", "current_time", "{}")));
        AtomicInteger toolsStarted = new AtomicInteger();
        try (ApiHarness api = new ApiHarness(folder, Reply.toolCall("current_time", "{}"), second);
                AutoCloseable counting = api.assistant.subscribe(event -> {
                    if (event instanceof VoiceEvent.Reply reply && reply.event() instanceof TurnEvent.ToolCallStarted) {
                        toolsStarted.incrementAndGet();
                    }
                })) {
            CompletableFuture<VoiceEvent> firstTool = api.first(event -> event instanceof VoiceEvent.Reply reply
                    && reply.event() instanceof TurnEvent.ToolCallFinished);
            CompletableFuture<VoiceEvent> interrupted = api.first(event -> event instanceof VoiceEvent.Interrupted);
            Socket caller = ask(api, conversation, streamed);
            ApiHarness.await(firstTool);
            if (streamed) { // the tool's end read, so no write is left that could fail on the closed socket
                readUntil(caller, "\"phase\":\"finished\"");
            }

            long left = System.nanoTime();
            caller.close();

            ApiHarness.await(interrupted);
            assertThat(millisSince(left)).as("the turn ended as stopped within").isLessThan(PROMPT_MILLIS);
            Thread.sleep(SILENT_MILLIS + 500); // past the moment the second tool call would have come: none may run
            assertThat(toolsStarted).as("tools started").hasValue(1);
            assertThat(api.llm.requests()).as("no request after the round that was cut off").hasSizeLessThanOrEqualTo(2);
            // A turn whose tool ran stays, with its round, though nothing was said.
            Turn answer = lastTurn(api, conversation);
            assertThat(answer.interrupted()).isTrue();
            assertThat(answer.toolRounds()).hasSize(1);
        }
    }

    /** Sends an ask over a socket of its own, which the test closes as a caller that goes away would. */
    private static Socket ask(ApiHarness api, String conversation, boolean streamed) throws Exception {
        String json = conversation.equals(OTHER) ? "{\"text\":\"Count\",\"conversation\":\"" + OTHER + "\"}"
                : "{\"text\":\"Count\"}";
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + ApiServer.PREFIX + "/ask HTTP/1.1\r\nHost: 127.0.0.1:" + api.server.port()
                + "\r\nAuthorization: Bearer " + api.token.value() + "\r\nContent-Type: application/json\r\n"
                + (streamed ? "Accept: text/event-stream\r\n" : "") + "Content-Length: " + body.length + "\r\n\r\n";
        Socket socket = new Socket("127.0.0.1", api.server.port());
        OutputStream out = socket.getOutputStream();
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
        return socket;
    }

    /** Reads the answer until {@code text} has come. */
    private static void readUntil(Socket socket, String text) throws Exception {
        socket.setSoTimeout(20_000);
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!read.toString(StandardCharsets.UTF_8).contains(text)) {
            int n = socket.getInputStream().read(buffer);
            assertThat(n).as("the answer so far: " + read.toString(StandardCharsets.UTF_8)).isPositive();
            read.write(buffer, 0, n);
        }
    }

    /** The conversation's last turn once its ask has ended: another conversation is saved after its turn. */
    private static Turn lastTurn(ApiHarness api, String conversation) throws Exception {
        if (!conversation.equals(OTHER)) {
            return api.assistant.conversation().turns().getLast();
        }
        assertThat(ApiHarness.eventually(() -> api.components.conversationStore().exists(OTHER), 5000)).as("saved").isTrue();
        return api.components.conversationStore().load(OTHER).turns().getLast();
    }

    private static long millisSince(long nanoTime) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanoTime);
    }
}
