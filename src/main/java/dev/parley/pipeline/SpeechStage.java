package dev.parley.pipeline;

import dev.parley.text.SentenceChunker;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * One turn's answer text → speakable chunks → speech in the sink. Each chunk is synthesized on the
 * runner's synthesis thread as soon as the chunker completes it, while the model keeps writing, so
 * the first audio waits only for the first chunk. Text arrives on the model client's thread while a
 * cancel comes from the turn's thread, so the methods are synchronized and nothing is queued once
 * the stage was dropped.
 */
final class SpeechStage {

    private final Speech speech;
    private final SentenceChunker chunker;
    private final ExecutorService synthesis;
    private final TurnClock clock;
    private final Consumer<TurnEvent> events;
    private final List<Future<?>> pending = new ArrayList<>();
    private boolean dropped;

    SpeechStage(Speech speech, SentenceChunker chunker, ExecutorService synthesis, TurnClock clock,
            Consumer<TurnEvent> events) {
        this.speech = speech;
        this.chunker = chunker;
        this.synthesis = synthesis;
        this.clock = clock;
        this.events = events;
    }

    /** More answer text; complete chunks go to the voice. */
    synchronized void push(String delta) {
        chunker.push(delta).forEach(this::say);
    }

    /** The answer is complete: what the chunker still holds goes to the voice. */
    synchronized void finish() {
        chunker.finish().forEach(this::say);
    }

    /** Speaks {@code chunk} of the answer after the chunks before it. */
    void say(String chunk) {
        say(chunk, true);
    }

    /**
     * Speaks {@code chunk} after the chunks before it. A chunk that is not the model's answer (the
     * cut-off notice, an {@link EndingNotices} sentence) reaches the sink with no text, so it never
     * counts as words the model said.
     */
    synchronized void say(String chunk, boolean answer) {
        if (dropped) {
            return;
        }
        int index = pending.size();
        clock.markFirstChunk();
        events.accept(new TurnEvent.Chunk(clock.turn(), chunk));
        pending.add(synthesis.submit(() -> {
            try {
                speech.sink().awaitRoom();
            } catch (InterruptedException closing) {
                Thread.currentThread().interrupt();
                return;
            }
            speech.voice().synthesize(chunk, piece -> {
                clock.markFirstAudio();
                speech.sink().piece(index, piece);
            });
            speech.sink().chunkDone(index, answer ? chunk : "");
        }));
    }

    synchronized int chunks() {
        return pending.size();
    }

    /** Waits until every chunk is synthesized and in the sink; a synthesis failure is rethrown. */
    void awaitSynthesized() throws InterruptedException {
        List<Future<?>> queued;
        synchronized (this) {
            queued = List.copyOf(pending);
        }
        try {
            for (Future<?> future : queued) {
                future.get();
            }
        } catch (ExecutionException e) {
            drop();
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            drop();
            throw e;
        }
    }

    /**
     * Drops the chunks not yet synthesized. The one being synthesized finishes (MaryTTS is not safe to
     * interrupt); its pieces reach a sink that was silenced and ignores them.
     */
    synchronized void drop() {
        dropped = true;
        pending.forEach(future -> future.cancel(false));
    }
}
