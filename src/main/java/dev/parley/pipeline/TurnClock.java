package dev.parley.pipeline;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Marks when each stage of one turn first happened, relative to the turn's start. Marks come from
 * the LLM and synthesis threads; only the first mark of each counts.
 */
public final class TurnClock {

    private static final AtomicLong TURNS = new AtomicLong();

    private final long turn = TURNS.incrementAndGet();
    private long start = System.nanoTime();
    private long stt = -1;
    private long firstToken = -1;
    private long firstChunk = -1;
    private long firstAudio = -1;
    private long firstSound = -1;

    /** This turn's number, unique in the process. */
    public long turn() {
        return turn;
    }

    /**
     * The user stopped talking: the waterfall is measured from here. A push-to-talk turn gets its
     * number at the press, so partial transcripts belong to it, but its clock starts at the release.
     */
    public synchronized void markEndOfSpeech() {
        start = System.nanoTime();
    }

    public synchronized void markSttDone() {
        stt = elapsed();
    }

    public synchronized void markFirstToken() {
        if (firstToken < 0) {
            firstToken = elapsed();
        }
    }

    synchronized void markFirstChunk() {
        if (firstChunk < 0) {
            firstChunk = elapsed();
        }
    }

    public synchronized void markFirstAudio() {
        if (firstAudio < 0) {
            firstAudio = elapsed();
        }
    }

    /** The first sample of the answer was written to the output device. */
    public synchronized void markFirstSound() {
        if (firstSound < 0) {
            firstSound = elapsed();
        }
    }

    public synchronized TurnTimings finish() {
        return new TurnTimings(millis(stt), millis(firstToken), millis(firstChunk), millis(firstAudio),
                millis(firstSound), millis(elapsed()));
    }

    private long elapsed() {
        return System.nanoTime() - start;
    }

    private static long millis(long nanos) {
        return nanos < 0 ? -1 : nanos / 1_000_000;
    }
}
