package dev.parley.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.audio.echo.EchoCancellers;
import dev.parley.audio.echo.EchoOptions;
import dev.parley.config.AudioConfig;
import dev.parley.config.ParleyPaths;
import dev.parley.stt.VoskRecognizer;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The wake word as {@code parley bench --duplex} measures it (the {@link WakeBench}: each wake clip
 * before three questions in the same breath, behind the echo canceller, in room noise; non-wake
 * sentences replayed at five levels), on the shipped clips and on the held-out set the spotter was
 * not tuned on (src/test/resources/bench/duplex/heldout-*). Prints MEASURE lines.
 */
@Tag("real")
class WakeBenchHeldOutTest {

    /** The user's level in the duplex bench's rooms (docs/performance.md), and its 20 dB signal-to-noise. */
    private static final double USER_DBFS = -20.4;
    private static final double NOISE_DBFS = USER_DBFS - DuplexBench.Settings.DEFAULT_SNR_DB;
    private static final double NON_WAKE_SECONDS = 10 * 60;
    private static VoskRecognizer recognizer;

    @BeforeAll
    static void load() {
        recognizer = VoskRecognizer.load(ParleyPaths.fromEnvironment().bundledSpeechModel());
    }

    @AfterAll
    static void close() {
        recognizer.close();
    }

    // Floors just under today's figures (shipped 48/48, 0 false accepts in 0.19 h; held-out 89/90,
    // 17 in 0.17 h of sound-alikes such as "hey polly"), so a change that makes it worse fails here.
    @Test
    void theShippedSetMeetsTheHitGoalWithoutFalseAccepts() {
        WakeBench.Result result = measure("shipped", BenchSpeech.WAKE, BenchSpeech.OTHER);

        assertThat(result.hits()).isGreaterThanOrEqualTo((int) Math.ceil(0.95 * result.trials()));
        assertThat(result.falseAccepts()).isZero();
    }

    @Test
    void theHeldOutSetMeetsTheHitGoal() {
        WakeBench.Result result = measure("held-out", "heldout-wake", "heldout-other");

        assertThat(result.hits()).isGreaterThanOrEqualTo((int) Math.ceil(0.95 * result.trials()));
        assertThat(result.falseAccepts()).isLessThanOrEqualTo(17);
    }

    private static WakeBench.Result measure(String name, String wakeSet, String otherSet) {
        AudioConfig audio = AudioConfig.defaults();
        EchoOptions options = new EchoOptions(true, audio.noiseSuppression(), audio.autoGain(), audio.highPassFilter());
        List<BenchSpeech.Clip> wakes = BenchSpeech.load(wakeSet);
        WakeBench.Result r = new WakeBench(recognizer, DuplexBench.WAKE_WORD, () -> EchoCancellers.create(options),
                USER_DBFS, NOISE_DBFS, 7).run(wakes, BenchSpeech.load(BenchSpeech.USER), BenchSpeech.load(otherSet),
                        wakes.size() * WakeBench.QUESTIONS_PER_WAKE, NON_WAKE_SECONDS);
        System.out.printf(Locale.ROOT, "MEASURE wake bench, %s set: hits %d/%d = %.1f %%, %d false accepts in %.2f h"
                + " (%.1f per hour), %.1f ms CPU per second of non-wake audio%n  missed: %s%n  woke on: %s%n", name,
                r.hits(), r.trials(), 100.0 * r.hits() / r.trials(), r.falseAccepts(), r.otherSeconds() / 3600,
                r.falseAccepts() / (r.otherSeconds() / 3600), r.cpuNanos() / 1e6 / r.otherSeconds(), r.missed(),
                r.falselyAccepted());
        return r;
    }
}
