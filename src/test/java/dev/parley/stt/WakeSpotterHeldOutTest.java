package dev.parley.stt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.bench.BenchSpeech;
import dev.parley.bench.RoomNoise;
import dev.parley.config.ParleyPaths;
import dev.parley.voice.WakeGate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.vosk.Model;
import org.vosk.Recognizer;

/**
 * The wake-word spotter on the shipped bench clips and on a held-out set it was not tuned on
 * (other espeak-ng voices, speeds and sound-alikes; made by scripts/make-bench-audio into the test
 * resources): each clip alone through the {@link WakeGate}, at the user's level and 6 dB either side.
 * With {@code -Dparley.wakeDiagnose=true} it also prints what the grammar recognizer heard for every
 * clip that went wrong.
 */
@Tag("real")
class WakeSpotterHeldOutTest {

    private static final String PHRASE = "hey parley";
    private static final double LEVEL_DBFS = -26;
    private static final double NOISE_DBFS = LEVEL_DBFS - 30;
    private static final double[] GAINS_DB = {0, -6, 6};
    private static final int RATE = SpeechRecognizer.SAMPLE_RATE;
    private static VoskRecognizer recognizer;
    private static Model model;

    @BeforeAll
    static void load() {
        recognizer = VoskRecognizer.load(ParleyPaths.fromEnvironment().bundledSpeechModel());
        if (Boolean.getBoolean("parley.wakeDiagnose")) {
            try {
                model = new Model(ParleyPaths.fromEnvironment().bundledSpeechModel().toAbsolutePath().toString());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    @AfterAll
    static void close() {
        recognizer.close();
        if (model != null) {
            model.close();
        }
    }

    // Floors just under what the spotter does today (shipped 48/48 hits, 3 of 90 sentences accepted;
    // held-out 83/90 hits, 3 of 60), so a change that makes it worse fails here. Issue 14's goal
    // (95 % hits, at most 1 false accept an hour) is not met on the held-out set: docs/performance.md.
    @Test
    void theShippedSetWakesOnThePhraseAndRarelyOnOthers() {
        Figures figures = measure("shipped", BenchSpeech.WAKE, BenchSpeech.OTHER);

        assertThat(figures.hitRate()).isGreaterThanOrEqualTo(0.95);
        assertThat(figures.falselyAccepted().size()).isLessThanOrEqualTo(3);
    }

    @Test
    void theHeldOutSetWakesOnThePhraseAndRarelyOnOthers() {
        Figures figures = measure("held-out", "heldout-wake", "heldout-other");

        assertThat(figures.hitRate()).isGreaterThanOrEqualTo(0.9);
        assertThat(figures.falselyAccepted().size()).isLessThanOrEqualTo(3);
    }

    private record Figures(int trials, List<String> missed, List<String> falselyAccepted) {

        double hitRate() {
            return (trials - missed.size()) / (double) trials;
        }
    }

    private static Figures measure(String name, String wakeSet, String otherSet) {
        List<BenchSpeech.Clip> wakes = BenchSpeech.load(wakeSet);
        List<BenchSpeech.Clip> others = BenchSpeech.load(otherSet);
        List<String> missed = new ArrayList<>();
        List<String> accepted = new ArrayList<>();
        long cpu = 0;
        double otherSeconds = 0;
        try (PhraseSpotter spotter = recognizer.spotter(PHRASE)) {
            for (double gain : GAINS_DB) {
                for (BenchSpeech.Clip wake : wakes) {
                    if (!wakes(spotter, wake, gain)) {
                        missed.add(describe(wake, gain));
                    }
                }
                for (BenchSpeech.Clip other : others) {
                    long start = System.nanoTime();
                    boolean woke = wakes(spotter, other, gain);
                    cpu += System.nanoTime() - start;
                    otherSeconds += other.seconds() + 2;
                    if (woke) {
                        accepted.add(describe(other, gain));
                    }
                }
            }
        }
        Figures figures = new Figures(wakes.size() * GAINS_DB.length, missed, accepted);
        System.out.printf(Locale.ROOT, "MEASURE wake spotter, %s set: hits %d/%d = %.1f %%, false accepts %d of %d"
                + " sentences, %.1f ms per second of non-wake audio%n  missed: %s%n  accepted: %s%n", name,
                figures.trials() - missed.size(), figures.trials(), 100 * figures.hitRate(), accepted.size(),
                others.size() * GAINS_DB.length, cpu / 1e6 / otherSeconds, missed, accepted);
        return figures;
    }

    private static String describe(BenchSpeech.Clip clip, double gain) {
        return String.format(Locale.ROOT, "%s %s '%s' %+.0f dB", clip.name(), clip.voice(), clip.words(), gain);
    }

    /** One clip between a second of silence either side, through the gate in 100 ms blocks. */
    private static boolean wakes(PhraseSpotter spotter, BenchSpeech.Clip clip, double gainDb) {
        float[] speech = RoomNoise.atLevel(clip.samples(), LEVEL_DBFS + gainDb);
        float[] audio = new float[speech.length + 2 * RATE];
        System.arraycopy(speech, 0, audio, RATE, speech.length);
        RoomNoise.addInto(audio, 0, RoomNoise.of(audio.length, NOISE_DBFS, clip.name().hashCode()));
        AtomicInteger woke = new AtomicInteger();
        WakeGate gate = new WakeGate(spotter, recognizer::stream, partial -> { }, Duration.ofMillis(800), () -> { },
                woke::incrementAndGet);
        int block = RATE / 10;
        for (int at = 0; at < audio.length && woke.get() == 0; at += block) {
            gate.accept(Arrays.copyOfRange(audio, at, Math.min(audio.length, at + block)));
        }
        gate.cancel();
        boolean expected = clip.words().equals(PHRASE);
        if (model != null && expected != (woke.get() > 0)) {
            diagnose(clip, gainDb, audio);
        }
        return woke.get() > 0;
    }

    private static void diagnose(BenchSpeech.Clip clip, double gainDb, float[] audio) {
        byte[] pcm = new dev.parley.audio.AudioClip(audio, RATE).toPcm16le();
        for (int alternatives : new int[] {0, 5}) {
            try (Recognizer grammar = new Recognizer(model, RATE, VoskPhraseSpotter.grammar(PHRASE))) {
                grammar.setWords(true);
                grammar.setMaxAlternatives(alternatives);
                grammar.acceptWaveForm(pcm, pcm.length);
                System.out.printf(Locale.ROOT, "DIAG\t%s\t%s\t%s\t%+.0f\t%d\t%s%n", clip.name(), clip.voice(), clip.words(), gainDb, alternatives,
                        grammar.getFinalResult().replaceAll("\\s+", " "));
            }
        }
    }
}
