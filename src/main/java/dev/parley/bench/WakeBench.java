package dev.parley.bench;

import dev.parley.audio.Microphone;
import dev.parley.audio.echo.EchoCanceller;
import dev.parley.stt.PhraseSpotter;
import dev.parley.stt.SpeechRecognizer;
import dev.parley.voice.WakeGate;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The wake word as hands-free listening waits for it: the microphone (user's voice, room noise)
 * through the echo canceller, in 25 ms blocks, into the app's {@link WakeGate} on the real
 * {@link PhraseSpotter}. Hits: each shipped "hey parley" followed by a question; false accepts: the
 * shipped non-wake sentences, one after another with pauses, replayed at other levels and over other
 * noise until the asked length of audio has been heard.
 */
public final class WakeBench {

    /** Each wake clip is tried before this many different questions. */
    static final int QUESTIONS_PER_WAKE = 3;
    /** Each replay of the non-wake set is this much louder or quieter than the user's level, in turn. */
    private static final double[] REPLAY_GAINS_DB = {0, -6, 6, -3, 3};

    private static final int RATE = BenchSpeech.SAMPLE_RATE;
    private static final int BLOCK = Microphone.BLOCK_SAMPLES;
    private static final Duration END_OF_SPEECH = Duration.ofMillis(800);

    /**
     * @param otherSeconds non-wake audio heard (pauses included) while waiting
     * @param cpuNanos the capture path's CPU time (canceller, endpointer, spotter) over that audio
     */
    public record Result(int trials, int hits, double otherSeconds, int falseAccepts, long cpuNanos) {}

    private final SpeechRecognizer recognizer;
    private final String phrase;
    private final Supplier<EchoCanceller> cancellers;
    private final double userDbfs;
    private final double noiseDbfs;
    private final long seed;

    WakeBench(SpeechRecognizer recognizer, String phrase, Supplier<EchoCanceller> cancellers, double userDbfs,
            double noiseDbfs, long seed) {
        this.recognizer = recognizer;
        this.phrase = phrase;
        this.cancellers = cancellers;
        this.userDbfs = userDbfs;
        this.noiseDbfs = noiseDbfs;
        this.seed = seed;
    }

    Result run(List<BenchSpeech.Clip> wakes, List<BenchSpeech.Clip> questions, List<BenchSpeech.Clip> others,
            int wakeTrials, double otherSeconds) {
        try (PhraseSpotter spotter = recognizer.spotter(phrase); EchoCanceller canceller = cancellers.get()) {
            int hits = 0;
            for (int trial = 0; trial < wakeTrials; trial++) {
                // Wake clip by wake clip, each before QUESTIONS_PER_WAKE questions in turn.
                BenchSpeech.Clip wake = wakes.get(trial / QUESTIONS_PER_WAKE % wakes.size());
                BenchSpeech.Clip question = questions.get(trial % questions.size());
                float[] audio = concat(silence(0.8), RoomNoise.atLevel(wake.samples(), userDbfs), silence(0.15),
                        RoomNoise.atLevel(question.samples(), userDbfs), silence(1.5));
                RoomNoise.addInto(audio, 0, RoomNoise.of(audio.length, noiseDbfs, seed + trial));
                hits += wakes(spotter, canceller.processAll(new float[0], audio)) > 0 ? 1 : 0;
            }
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long cpuStart = threads.getCurrentThreadCpuTime();
            long heard = 0;
            int falseAccepts = 0;
            for (int pass = 0; heard < otherSeconds * RATE; pass++) {
                double gainDb = REPLAY_GAINS_DB[pass % REPLAY_GAINS_DB.length];
                List<float[]> parts = new ArrayList<>();
                for (BenchSpeech.Clip other : others) {
                    parts.add(silence(1.0));
                    parts.add(RoomNoise.atLevel(other.samples(), userDbfs + gainDb));
                }
                parts.add(silence(1.0));
                float[] audio = concat(parts.toArray(float[][]::new));
                RoomNoise.addInto(audio, 0, RoomNoise.of(audio.length, noiseDbfs, seed + 1000 + pass));
                falseAccepts += wakes(spotter, canceller.processAll(new float[0], audio));
                heard += audio.length;
            }
            return new Result(wakeTrials, hits, heard / (double) RATE, falseAccepts,
                    threads.getCurrentThreadCpuTime() - cpuStart);
        }
    }

    /** How often the gate woke on {@code audio}; after each wake it is dropped and waiting starts afresh. */
    private int wakes(PhraseSpotter spotter, float[] audio) {
        AtomicInteger woke = new AtomicInteger();
        WakeGate gate = gate(spotter, woke);
        int count = 0;
        for (int at = 0; at + BLOCK <= audio.length; at += BLOCK) {
            gate.accept(Arrays.copyOfRange(audio, at, at + BLOCK));
            if (woke.get() > 0) {
                count++;
                gate.cancel();
                woke.set(0);
                gate = gate(spotter, woke);
            }
        }
        gate.cancel();
        return count;
    }

    private WakeGate gate(PhraseSpotter spotter, AtomicInteger woke) {
        return new WakeGate(spotter, recognizer::stream, partial -> { }, END_OF_SPEECH, () -> { },
                woke::incrementAndGet);
    }

    private static float[] silence(double seconds) {
        return new float[(int) (seconds * RATE)];
    }

    private static float[] concat(float[]... parts) {
        int length = Arrays.stream(parts).mapToInt(part -> part.length).sum();
        float[] joined = new float[length];
        int at = 0;
        for (float[] part : parts) {
            System.arraycopy(part, 0, joined, at, part.length);
            at += part.length;
        }
        return joined;
    }
}
