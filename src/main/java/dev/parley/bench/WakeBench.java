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
import java.util.Locale;
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
     * @param missed the trials that did not wake it: wake clip and question
     * @param otherSeconds non-wake audio heard (pauses included) while waiting
     * @param falselyAccepted the non-wake sentences that woke it, once per time
     * @param cpuNanos the capture path's CPU time (canceller, endpointer, spotter) over that audio
     */
    public record Result(int trials, int hits, List<String> missed, double otherSeconds, List<String> falselyAccepted,
            long cpuNanos) {

        public int falseAccepts() {
            return falselyAccepted.size();
        }
    }

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
            List<String> missed = new ArrayList<>();
            for (int trial = 0; trial < wakeTrials; trial++) {
                // Wake clip by wake clip, each before QUESTIONS_PER_WAKE questions in turn.
                BenchSpeech.Clip wake = wakes.get(trial / QUESTIONS_PER_WAKE % wakes.size());
                BenchSpeech.Clip question = questions.get(trial % questions.size());
                float[] audio = concat(silence(0.8), RoomNoise.atLevel(wake.samples(), userDbfs), silence(0.15),
                        RoomNoise.atLevel(question.samples(), userDbfs), silence(1.5));
                RoomNoise.addInto(audio, 0, RoomNoise.of(audio.length, noiseDbfs, seed + trial));
                if (wakes(spotter, canceller.processAll(new float[0], audio)).isEmpty()) {
                    missed.add(wake.name() + " (" + wake.voice() + ") + " + question.words());
                } else {
                    hits++;
                }
            }
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long cpuStart = threads.getCurrentThreadCpuTime();
            long heard = 0;
            List<String> falselyAccepted = new ArrayList<>();
            for (int pass = 0; heard < otherSeconds * RATE; pass++) {
                double gainDb = REPLAY_GAINS_DB[pass % REPLAY_GAINS_DB.length];
                List<float[]> parts = new ArrayList<>();
                int[] starts = new int[others.size()];
                int at = 0;
                for (int i = 0; i < others.size(); i++) {
                    parts.add(silence(1.0));
                    parts.add(RoomNoise.atLevel(others.get(i).samples(), userDbfs + gainDb));
                    starts[i] = at + parts.get(parts.size() - 2).length;
                    at = starts[i] + parts.getLast().length;
                }
                parts.add(silence(1.0));
                float[] audio = concat(parts.toArray(float[][]::new));
                RoomNoise.addInto(audio, 0, RoomNoise.of(audio.length, noiseDbfs, seed + 1000 + pass));
                for (int woke : wakes(spotter, canceller.processAll(new float[0], audio))) {
                    // The gate wakes at or after the sentence's end: it is the last one that started before.
                    int sentence = 0;
                    while (sentence + 1 < starts.length && starts[sentence + 1] < woke) {
                        sentence++;
                    }
                    falselyAccepted.add(others.get(sentence).words() + String.format(Locale.ROOT, " (%+.0f dB)", gainDb));
                }
                heard += audio.length;
            }
            return new Result(wakeTrials, hits, missed, heard / (double) RATE, falselyAccepted,
                    threads.getCurrentThreadCpuTime() - cpuStart);
        }
    }

    /** Where the gate woke on {@code audio} (sample index); after each wake it is dropped and waiting starts afresh. */
    private List<Integer> wakes(PhraseSpotter spotter, float[] audio) {
        AtomicInteger woke = new AtomicInteger();
        WakeGate gate = gate(spotter, woke);
        List<Integer> wakes = new ArrayList<>();
        for (int at = 0; at + BLOCK <= audio.length; at += BLOCK) {
            gate.accept(Arrays.copyOfRange(audio, at, at + BLOCK));
            if (woke.get() > 0) {
                wakes.add(at + BLOCK);
                gate.cancel();
                woke.set(0);
                gate = gate(spotter, woke);
            }
        }
        gate.cancel();
        return wakes;
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
