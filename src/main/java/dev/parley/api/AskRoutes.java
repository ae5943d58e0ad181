package dev.parley.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.pipeline.TurnEvent;
import dev.parley.voice.VoiceAssistant;
import dev.parley.voice.VoiceEvent;
import dev.parley.voice.VoiceState;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.http.sse.SseEvent;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.sse.SseSink;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code POST /ask}, {@code POST /stop} and push-to-talk ({@code /talk/start}, {@code /talk/stop}). An ask runs through the turn controller like a typed
 * question in the window, so it shows on every event stream too. One ask at a time: a second one
 * while the first runs is 409, because the controller would otherwise cut the first one off.
 */
final class AskRoutes {

    /** Longer than any provider timeout; only a turn that never ends hits it. */
    private static final long TURN_LIMIT_MILLIS = 10 * 60 * 1000;

    private final VoiceAssistant assistant;
    private final boolean listening;
    private final AtomicBoolean asking = new AtomicBoolean();

    /** @param listening whether the assistant has a microphone ({@code parley serve --voice}) */
    AskRoutes(VoiceAssistant assistant, boolean listening) {
        this.assistant = assistant;
        this.listening = listening;
    }

    void register(HttpRules rules) {
        rules.post("/ask", this::ask);
        rules.post("/stop", (request, response) -> {
            assistant.stop();
            response.status(Status.NO_CONTENT_204).send();
        });
        rules.post("/talk/start", (request, response) -> talk(response, assistant::pressToTalk));
        rules.post("/talk/stop", (request, response) -> talk(response, assistant::releaseToTalk));
    }

    /** Push-to-talk; what is heard and answered shows on the event stream ({@code speech.final}, ...). */
    private void talk(ServerResponse response, Runnable action) {
        if (!listening) {
            throw ApiProblem.conflict("Parley has no microphone here; start it with 'parley serve --voice'.");
        }
        action.run();
        response.status(Status.ACCEPTED_202).send();
    }

    private void ask(ServerRequest request, ServerResponse response) throws Exception {
        String text = ApiJson.text(ApiJson.body(request), "text");
        if (!asking.compareAndSet(false, true)) {
            throw ApiProblem.conflict("Parley is answering another question; wait for it, or POST /api/v1/stop.");
        }
        TurnWatch watch = new TurnWatch();
        try (AutoCloseable subscription = assistant.subscribe(watch)) {
            assistant.ask(text);
            boolean streamed = request.headers().first(HeaderNames.ACCEPT).orElse("").contains("text/event-stream");
            if (streamed) {
                stream(watch, response);
            } else {
                answer(watch, response);
            }
        } finally {
            synchronized (asking) {
                asking.set(false);
                asking.notifyAll();
            }
        }
    }

    /**
     * Cuts off a running ask and waits until its answer (a 409: stopped) is sent, so a server that
     * stops does not drop the caller's connection without a word.
     */
    void stopRunning(long waitMillis) throws InterruptedException {
        if (!asking.get()) {
            return;
        }
        assistant.stop();
        long deadline = System.currentTimeMillis() + waitMillis;
        synchronized (asking) {
            for (long left = waitMillis; asking.get() && left > 0; left = deadline - System.currentTimeMillis()) {
                asking.wait(left);
            }
        }
    }

    private void answer(TurnWatch watch, ServerResponse response) throws InterruptedException {
        ObjectNode reply = ApiJson.object();
        for (VoiceEvent event = next(watch); ; event = next(watch)) {
            collect(reply, event);
            if (event instanceof VoiceEvent.Reply r && r.event() instanceof TurnEvent.Failed failed) {
                throw new ApiProblem(502, "The model failed", failed.message());
            }
            if (TurnWatch.ends(event)) {
                if (event instanceof VoiceEvent.StateChanged changed && changed.to() == VoiceState.ERROR) {
                    throw new ApiProblem(502, "The turn failed", changed.detail());
                }
                if (!reply.has("reply")) {
                    throw ApiProblem.conflict("The answer was stopped before it was complete.");
                }
                ApiJson.send(response, 200, reply);
                return;
            }
        }
    }

    /** SSE events text, reasoning, tool, done, error: the answer as it streams. */
    private void stream(TurnWatch watch, ServerResponse response) throws InterruptedException {
        ObjectNode done = ApiJson.object();
        try (SseSink sink = response.sink(SseSink.TYPE)) {
            for (VoiceEvent event = next(watch); ; event = next(watch)) {
                collect(done, event);
                if (event instanceof VoiceEvent.Reply r) {
                    switch (r.event()) {
                        case TurnEvent.Text e -> emit(sink, "text", ApiJson.object().put("delta", e.delta()));
                        case TurnEvent.Reasoning e -> emit(sink, "reasoning", ApiJson.object().put("delta", e.delta()));
                        case TurnEvent.ToolCallStarted e -> emit(sink, "tool", ApiJson.object().put("phase", "started")
                                .put("tool", e.tool()).put("arguments", e.arguments()));
                        case TurnEvent.ToolCallFinished e -> emit(sink, "tool", ApiJson.object().put("phase", "finished")
                                .put("tool", e.tool()).put("result", e.result()));
                        case TurnEvent.Failed e -> emit(sink, "error", problem(502, "The model failed", e.message()));
                        default -> { }
                    }
                }
                if (TurnWatch.ends(event)) {
                    if (done.has("reply")) {
                        emit(sink, "done", done);
                    } else if (!(event instanceof VoiceEvent.StateChanged changed && changed.to() == VoiceState.ERROR
                            && done.has("failed"))) {
                        String detail = event instanceof VoiceEvent.StateChanged changed ? changed.detail() : "Stopped.";
                        emit(sink, "error", problem(409, "The answer did not complete", detail));
                    }
                    return;
                }
            }
        } catch (UncheckedIOException e) {
            assistant.stop(); // the caller left: nobody wants the rest of this answer
        }
    }

    /** Gathers what the JSON answer and the final {@code done} event report. */
    private static void collect(ObjectNode reply, VoiceEvent event) {
        if (event instanceof VoiceEvent.Reply r) {
            switch (r.event()) {
                case TurnEvent.Completed e -> reply.put("turn", e.turn()).put("reply", e.reply())
                        .put("reasoning", e.reasoning()).put("provider", e.provider())
                        .put("inputTokens", e.inputTokens()).put("outputTokens", e.outputTokens());
                case TurnEvent.Failed e -> reply.put("failed", e.message());
                default -> { }
            }
        } else if (event instanceof VoiceEvent.Waterfall w) {
            reply.set("timings", ApiJson.MAPPER.valueToTree(w.timings()));
        }
    }

    private static VoiceEvent next(TurnWatch watch) throws InterruptedException {
        VoiceEvent event = watch.next(TURN_LIMIT_MILLIS);
        if (event == null) {
            throw new ApiProblem(504, "No answer", "The turn did not end within 10 minutes.");
        }
        return event;
    }

    private static ObjectNode problem(int status, String title, String detail) {
        return ApiJson.object().put("type", "about:blank").put("title", title).put("status", status)
                .put("detail", detail);
    }

    private static void emit(SseSink sink, String name, ObjectNode data) {
        sink.emit(SseEvent.builder().name(name).data(ApiJson.write(data)).build());
    }
}
