package dev.parley.pipeline;

import dev.parley.conversation.ContextWindow;
import dev.parley.conversation.Conversation;
import dev.parley.image.TurnImage;
import dev.parley.llm.LanguageModel;
import dev.parley.llm.LlmException;
import dev.parley.llm.LlmReply;
import dev.parley.text.SentenceChunker;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;

/**
 * Runs every turn, typed or spoken, in the window, the CLI and the benchmark: the user's words →
 * the conversation → the context window → the model's streamed answer → chunks → the voice → a
 * {@link SpeechSink} → the conversation record. A text-only turn is the same turn without
 * {@link Speech}.
 *
 * <p>The runner owns the conversation record: a complete answer is recorded as complete (spoken, one
 * of {@link EndingNotices}' sentences follows it when the provider cut it short or its safety filter
 * stopped it); an answer cut off by the model keeps what was said, marked interrupted; a cancelled
 * turn (the calling thread interrupted: barge-in) keeps only what the sink delivered (what was
 * heard, or for a text-only turn what was shown), and a question nobody heard an answer to is taken
 * back. The tool rounds of the answer are recorded with it, complete rounds only: a call whose result
 * never came is left out, and a turn whose tools ran stays even when nothing of its answer was heard. Every step is
 * reported as a {@link TurnEvent}.
 *
 * <p>A turn may show the model images; {@link ImageRules} checks them (how many, a model that can
 * see) before the conversation records the turn or any request is made.
 */
public final class TurnRunner implements AutoCloseable {

    /** Spoken when the model fails mid-answer, so the user knows the answer ended early. */
    static final String CUT_OFF_NOTICE = "Sorry, I lost the connection to the model.";
    /**
     * The longest question: a pasted document of ~250,000 tokens, more than any model's context
     * takes. Longer text (15 MB posted to the API) only exhausted the memory, turn after turn.
     */
    public static final int MAX_QUESTION_CHARS = 1_000_000;
    /** Why a turn that ran out of memory failed, and what to do about it. */
    public static final String OUT_OF_MEMORY = "Parley ran out of memory answering this: the question or the"
            + " conversation is too large. Start a new conversation, or ask something shorter.";

    private final LanguageModel model;
    private final ContextWindow window;
    private final SentenceChunker.Settings chunking;
    private final ImageRules imageRules;
    /** One thread: chunks must be spoken in order, and MaryTTS serializes calls anyway. */
    private final ExecutorService synthesis;

    /**
     * @param model answers; may be a switchable one, read at each turn
     * @param window keeps the conversation within the model's context, or null (a single question)
     * @param threads makes the synthesis thread (tests may pass their own)
     */
    public TurnRunner(LanguageModel model, ContextWindow window, SentenceChunker.Settings chunking,
            ThreadFactory threads) {
        this(model, window, chunking, threads, ImageRules.DEFAULTS);
    }

    /** {@code imageRules}: what a turn's images must pass before anything is sent. */
    public TurnRunner(LanguageModel model, ContextWindow window, SentenceChunker.Settings chunking,
            ThreadFactory threads, ImageRules imageRules) {
        this.model = model;
        this.window = window;
        this.chunking = chunking;
        this.imageRules = imageRules;
        this.synthesis = Executors.newSingleThreadExecutor(threads);
    }

    /** Why a turn showing {@code images} would be refused now, or empty: for front ends to ask first. */
    public Optional<String> imageRefusal(List<TurnImage> images) {
        return imageRefusal(images.size());
    }

    /** Why a turn showing {@code count} images would be refused now: asked before they are decoded. */
    public Optional<String> imageRefusal(int count) {
        return imageRules.refusal(model, count);
    }

    /**
     * Answers {@code userText} in {@code conversation}, spoken through {@code speech} (null: text
     * only), and returns once the answer was delivered to its end. {@code clock} carries the turn's
     * start, so timings form one waterfall with the stages before (speech recognition).
     *
     * @throws LlmException of kind CANCELLED when the calling thread is interrupted (its partial
     *     text is what was heard), or the model's failure when no answer started
     */
    public TurnResult run(Conversation conversation, String userText, TurnClock clock, Consumer<TurnEvent> events,
            Speech speech) {
        return run(conversation, userText, List.of(), clock, events, speech);
    }

    /**
     * Answers {@code userText} showing the model {@code images}, as {@link #run(Conversation, String,
     * TurnClock, Consumer, Speech)} answers text.
     *
     * @throws LlmException of kind INVALID_REQUEST, before the conversation records anything or a
     *     request is made, when the images are too many or the model cannot see
     */
    public TurnResult run(Conversation conversation, String userText, List<TurnImage> images, TurnClock clock,
            Consumer<TurnEvent> events, Speech speech) {
        imageRules.check(model, images);
        tooLong(userText).ifPresent(why -> {
            throw new LlmException(LlmException.Kind.INVALID_REQUEST, why, null, null, "");
        });
        conversation.addUser(userText, images);
        fitContext(conversation);
        events.accept(new TurnEvent.Started(clock.turn(), userText, model.name()));
        SpeechStage stage = speech == null ? null
                : new SpeechStage(speech, new SentenceChunker(chunking), synthesis, clock, events);
        StringBuffer shown = new StringBuffer();
        ReplyEvents replyEvents = new ReplyEvents(clock, events, delta -> {
            shown.append(delta);
            if (stage != null) {
                stage.push(delta);
            }
        });
        TurnInFlight inFlight = new TurnInFlight(conversation, stage, speech, clock, events, replyEvents);
        LlmReply reply;
        try {
            reply = model.reply(conversation.messages(), replyEvents);
        } catch (LlmException e) {
            if (e.kind() == LlmException.Kind.CANCELLED) {
                throw cancelled(inFlight, shown, e);
            }
            if (e.partialText().isBlank()) {
                throw failed(inFlight, e);
            }
            return cutOff(inFlight, userText, e);
        } catch (RuntimeException e) {
            throw failed(inFlight, e);
        } catch (OutOfMemoryError e) {
            // The request's garbage goes with this stack. The question goes too: kept in the history,
            // it would exhaust the memory again on every later turn of this conversation.
            throw failed(inFlight, new IllegalStateException(OUT_OF_MEMORY, e));
        }
        events.accept(new TurnEvent.Written(clock.turn()));
        try {
            if (stage != null) {
                stage.finish();
                // The provider ended it early: one sentence says so after it (not part of the answer).
                EndingNotices.spoken(reply.finishReason()).ifPresent(notice -> stage.say(notice, false));
                stage.awaitSynthesized();
            }
            conversation.addAssistant(reply.text(), reply.reasoning(), false, replyEvents.rounds(),
                    EndingNotices.ended(reply.finishReason()));
            events.accept(new TurnEvent.Completed(clock.turn(), reply.text(), reply.reasoning(), reply.provider(),
                    reply.inputTokens(), reply.outputTokens(), reply.finishReason()));
            deliver(speech);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw cancelled(inFlight, shown, e);
        } catch (RuntimeException e) { // the voice or the output device failed
            throw failed(inFlight, e);
        }
        return new TurnResult(userText, reply.text(), reply.reasoning(), reply.provider(),
                stage == null ? 0 : stage.chunks(), clock.finish(), null, reply.finishReason());
    }

    /** Why {@code question} is too long to ask, or empty. */
    public static Optional<String> tooLong(String question) {
        return question.length() <= MAX_QUESTION_CHARS ? Optional.empty() : Optional.of("A question may have at"
                + " most " + MAX_QUESTION_CHARS + " characters (a long document); this one has " + question.length()
                + ". Ask about a part of it.");
    }

    /**
     * Speaks {@code text} as it is, through the same chunker, voice and sink as an answer, without the
     * model and without touching any conversation (an announcement, not a turn of the dialogue).
     * Returns once the sink delivered it to its end.
     *
     * @throws LlmException of kind CANCELLED when the calling thread is interrupted (its partial text
     *     is what was heard)
     */
    public void speak(String text, TurnClock clock, Consumer<TurnEvent> events, Speech speech) {
        SpeechStage stage = new SpeechStage(speech, SentenceChunker.plainText(chunking), synthesis, clock, events);
        try {
            stage.push(text);
            stage.finish();
            stage.awaitSynthesized();
            speech.sink().finish();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stage.drop();
            throw LlmException.cancelled(model.name(), e, speech.sink().silence());
        } catch (RuntimeException e) {
            stage.drop();
            speech.sink().silence();
            throw e;
        }
    }

    /**
     * Keeps the context within its window; a summary cut short by a barge-in takes the question back
     * and cancels the turn.
     */
    private void fitContext(Conversation conversation) {
        if (window == null) {
            return;
        }
        try {
            window.fit(conversation);
        } catch (RuntimeException e) {
            conversation.withdrawLastUserTurn();
            throw Thread.currentThread().isInterrupted() ? LlmException.cancelled(model.name(), e, "") : e;
        }
    }

    /** A running turn's parts that ending it early touches: its record, its speech, its events, its tool rounds. */
    private record TurnInFlight(Conversation conversation, SpeechStage stage, Speech speech, TurnClock clock,
            Consumer<TurnEvent> events, ReplyEvents reply) {}

    /**
     * The turn failed (the model before answering, the voice, the output device): its speech stops,
     * the conversation keeps what was heard of the answer and the tool rounds that finished (neither:
     * the question is taken back), and the events say why. Returns the failure to throw.
     */
    private static RuntimeException failed(TurnInFlight turn, RuntimeException failure) {
        if (turn.stage() != null) {
            turn.stage().drop();
        }
        String heard = turn.speech() == null ? "" : turn.speech().sink().silence();
        turn.conversation().endInterruptedTurn(heard, turn.reply().rounds());
        turn.events().accept(new TurnEvent.Failed(turn.clock().turn(), String.valueOf(failure.getMessage()), heard));
        return failure;
    }

    /**
     * The model failed after part of the answer was out (and may have been heard): what was said
     * stays said, a short spoken notice ends the turn, and the conversation keeps the partial answer
     * marked as interrupted.
     */
    private TurnResult cutOff(TurnInFlight turn, String userText, LlmException failure) {
        String partial = failure.partialText().strip();
        SpeechStage stage = turn.stage();
        // As after a whole answer: no more text comes, though what came is still being spoken.
        turn.events().accept(new TurnEvent.Written(turn.clock().turn()));
        try {
            if (stage != null) {
                stage.finish();
                stage.say(CUT_OFF_NOTICE, false);
                stage.awaitSynthesized();
            }
            turn.conversation().endFailedTurn(partial, turn.reply().rounds());
            turn.events().accept(new TurnEvent.Failed(turn.clock().turn(), failure.getMessage(), partial));
            deliver(turn.speech());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw cancelled(turn, new StringBuffer(partial), e);
        } catch (RuntimeException e) {
            throw failed(turn, e);
        }
        return new TurnResult(userText, partial, "", model.name(), stage == null ? 0 : stage.chunks(),
                turn.clock().finish(), failure.getMessage());
    }

    /** Waits for the sink to deliver the answer to its end. */
    private static void deliver(Speech speech) throws InterruptedException {
        if (speech != null) {
            speech.sink().finish();
        }
    }

    /**
     * The turn was cancelled: only what was heard (or shown, without speech) stays in the
     * conversation, with the tool rounds that finished; a round cut off mid-call is not kept.
     */
    private LlmException cancelled(TurnInFlight turn, StringBuffer shown, Throwable cause) {
        if (turn.stage() != null) {
            turn.stage().drop();
        }
        String heard = turn.speech() != null ? turn.speech().sink().silence() : shown.toString().strip();
        turn.conversation().endInterruptedTurn(heard, turn.reply().rounds());
        return LlmException.cancelled(model.name(), cause, heard);
    }

    @Override
    public void close() {
        synthesis.shutdownNow();
    }
}
