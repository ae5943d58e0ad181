package dev.parley.pipeline;

import dev.parley.audio.AudioClip;
import dev.parley.conversation.Conversation;
import dev.parley.llm.LanguageModel;
import dev.parley.llm.LlmException;
import dev.parley.llm.LlmReply;
import dev.parley.llm.ReplyListener;
import dev.parley.text.SentenceChunker;
import dev.parley.tts.SpeechSynthesizer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * LLM stream → sentence chunks → speech, overlapped: each chunk is synthesized on a worker thread as
 * soon as the chunker completes it, while the model keeps writing. The first audio therefore waits
 * only for the first chunk, not for the whole reply.
 */
public final class ReplyPipeline implements AutoCloseable {

    /** Spoken when the model fails mid-answer, so the user knows the answer ended early. */
    static final String CUT_OFF_NOTICE = "Sorry, I lost the connection to the model.";

    private final LanguageModel model;
    private final SpeechSynthesizer synthesizer;
    private final SentenceChunker.Settings chunking;
    /** One thread: chunks must be spoken in order, and MaryTTS serializes calls anyway. */
    private final ExecutorService synthesis = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("parley-tts").daemon(true).factory());

    public ReplyPipeline(LanguageModel model, SpeechSynthesizer synthesizer, SentenceChunker.Settings chunking) {
        this.model = model;
        this.synthesizer = synthesizer;
        this.chunking = chunking;
    }

    /** The sample rate of the speech this pipeline makes. */
    public int sampleRate() {
        return synthesizer.sampleRate();
    }

    /**
     * Asks the model to answer the conversation's last user turn, speaks the answer, and records it
     * in the conversation. {@code clock} carries the turn's start so timings form one waterfall.
     *
     * <p>Interrupting the calling thread cancels the turn (barge-in): the model's stream is closed,
     * chunks not yet synthesized are dropped, and an {@link LlmException} of kind CANCELLED is thrown
     * with the conversation untouched, because only the caller knows how much of the answer was heard.
     */
    public SpokenReply answer(Conversation conversation, TurnClock clock, String transcript,
            Consumer<TurnEvent> events) {
        SentenceChunker chunker = new SentenceChunker(chunking);
        List<Future<AudioClip>> pending = new ArrayList<>();
        ReplyListener listener = new ReplyEvents(clock, events,
                delta -> chunker.push(delta).forEach(chunk -> pending.add(speak(chunk, pending.size(), clock, events))));
        events.accept(new TurnEvent.Started(clock.turn(), transcript, model.name()));
        LlmReply reply;
        try {
            reply = model.reply(conversation.messages(), listener);
        } catch (LlmException e) {
            if (e.kind() == LlmException.Kind.CANCELLED) {
                dropPending(pending);
                throw e;
            }
            if (e.partialText().isBlank()) {
                dropPending(pending);
                conversation.endFailedTurn("");
                events.accept(new TurnEvent.Failed(clock.turn(), e.getMessage(), ""));
                throw e;
            }
            return cutOff(conversation, clock, transcript, events, chunker, pending, e);
        } catch (RuntimeException e) {
            dropPending(pending);
            conversation.withdrawLastUserTurn();
            events.accept(new TurnEvent.Failed(clock.turn(), String.valueOf(e.getMessage()), ""));
            throw e;
        }
        chunker.finish().forEach(chunk -> pending.add(speak(chunk, pending.size(), clock, events)));
        List<AudioClip> clips = collect(pending, reply.text());
        conversation.addAssistant(reply.text(), reply.reasoning(), false);
        AudioClip audio = AudioClip.concat(clips, synthesizer.sampleRate());
        SpokenReply spoken = new SpokenReply(transcript, reply.text(), reply.reasoning(), audio, pending.size(),
                clock.finish(), null);
        events.accept(new TurnEvent.Completed(clock.turn(), reply.text(), reply.reasoning(), reply.provider(),
                reply.inputTokens(), reply.outputTokens(), spoken.timings()));
        return spoken;
    }

    /**
     * The model failed after part of the answer was already out (and may have been heard): what was
     * said stays said, a short spoken notice ends the turn, and the conversation keeps the partial
     * answer marked as interrupted.
     */
    private SpokenReply cutOff(Conversation conversation, TurnClock clock, String transcript, Consumer<TurnEvent> events,
            SentenceChunker chunker, List<Future<AudioClip>> pending, LlmException failure) {
        chunker.finish().forEach(chunk -> pending.add(speak(chunk, pending.size(), clock, events)));
        pending.add(speak(CUT_OFF_NOTICE, pending.size(), clock, events));
        List<AudioClip> clips = collect(pending, failure.partialText());
        conversation.endFailedTurn(failure.partialText());
        AudioClip audio = AudioClip.concat(clips, synthesizer.sampleRate());
        SpokenReply spoken = new SpokenReply(transcript, failure.partialText().strip(), "", audio, pending.size(),
                clock.finish(), failure.getMessage());
        events.accept(new TurnEvent.Failed(clock.turn(), failure.getMessage(), spoken.text()));
        return spoken;
    }

    private Future<AudioClip> speak(String chunk, int index, TurnClock clock, Consumer<TurnEvent> events) {
        clock.markFirstChunk();
        events.accept(new TurnEvent.Chunk(clock.turn(), chunk));
        return synthesis.submit(() -> {
            AudioClip clip = synthesizer.synthesize(chunk, piece -> {
                clock.markFirstAudio();
                events.accept(new TurnEvent.AudioPiece(clock.turn(), index, piece));
            });
            events.accept(new TurnEvent.Audio(clock.turn(), chunk, clip));
            return clip;
        });
    }

    /**
     * Drops the chunks not yet synthesized. The one being synthesized finishes (MaryTTS is not safe to
     * interrupt) and its audio is ignored by the caller, which has moved on to another turn.
     */
    private static void dropPending(List<Future<AudioClip>> pending) {
        pending.forEach(future -> future.cancel(false));
    }

    private List<AudioClip> collect(List<Future<AudioClip>> pending, String answerSoFar) {
        List<AudioClip> clips = new ArrayList<>(pending.size());
        try {
            for (Future<AudioClip> future : pending) {
                clips.add(future.get());
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            dropPending(pending);
            Thread.currentThread().interrupt();
            throw LlmException.cancelled(model.name(), e, answerSoFar);
        }
        return clips;
    }

    @Override
    public void close() {
        synthesis.shutdownNow();
    }
}
