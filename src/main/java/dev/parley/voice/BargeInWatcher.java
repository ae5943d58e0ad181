package dev.parley.voice;

import dev.parley.audio.SpeechEndpointer;
import java.time.Duration;

/**
 * Decides when the user is talking over Parley: fed the echo-cancelled microphone (16 kHz blocks of
 * at most 100 ms) and the recognizer's partial words for the same audio, it answers "barge in now".
 *
 * <p>A run of voice counts: 10 ms frames loud enough above the tracked noise floor, with gaps of at
 * most {@value #GAP_MILLIS} ms between them (the pauses inside a sentence); a longer gap starts a new
 * run. The user barges in once a run holds {@code minSpeech} of voiced frames; or once it spans
 * {@code minSpeech} from its first voiced frame to its latest with at least {@value #MIN_VOICED_SHARE}
 * of those frames voiced: speech is not voiced in every frame (quiet consonants, the gaps between
 * syllables), and counting voiced frames alone made a barge-in wait ~100 ms longer than the voice had
 * lasted (`parley bench --duplex`: p50 407 → 332 ms, still no false barge-in in 10 minutes of Parley
 * alone in noise); or once it holds {@value #WORD_MIN_MILLIS} ms of voiced frames and a recognized word
 * that was not there when the run began.
 * So a cough, a door or a key press (short runs, no words) and what is left of Parley's own voice after
 * echo cancellation (quiet, below the threshold) do not interrupt. Once it said yes it stays yes.
 *
 * <p>Not thread-safe: one producer, as the microphone's recording thread is.
 */
public final class BargeInWatcher {

    /** The default of {@code audio.barge-in-min-ms}. */
    public static final int DEFAULT_MIN_SPEECH_MS = 250;
    static final int GAP_MILLIS = 200;
    /** Voice that a recognized word confirms: as long as the end-pointer needs to call it speech. */
    static final int WORD_MIN_MILLIS = 100;
    /** A voiced frame stands this far above the noise floor, as speech must to start an utterance. */
    static final double ABOVE_FLOOR_DB = 12;
    /** Of a run's frames from its first voiced one to its latest, at least this share is voiced. */
    static final double MIN_VOICED_SHARE = 0.6;
    /** Quieter than this is never the user: well below a voice, above a canceller's leftover echo. */
    static final double MIN_VOICE_DBFS = -50;
    private static final int SAMPLE_RATE = 16_000;
    private static final int FRAME_SAMPLES = SAMPLE_RATE / 100;

    private final int minSpeechFrames;
    /** Tracks the noise floor the frames are judged against. */
    private final SpeechEndpointer floor = new SpeechEndpointer(SAMPLE_RATE, Duration.ofMillis(GAP_MILLIS));
    private final float[] frame = new float[FRAME_SAMPLES];
    private int frameFill;
    private long samplesSeen;
    private int voicedFrames;
    /** Frames from the run's first voiced frame to its latest voiced one, both included. */
    private int spanFrames;
    private int quietFrames;
    private long runStartSample = -1;
    private int words;
    private int wordsAtRunStart;
    private boolean bargedIn;
    private long bargeInSample = -1;

    /** @param minSpeech how much voice barges in without a recognized word ({@code audio.barge-in-min-ms}) */
    public BargeInWatcher(Duration minSpeech) {
        if (minSpeech.isNegative() || minSpeech.isZero()) {
            throw new IllegalArgumentException("the minimum speech for a barge-in must be positive: " + minSpeech);
        }
        this.minSpeechFrames = (int) Math.max(1, minSpeech.toMillis() / 10);
    }

    /**
     * Takes the next block of echo-cancelled microphone audio (16 kHz mono, at most 100 ms) and
     * answers whether the user has barged in (from this block on, always true).
     */
    public boolean hear(float[] block) {
        return hear(block, false);
    }

    /**
     * The same, for a block the echo canceller found to carry Parley's own voice ({@code ownVoice}:
     * {@code LiveEchoCancellation.leaksOwnVoice()}): none of its frames counts as the user's voice.
     */
    public boolean hear(float[] block, boolean ownVoice) {
        for (float sample : block) {
            frame[frameFill++] = sample;
            samplesSeen++;
            if (frameFill == FRAME_SAMPLES) {
                frameFill = 0;
                judge(frame, ownVoice);
            }
        }
        return bargedIn;
    }

    /**
     * Takes the recognizer's partial transcript of the same audio, whenever it changes (a new stream
     * starting at "" is fine), and answers whether the user has barged in.
     */
    public boolean words(String partial) {
        int count = partial.isBlank() ? 0 : partial.strip().split("\\s+").length;
        if (count < wordsAtRunStart) {
            wordsAtRunStart = count; // a new recognition stream
        }
        words = count;
        decide();
        return bargedIn;
    }

    /**
     * Whether a run of voice is under way: a voiced frame came, and no pause longer than
     * {@value #GAP_MILLIS} ms since. The first voiced frame of a cough counts too; what it becomes is
     * decided later.
     */
    public boolean hearingVoice() {
        return voicedFrames > 0;
    }

    /** Whether the user has barged in. */
    public boolean bargedIn() {
        return bargedIn;
    }

    /** Where the barging run of voice began, in samples since the first block (-1 before a barge-in). */
    public long speechStartSample() {
        return bargedIn ? runStartSample : -1;
    }

    /** Where the decision was made, in samples since the first block (-1 before a barge-in). */
    public long bargeInSample() {
        return bargeInSample;
    }

    private void judge(float[] samples, boolean ownVoice) {
        floor.accept(samples);
        double sum = 0;
        for (float sample : samples) {
            sum += sample * (double) sample;
        }
        double db = 10 * Math.log10(sum / samples.length + 1e-12);
        boolean voiced = !ownVoice && db >= Math.max(MIN_VOICE_DBFS, floor.noiseFloorDb() + ABOVE_FLOOR_DB);
        if (voiced) {
            if (voicedFrames == 0) {
                runStartSample = samplesSeen - FRAME_SAMPLES;
                wordsAtRunStart = words;
                spanFrames = 0;
            }
            voicedFrames++;
            spanFrames += quietFrames + 1;
            quietFrames = 0;
        } else if (voicedFrames > 0 && ++quietFrames * 10 > GAP_MILLIS && !bargedIn) {
            voicedFrames = 0;
            quietFrames = 0;
        }
        decide();
    }

    private void decide() {
        if (bargedIn) {
            return;
        }
        boolean longEnough = voicedFrames >= minSpeechFrames
                || spanFrames >= minSpeechFrames && voicedFrames >= spanFrames * MIN_VOICED_SHARE;
        boolean confirmedByWord = voicedFrames * 10 >= WORD_MIN_MILLIS && words > wordsAtRunStart;
        if (longEnough || confirmedByWord) {
            bargedIn = true;
            bargeInSample = samplesSeen;
        }
    }
}
