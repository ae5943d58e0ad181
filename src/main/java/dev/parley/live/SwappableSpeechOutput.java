package dev.parley.live;

import dev.parley.audio.AudioClip;
import dev.parley.audio.AudioDeviceException;
import dev.parley.pipeline.SpeechSink;
import dev.parley.pipeline.TurnClock;
import dev.parley.tts.SpeechSynthesizer;
import dev.parley.voice.SpeechOutput;
import java.util.function.Consumer;

/**
 * The voice and output device in use, replaceable while Parley runs: each answer is spoken by the
 * voice and played on the device current when its sink opened, to its end; the next answer meets the
 * new ones. What a replaced output owns (its {@link Part#release}) is closed when its last answer ends.
 */
public final class SwappableSpeechOutput implements SpeechOutput, AutoCloseable {

    /**
     * An output and what to close once it is replaced and no answer uses it any more: the voice when
     * the replacement brings another one, nothing when only the device changed.
     */
    public record Part(SpeechOutput output, AutoCloseable release) implements AutoCloseable {

        @Override
        public void close() throws Exception {
            release.close();
        }
    }

    private final Swappable<Part> outputs;
    /**
     * The voice loop asks for the sink, then for the voice of the same answer; the voice must be the
     * one the sink was opened for (its sample rate), even when a swap lands between the two calls.
     */
    private final ThreadLocal<SpeechOutput> openedOnThisThread = new ThreadLocal<>();

    public SwappableSpeechOutput(Part first) {
        this.outputs = new Swappable<>(first);
    }

    /** From the next answer on, speaks through {@code next}; an answer being spoken ends on the old one. */
    public void replace(Part next) {
        outputs.replace(next);
    }

    /** The output the next answer gets. */
    public SpeechOutput current() {
        return outputs.current().output();
    }

    @Override
    public void wakeCue() {
        current().wakeCue();
    }

    @Override
    public void readyForTalkOver() {
        current().readyForTalkOver();
    }

    @Override
    public void talkOverEnded() {
        current().talkOverEnded();
    }

    @Override
    public SpeechSynthesizer voice() {
        SpeechOutput opened = openedOnThisThread.get();
        if (opened != null) {
            openedOnThisThread.remove();
            return opened.voice();
        }
        return current().voice();
    }

    @Override
    public SpeechSink open(TurnClock clock, Runnable speaking, Consumer<String> heard) throws AudioDeviceException {
        Swappable.Lease<Part> lease = outputs.lease();
        SpeechSink sink;
        try {
            sink = lease.part().output().open(clock, speaking, heard);
        } catch (RuntimeException | Error e) {
            lease.close();
            throw e;
        }
        openedOnThisThread.set(lease.part().output());
        return new LeasedSink(sink, lease);
    }

    @Override
    public void close() {
        outputs.close();
    }

    /** One answer's sink; its output is let go when the answer was delivered or silenced. */
    private record LeasedSink(SpeechSink sink, Swappable.Lease<Part> lease) implements SpeechSink {

        @Override
        public void awaitRoom() throws InterruptedException {
            sink.awaitRoom();
        }

        @Override
        public void piece(int chunk, AudioClip piece) {
            sink.piece(chunk, piece);
        }

        @Override
        public void chunkDone(int chunk, String text) {
            sink.chunkDone(chunk, text);
        }

        @Override
        public void finish() throws InterruptedException {
            try {
                sink.finish();
            } finally {
                lease.close();
            }
        }

        @Override
        public String silence() {
            try {
                return sink.silence();
            } finally {
                lease.close();
            }
        }
    }
}
