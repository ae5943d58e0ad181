package dev.parley.audio;

import java.time.Duration;

/**
 * Finds where an utterance starts and ends in a stream of audio, for hands-free listening: an energy
 * detector with hysteresis over 10 ms frames, relative to a noise floor it tracks by itself.
 *
 * <p>Speech starts once frames stay {@value #START_ABOVE_FLOOR_DB} dB above the floor for
 * {@value #START_MILLIS} ms (a click or a cough does not qualify); it ends once they stay under the
 * lower threshold, {@value #END_ABOVE_FLOOR_DB} dB above the floor, for the configured silence (a
 * pause between words does not end it). The floor follows a quieter frame at once and a louder one
 * slowly ({@value #FLOOR_RISE_DB_PER_SECOND} dB/s), so it settles on the background noise, adapts to a
 * fan switched on, and barely moves while someone talks. Thresholds never go below fixed minimums, so
 * the dither of a digitally silent input is not speech. Not thread-safe: one producer.
 */
public final class SpeechEndpointer {

    /** What a block of audio changed. */
    public enum Event { NONE, SPEECH_STARTED, SPEECH_ENDED }

    static final int START_MILLIS = 100;
    static final double START_ABOVE_FLOOR_DB = 12;
    static final double END_ABOVE_FLOOR_DB = 6;
    static final double FLOOR_RISE_DB_PER_SECOND = 3;
    /** Quieter than this is never speech: well below a voice on any working microphone. */
    static final double MIN_START_DBFS = -55;
    static final double MIN_END_DBFS = -60;
    private static final int FRAME_MILLIS = 10;
    private static final int MAX_BLOCK_MILLIS = 100;

    private final int frameSamples;
    private final int startFrames;
    private final int endFrames;
    private final int maxBlockSamples;
    private final double floorRisePerFrame = FLOOR_RISE_DB_PER_SECOND * FRAME_MILLIS / 1000;

    private double floorDb = Double.NaN;
    private boolean speaking;
    private int loudFrames;
    private int quietFrames;
    private double frameSum;
    private int frameFill;
    private long samplesSeen;
    private long speechStart = -1;
    private long speechEnd = -1;

    /**
     * @param sampleRate the rate of the audio to come
     * @param endOfSpeechSilence the pause that ends an utterance ({@code audio.end-of-speech-silence-ms})
     */
    public SpeechEndpointer(int sampleRate, Duration endOfSpeechSilence) {
        this.frameSamples = sampleRate * FRAME_MILLIS / 1000;
        this.startFrames = START_MILLIS / FRAME_MILLIS;
        this.endFrames = (int) Math.max(1, endOfSpeechSilence.toMillis() / FRAME_MILLIS);
        this.maxBlockSamples = sampleRate * MAX_BLOCK_MILLIS / 1000;
    }

    /**
     * Takes the next block (at most 100 ms, so it can hold at most one change) and says whether speech
     * started or ended in it.
     */
    public Event accept(float[] samples) {
        if (samples.length > maxBlockSamples) {
            throw new IllegalArgumentException("blocks of at most " + MAX_BLOCK_MILLIS + " ms (" + maxBlockSamples
                    + " samples), so that one block holds at most one change; got " + samples.length);
        }
        Event event = Event.NONE;
        for (float sample : samples) {
            frameSum += sample * (double) sample;
            samplesSeen++;
            if (++frameFill == frameSamples) {
                Event frameEvent = frame(10 * Math.log10(frameSum / frameSamples + 1e-12));
                if (frameEvent != Event.NONE) {
                    event = frameEvent;
                }
                frameSum = 0;
                frameFill = 0;
            }
        }
        return event;
    }

    private Event frame(double db) {
        floorDb = Double.isNaN(floorDb) || db < floorDb ? db : Math.min(db, floorDb + floorRisePerFrame);
        double startThreshold = Math.max(MIN_START_DBFS, floorDb + START_ABOVE_FLOOR_DB);
        double endThreshold = Math.max(MIN_END_DBFS, floorDb + END_ABOVE_FLOOR_DB);
        if (!speaking) {
            // Between the thresholds, a run of loud frames neither grows nor breaks: hysteresis.
            loudFrames = db >= startThreshold ? loudFrames + 1 : db < endThreshold ? 0 : loudFrames;
            if (loudFrames >= startFrames) {
                speaking = true;
                quietFrames = 0;
                speechStart = samplesSeen - (long) loudFrames * frameSamples;
                return Event.SPEECH_STARTED;
            }
        } else {
            quietFrames = db < endThreshold ? quietFrames + 1 : 0;
            if (quietFrames >= endFrames) {
                speaking = false;
                loudFrames = 0;
                speechEnd = samplesSeen - (long) quietFrames * frameSamples;
                return Event.SPEECH_ENDED;
            }
        }
        return Event.NONE;
    }

    public boolean inSpeech() {
        return speaking;
    }

    /** Where the latest utterance began, in samples since the first block (-1 before any): before the event. */
    public long speechStartSample() {
        return speechStart;
    }

    /** Where the latest utterance's closing silence began, in samples since the first block (-1 before any). */
    public long speechEndSample() {
        return speechEnd;
    }

    /** The background level the thresholds are relative to, in dBFS (NaN before the first frame). */
    public double noiseFloorDb() {
        return floorDb;
    }
}
