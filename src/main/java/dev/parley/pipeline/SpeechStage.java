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
 * the first audio waits only for the first chunk. Not thread-safe: text comes from the one model
 * stream.
 */
final class SpeechStage {

    private final Speech speech;
    private final SentenceChunker chunker;
    private final ExecutorService synthesis;
    private final TurnClock clock;
    private final Consumer<TurnEvent> events;
    private final List<Future<?>> pending = new ArrayList<>();

    SpeechStage(Speech speech, SentenceChunker chunker, ExecutorService synthesis, TurnClock clock,
            Consumer<TurnEvent> events) {
        this.speech = speech;
        this.chunker = chunker;
        this.synthesis = synthesis;
        this.clock = clock;
        this.events = events;
    }

    /** More answer text; complete chunks go to the voice. */
    void push(String delta) {
        chunker.push(delta).forEach(this::say);
    }

    /** The answer is complete: what the chunker still holds goes to the voice. */
    void finish() {
        chunker.finish().forEach(this::say);
    }

    /** Speaks {@code chunk} after the chunks before it. */
    void say(String chunk) {
        int index = pending.size();
        clock.markFirstChunk();
        events.accept(new TurnEvent.Chunk(clock.turn(), chunk));
        pending.add(synthesis.submit(() -> {
            speech.voice().synthesize(chunk, piece -> {
                clock.markFirstAudio();
                speech.sink().piece(index, piece);
            });
            speech.sink().chunkDone(index, chunk);
        }));
    }

    int chunks() {
        return pending.size();
    }

    /** Waits until every chunk is synthesized and in the sink; a synthesis failure is rethrown. */
    void awaitSynthesized() throws InterruptedException {
        try {
            for (Future<?> future : pending) {
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
    void drop() {
        pending.forEach(future -> future.cancel(false));
    }
}
