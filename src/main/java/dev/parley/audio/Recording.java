package dev.parley.audio;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * One utterance being taken from a {@link Microphone}: its pre-roll, then live 16 kHz mono blocks, each
 * handed to the consumer in order on the recording's own thread (so a slow consumer, such as a
 * recognizer, never holds up capture). {@link #stop} ends it. Thread-safe.
 */
public final class Recording {

    private static final Logger LOG = LogManager.getLogger(Recording.class);
    private static final float[] END = new float[0];

    private final Consumer<float[]> consumer;
    private final Consumer<Recording> detach;
    private final BlockingQueue<float[]> queue = new LinkedBlockingQueue<>();
    /** Every block taken, for the clip {@link #stop} returns, if it keeps them; guarded by itself. */
    private final List<float[]> blocks = new ArrayList<>();
    /**
     * Whether the audio is kept for {@link #stop}: not while listening hands-free, where a recording may
     * wait for speech all day (64 KB a second).
     */
    private final boolean keepAudio;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final Thread deliverer;

    Recording(Consumer<float[]> consumer, Consumer<Recording> detach, boolean keepAudio) {
        this.consumer = consumer;
        this.keepAudio = keepAudio;
        this.detach = detach;
        this.deliverer = Thread.ofVirtual().name("parley-recording").start(this::deliver);
    }

    /**
     * Called by the microphone only, in capture order, and never after {@code detach} returned. The
     * block is shared with other recordings and must not change; consumers get copies.
     */
    void offer(float[] block) {
        if (keepAudio) {
            synchronized (blocks) {
                blocks.add(block);
            }
        }
        queue.add(block);
    }

    /**
     * Stops taking audio and returns all of it (pre-roll included) at {@link Microphone#SAMPLE_RATE}, or
     * an empty clip for a recording that does not keep it ({@link Microphone#startListening}).
     * Blocks captured before the call are still delivered, and have been by the time it returns; no
     * block is delivered after. Called from inside the consumer it returns at once, and the blocks
     * still queued follow when the consumer returns. Calling it again returns the same audio.
     */
    public AudioClip stop() {
        if (stopped.compareAndSet(false, true)) {
            detach.accept(this);
            queue.add(END);
        }
        if (Thread.currentThread() != deliverer) {
            try {
                deliverer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the caller wants out; the clip is complete anyway
            }
        }
        return audio();
    }

    /** The audio taken so far. */
    public AudioClip audio() {
        List<AudioClip> clips;
        synchronized (blocks) {
            clips = blocks.stream().map(block -> new AudioClip(block, Microphone.SAMPLE_RATE)).toList();
        }
        return AudioClip.concat(clips, Microphone.SAMPLE_RATE);
    }

    public Duration duration() {
        long samples;
        synchronized (blocks) {
            samples = blocks.stream().mapToLong(block -> block.length).sum();
        }
        return Duration.ofNanos(samples * 1_000_000_000L / Microphone.SAMPLE_RATE);
    }

    public boolean isStopped() {
        return stopped.get();
    }

    private void deliver() {
        boolean consumerFailed = false;
        while (true) {
            float[] block;
            try {
                block = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (block == END) {
                return;
            }
            if (!consumerFailed) {
                try {
                    consumer.accept(block.clone());
                } catch (RuntimeException e) {
                    // The audio is still recorded; only this consumer stops hearing it.
                    consumerFailed = true;
                    LOG.error("A recording's consumer failed; it gets no more audio", e);
                }
            }
        }
    }
}
