package dev.parley.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationLock;
import dev.parley.conversation.ConversationStore;
import dev.parley.conversation.ConversationStoreException;
import dev.parley.image.TurnImage;
import dev.parley.llm.LlmException;
import dev.parley.pipeline.TurnClock;
import dev.parley.pipeline.TurnEvent;
import dev.parley.pipeline.TurnResult;
import dev.parley.pipeline.TurnRunner;
import dev.parley.voice.VoiceEvent;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.sse.SseSink;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * {@code POST /ask} with a {@code conversation} other than the one Parley has open: the saved
 * conversation (or a new one of that name) answers in text, on a thread of its own ({@link
 * AskInFlight}), through the same turn runner, and is saved after the turn. One turn per conversation at a time (409). Its
 * turn events go to the assistant's event stream too ({@code turn.started} … {@code llm.done}); the
 * assistant's state stays the open conversation's, so no {@code state} events come with them.
 */
final class ConversationAsks implements AutoCloseable {

    private static final Logger LOG = LogManager.getLogger(ConversationAsks.class);

    private final ConversationStore store;
    private final Supplier<Conversation> fresh;
    private final TurnRunner runner;
    private final Consumer<VoiceEvent> events;
    /** The running asks, by the file of their conversation: cut off on /stop or when the server stops. */
    private final Map<String, AskInFlight> running = new ConcurrentHashMap<>();

    /**
     * @param fresh a new conversation with the configured system prompt
     * @param events the assistant's event stream
     */
    ConversationAsks(ConversationStore store, Supplier<Conversation> fresh, TurnRunner runner,
            Consumer<VoiceEvent> events) {
        this.store = store;
        this.fresh = fresh;
        this.runner = runner;
        this.events = events;
    }

    /** Why a turn showing {@code images} would be refused (too many, a model that cannot see), or empty. */
    Optional<String> imageRefusal(int count) {
        return runner.imageRefusal(count);
    }

    /** The pictures of an ask, decoded only once the ask is known to go ahead (seconds of a core each). */
    interface ImagesToShow {
        List<TurnImage> read() throws InterruptedException;
    }

    /**
     * Answers {@code text}, showing the model {@code images}, in the conversation {@code id}, as JSON
     * or (when {@code streamed}) SSE.
     */
    void ask(String id, String text, ImagesToShow images, boolean streamed, ServerRequest request,
            ServerResponse response) {
        // By its file: "my chat" and "my-chat" are one conversation, which would refuse the second as open
        // in another Parley.
        String file = fileOf(id);
        AskInFlight inFlight = new AskInFlight();
        if (running.putIfAbsent(file, inFlight) != null) {
            throw ApiProblem.conflict(ApiProblem.Code.BUSY,
                    "The conversation '" + id + "' is answering another question; wait for it.");
        }
        // A caller that leaves stops its ask as /stop would: while its pictures wait to be decoded, its turn.
        try (ConversationLock lock = lock(id);
                CallerWatch.Watch caller = CallerWatch.start(request, response, inFlight::stop)) {
            Conversation conversation = load(id);
            List<TurnImage> shown;
            try {
                shown = inFlight.stoppable(images::read);
            } catch (InterruptedException stopped) { // a stop, or the server's, while it waited for its turn to decode
                throw ApiProblem.conflict(ApiProblem.Code.STOPPED,
                        "The answer was stopped before its pictures were read; nothing was asked.");
            }
            if (streamed) {
                stream(inFlight, id, conversation, text, shown, response);
            } else {
                ObjectNode reply = inFlight.run(events -> run(id, conversation, text, shown, events), event -> { });
                ApiJson.send(response, 200, reply);
            }
        } finally {
            running.remove(file);
            Thread.interrupted(); // nothing of this request reaches the next one on this thread
        }
    }

    /**
     * Cuts off every running ask (what was shown is kept, as with a barge-in, and saved; each caller
     * gets 409: stopped) and waits up to {@code waitMillis} for them to end.
     */
    void stopAll(long waitMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + waitMillis;
        List<AskInFlight> asks = List.copyOf(running.values());
        asks.forEach(AskInFlight::stop);
        for (AskInFlight ask : asks) {
            ask.awaitAnswered(deadline - System.currentTimeMillis());
        }
    }

    /** Cuts off the ask running in conversation {@code id} (its caller gets 409: stopped); false when none runs. */
    boolean stop(String id) {
        AskInFlight ask = running.get(fileOf(id));
        if (ask != null) {
            ask.stop();
        }
        return ask != null;
    }

    /** Whether an ask is answering in conversation {@code id} now (its turn would save it again). */
    boolean answering(String id) {
        return running.containsKey(fileOf(id));
    }

    private void stream(AskInFlight inFlight, String id, Conversation conversation, String text,
            List<TurnImage> images, ServerResponse response) {
        try (SseSink sink = response.sink(SseSink.TYPE)) {
            AtomicBoolean failureSent = new AtomicBoolean();
            try {
                ReplyStream.emit(sink, "done", inFlight.run(events -> run(id, conversation, text, images, events),
                        event -> {
                            if (event instanceof TurnEvent.Failed) {
                                failureSent.set(true);
                            }
                            ReplyStream.emit(sink, event);
                        }));
            } catch (ApiProblem problem) {
                if (!failureSent.get()) { // a failed turn's "error" event went out already
                    ReplyStream.emit(sink, "error", ReplyStream.problem(problem));
                }
            }
        } catch (RuntimeException e) { // Helidon 4.5 reports a failed write as a ServerConnectionException
            if (!ClientGone.is(e)) {
                throw e;
            }
            LOG.debug("The caller of an ask in '{}' left before its end", id);
        }
    }

    /**
     * Runs the turn, then saves the conversation whatever the outcome (the runner kept it consistent).
     * An answer given but not saved is still the caller's, with a {@code warning} saying why it was
     * not saved: a 500 in its place would lose an answer already paid for (and perhaps spoken).
     */
    private ObjectNode run(String id, Conversation conversation, String text, List<TurnImage> images,
            Consumer<TurnEvent> caller) {
        ObjectNode reply;
        try {
            reply = answer(id, conversation, text, images, caller);
        } catch (RuntimeException failed) {
            saveFailure(id, conversation); // logged: the caller hears of the turn's own failure
            throw failed;
        }
        saveFailure(id, conversation).ifPresent(why -> reply.put("warning", why));
        return reply;
    }

    private ObjectNode answer(String id, Conversation conversation, String text, List<TurnImage> images,
            Consumer<TurnEvent> caller) {
        TurnClock clock = new TurnClock();
        AtomicReference<TurnEvent.Completed> completed = new AtomicReference<>();
        AtomicLong turn = new AtomicLong(-1);
        try {
            TurnResult result = runner.run(conversation, text, images, clock, event -> {
                if (event instanceof TurnEvent.Completed done) {
                    completed.set(done);
                }
                if (event instanceof TurnEvent.Started started) {
                    turn.set(started.turn());
                }
                events.accept(new VoiceEvent.Reply(event));
                caller.accept(event);
            }, null);
            if (!result.complete()) {
                throw new ApiProblem(502, "The model failed", result.cutOff());
            }
            ObjectNode reply = ReplyStream.answered(ApiJson.object(), completed.get()).put("conversation", id);
            reply.set("timings", ApiJson.MAPPER.valueToTree(result.timings()));
            return reply;
        } catch (LlmException e) {
            if (e.kind() == LlmException.Kind.CANCELLED) {
                if (turn.get() >= 0) { // its end on the event stream, as the open conversation's stopped turn has
                    events.accept(new VoiceEvent.Interrupted(turn.get(), e.partialText()));
                }
                throw ApiProblem.conflict(ApiProblem.Code.STOPPED, "The answer was stopped"
                        + (e.partialText().isBlank() ? "." : " after: " + e.partialText()));
            }
            throw new ApiProblem(502, "The model failed", e.getMessage());
        }
    }

    /** Where conversation {@code id} is saved; an invalid name is the caller's mistake (400). */
    private String fileOf(String id) {
        try {
            return store.fileFor(id).toString();
        } catch (ConversationStoreException invalid) {
            throw ApiProblem.badRequest(invalid.getMessage());
        }
    }

    /** Whether two names are saved in one file; an invalid name is none of the store's. */
    boolean sameConversation(String one, String other) {
        try {
            return store.fileFor(one).equals(store.fileFor(other));
        } catch (ConversationStoreException invalid) {
            return false;
        }
    }

    /** Another Parley (a window, 'chat', 'serve') that has the conversation open would save over this turn. */
    private ConversationLock lock(String id) {
        try {
            store.exists(id); // an invalid name is the caller's mistake (400), a taken one a conflict
        } catch (ConversationStoreException invalid) {
            throw ApiProblem.badRequest(invalid.getMessage());
        }
        try {
            return ConversationLock.take(store, id);
        } catch (ConversationStoreException taken) {
            throw ApiProblem.conflict(ApiProblem.Code.CONVERSATION_OPEN, taken.getMessage());
        }
    }

    private Conversation load(String id) {
        try {
            return store.exists(id) ? store.load(id) : fresh.get();
        } catch (ConversationStoreException e) {
            throw ApiProblem.badRequest(e.getMessage());
        }
    }

    /** Saves the conversation; why it could not be, if it could not (logged). */
    private Optional<String> saveFailure(String id, Conversation conversation) {
        if (conversation.turnCount() == 0) {
            return Optional.empty();
        }
        try {
            store.save(id, conversation);
            return Optional.empty();
        } catch (ConversationStoreException e) {
            LOG.error("Could not save the conversation '{}'", id, e);
            return Optional.of("The answer was not saved in conversation '" + id + "': " + e.getMessage());
        }
    }

    @Override
    public void close() {
        runner.close();
    }
}
