package dev.parley.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.image.TurnImage;
import dev.parley.pipeline.TurnEvent;
import dev.parley.pipeline.TurnRunner;
import dev.parley.voice.TurnEndWords;
import dev.parley.voice.VoiceAssistant;
import dev.parley.voice.VoiceEvent;
import dev.parley.voice.VoiceState;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.sse.SseSink;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What runs through the turn controller: {@code POST /ask}, {@code /speak}, {@code /stop} and
 * push-to-talk ({@code /talk/start}, {@code /talk/stop}). An ask runs like a typed question in the
 * window, so it shows on every event stream too. One at a time: a second ask or speak while the
 * first runs is 409, because the controller would otherwise cut the first one off ({@link TurnPlace}).
 * An ask or speak whose caller leaves is stopped as {@code /stop} stops it ({@link CallerWatch}). An ask in
 * another saved conversation goes to {@link ConversationAsks} instead.
 */
final class AskRoutes {

    /** Longer than any provider timeout; only a turn that never ends hits it. */
    private static final long TURN_LIMIT_MILLIS = 10 * 60 * 1000;
    /** How long an ask waits for the place of a turn that is just ending before it is refused (409). */
    private static final long JUST_ENDING_MILLIS = 250;
    /** How much of a stopped answer its 409 repeats: the caller has the rest on the event stream. */
    private static final int STOPPED_AFTER_LIMIT = 4_000;

    private final VoiceAssistant assistant;
    private final boolean listening;
    private final Supplier<String> openConversation;
    private final ConversationAsks otherConversations;
    private final AskImages images;
    private final TurnPlace place;

    /**
     * @param listening whether the assistant has a microphone ({@code parley serve --voice})
     * @param openConversation the name the assistant's conversation is saved under
     */
    AskRoutes(VoiceAssistant assistant, boolean listening, Supplier<String> openConversation,
            ConversationAsks otherConversations, AskImages images) {
        this.assistant = assistant;
        this.listening = listening;
        this.openConversation = openConversation;
        this.otherConversations = otherConversations;
        this.images = images;
        this.place = new TurnPlace(assistant);
    }

    void register(HttpRules rules) {
        rules.post("/ask", this::ask);
        rules.post("/speak", this::speak);
        rules.post("/stop", this::stop);
        rules.post("/talk/start", (request, response) -> talk(response, assistant::pressToTalk));
        rules.post("/talk/stop", (request, response) -> talk(response, assistant::releaseToTalk));
    }

    /** Push-to-talk; what is heard and answered shows on the event stream ({@code speech.final}, ...). */
    private void talk(ServerResponse response, Runnable action) {
        if (!listening) {
            throw ApiProblem.conflict(ApiProblem.Code.NO_MICROPHONE,
                    "Parley has no microphone here; start it with 'parley serve --voice'.");
        }
        action.run();
        response.status(Status.ACCEPTED_202).send();
    }

    /**
     * Cuts off the open conversation's answer (and its speech), or with {@code ?conversation=ID} the ask
     * running in that conversation: a background ask elsewhere is not what a stop button meant.
     */
    private void stop(ServerRequest request, ServerResponse response) {
        Optional<String> conversation = request.query().first("conversation").asOptional();
        if (conversation.isEmpty() && request.content().hasEntity()) { // as an ask names it: in the body
            JsonNode body = ApiJson.body(request, List.of("conversation"));
            conversation = body.hasNonNull("conversation") ? Optional.of(ApiJson.text(body, "conversation"))
                    : Optional.empty();
        }
        if (conversation.isEmpty() || isOpen(conversation.get())) {
            assistant.stop();
        } else if (!otherConversations.stop(conversation.get().strip())) {
            throw ApiProblem.notFound("No ask is running in the conversation '" + conversation.get().strip() + "'.");
        }
        response.status(Status.NO_CONTENT_204).send();
    }

    private void ask(ServerRequest request, ServerResponse response) throws Exception {
        JsonNode body = ApiJson.body(request, List.of("text", "conversation", "speak", "images"));
        String text = ApiJson.text(body, "text");
        TurnRunner.tooLong(text).ifPresent(why -> {
            throw new ApiProblem(413, "Question too long", why);
        });
        boolean streamed = request.headers().first(HeaderNames.ACCEPT).orElse("").contains("text/event-stream");
        String conversation = body.hasNonNull("conversation") ? ApiJson.text(body, "conversation") : null;
        boolean spoken = spoken(body, conversation);
        // Both conversations are answered by the same model: refused here, the caller gets the reason as a
        // 422; like a busy open conversation (409), before any picture is decoded (seconds of a core each).
        otherConversations.imageRefusal(images.count(body)).ifPresent(why -> {
            throw new ApiProblem(422, "The model cannot see images", why);
        });
        boolean toOpen = conversation == null || isOpen(conversation);
        if (toOpen && !place.freeWithin(JUST_ENDING_MILLIS)) {
            throw busy();
        }
        if (!toOpen) { // its name and whether it is busy are checked before the pictures are decoded
            otherConversations.ask(conversation, text, () -> images.read(body), streamed, request, response);
            return;
        }
        List<TurnImage> shown = images.read(body);
        place.runAlone(JUST_ENDING_MILLIS, AskRoutes::busy, (watch, stopTurn) -> {
            assistant.ask(text, spoken, shown);
            // Watched from after the ask: a caller gone already ends the watch's first read at once, and the
            // stop then comes behind the ask on the controller's queue.
            try (CallerWatch.Watch caller = CallerWatch.start(request, response, stopTurn)) {
                if (streamed) {
                    stream(watch, response, stopTurn);
                } else {
                    answer(watch, response);
                }
            }
        });
    }

    /** {@code speak}: as asked, else whenever Parley has a voice; only the open conversation speaks. */
    private boolean spoken(JsonNode body, String conversation) {
        JsonNode speak = body.get("speak");
        if (speak != null && !speak.isNull() && !speak.isBoolean()) {
            throw ApiProblem.badRequest("\"speak\" must be true or false.");
        }
        if (speak == null || speak.isNull()) {
            return assistant.speaks();
        }
        if (speak.asBoolean() && !assistant.speaks()) {
            throw ApiProblem.conflict(ApiProblem.Code.NO_VOICE, "Parley has no voice here; start it with 'parley serve"
                    + " --voice', or wait until"
                    + " the window has loaded its voice.");
        }
        if (speak.asBoolean() && conversation != null && !isOpen(conversation)) {
            throw ApiProblem.badRequest("Only the open conversation ('" + openConversation.get() + "') speaks; ask"
                    + " without \"speak\" to have another conversation answer in text.");
        }
        return speak.asBoolean();
    }

    /** Whether {@code conversation} names the open one, however it is spelled ("a b" and "a-b" are one file). */
    private boolean isOpen(String conversation) {
        return otherConversations.sameConversation(conversation, openConversation.get());
    }

    /** {@code POST /speak}: says a text as it is and answers once it was heard to its end. */
    private void speak(ServerRequest request, ServerResponse response) throws Exception {
        String text = ApiJson.text(ApiJson.body(request, List.of("text")), "text");
        if (!assistant.speaks()) {
            throw ApiProblem.conflict(ApiProblem.Code.NO_VOICE,
                    "Parley has no voice here; start it with 'parley serve --voice'.");
        }
        place.runAlone(JUST_ENDING_MILLIS, AskRoutes::busy, (watch, stopTurn) -> {
            assistant.say(text);
            // As an ask's: a caller gone would leave the text playing, and every ask refused, to its end.
            try (CallerWatch.Watch caller = CallerWatch.start(request, response, stopTurn)) {
                sayToTheEnd(watch, response);
            }
        });
    }

    private static void sayToTheEnd(TurnWatch watch, ServerResponse response) throws InterruptedException {
        String heard = "";
        for (VoiceEvent event = next(watch); ; event = next(watch)) {
            if (event instanceof VoiceEvent.Heard h) {
                heard = h.text();
            }
            if (TurnWatch.ends(event)) {
                if (event instanceof VoiceEvent.StateChanged changed && changed.to() == VoiceState.IDLE) {
                    if (!changed.detail().isBlank()) { // at rest, but the output could not be opened
                        throw new ApiProblem(503, "Not spoken", "Nothing could be said: "
                                + changed.detail().replace(TurnEndWords.NOT_SPOKEN, ""));
                    }
                    ApiJson.send(response, 200, ApiJson.object().put("turn", watch.turn()).put("heard", heard));
                    return;
                }
                String detail = event instanceof VoiceEvent.StateChanged changed ? changed.detail() : "Stopped.";
                throw ApiProblem.conflict(ApiProblem.Code.STOPPED, "The text was not spoken to its end: " + detail);
            }
        }
    }

    /** Cuts off a running ask or speak and waits until its answer (a 409: stopped) is sent. */
    void stopRunning(long waitMillis) throws InterruptedException {
        place.stopRunning(waitMillis);
    }

    private static ApiProblem busy() {
        return ApiProblem.conflict(ApiProblem.Code.BUSY,
                "Parley is answering another question; wait for it, or POST /api/v1/stop.");
    }

    private void answer(TurnWatch watch, ServerResponse response) throws InterruptedException {
        ObjectNode reply = ApiJson.object();
        String heard = "";
        StringBuilder shown = new StringBuilder(); // what a text-only answer had said when stopped
        for (VoiceEvent event = next(watch); ; event = next(watch)) {
            collect(reply, event);
            if (event instanceof VoiceEvent.Interrupted stopped) {
                heard = stopped.heard();
            }
            if (event instanceof VoiceEvent.Reply r && r.event() instanceof TurnEvent.Text text
                    && shown.length() < STOPPED_AFTER_LIMIT) {
                shown.append(text.delta());
            }
            if (event instanceof VoiceEvent.Reply r && r.event() instanceof TurnEvent.Failed failed) {
                throw new ApiProblem(502, "The model failed", failed.message());
            }
            if (TurnWatch.ends(event)) {
                if (event instanceof VoiceEvent.StateChanged changed && changed.to() == VoiceState.ERROR) {
                    throw new ApiProblem(502, "The turn failed", changed.detail());
                }
                if (!reply.has("reply")) { // worded as a stopped ask in another conversation is
                    String said = heard.isBlank() ? shown.toString().strip() : heard;
                    throw ApiProblem.conflict(ApiProblem.Code.STOPPED, "The answer was stopped"
                            + (said.isBlank() ? " before it was complete." : " after: " + said));
                }
                warnIfUnspoken(reply, event);
                ApiJson.send(response, 200, reply);
                return;
            }
        }
    }

    /** An answer given but not spoken (no output device) says why in {@code warning}: it is not an error. */
    private static void warnIfUnspoken(ObjectNode reply, VoiceEvent end) {
        if (end instanceof VoiceEvent.StateChanged changed && changed.to() == VoiceState.IDLE
                && !changed.detail().isBlank()) {
            reply.put("warning", changed.detail());
        }
    }

    /** SSE events text, reasoning, tool, done, error: the answer as it streams. */
    private void stream(TurnWatch watch, ServerResponse response, Runnable stopTurn) throws InterruptedException {
        ObjectNode done = ApiJson.object();
        try (SseSink sink = response.sink(SseSink.TYPE)) {
            for (VoiceEvent event = next(watch); ; event = next(watch)) {
                collect(done, event);
                if (event instanceof VoiceEvent.Reply r) {
                    ReplyStream.emit(sink, r.event());
                }
                if (TurnWatch.ends(event)) {
                    if (done.has("reply")) {
                        warnIfUnspoken(done, event);
                        ReplyStream.emit(sink, "done", done);
                    } else if (!(event instanceof VoiceEvent.StateChanged changed && changed.to() == VoiceState.ERROR
                            && done.has("failed"))) {
                        String detail = event instanceof VoiceEvent.StateChanged changed ? changed.detail() : "Stopped.";
                        ApiProblem stopped = ApiProblem.conflict(ApiProblem.Code.STOPPED,
                                "The answer did not complete: " + detail);
                        ReplyStream.emit(sink, "error", ReplyStream.problem(stopped));
                    }
                    return;
                }
            }
        } catch (RuntimeException e) { // Helidon 4.5 reports a failed write as a ServerConnectionException
            if (!ClientGone.is(e)) {
                throw e;
            }
            stopTurn.run(); // the caller left: nobody wants the rest of this answer
        }
    }

    /** Gathers what the JSON answer and the final {@code done} event report. */
    private static void collect(ObjectNode reply, VoiceEvent event) {
        if (event instanceof VoiceEvent.Reply r) {
            switch (r.event()) {
                case TurnEvent.Completed e -> ReplyStream.answered(reply, e);
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
}
