package dev.parley.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.audio.echo.EchoCancellers;
import dev.parley.audio.echo.EchoOptions;
import dev.parley.audio.echo.PassThroughEchoCanceller;
import dev.parley.config.ParleyPaths;
import dev.parley.stt.VoskRecognizer;
import dev.parley.tts.MaryTtsSynthesizer;
import dev.parley.voice.BargeInWatcher;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code parley bench --duplex} on a short setting (one room, a few answers), with the real voice,
 * the real speech model and the real WebRTC canceller, against the same bench with the canceller
 * off: the figures must tell the two apart.
 */
@Tag("real")
class DuplexBenchTest {

    private static final DuplexBench.Settings SHORT = new DuplexBench.Settings(0.4, 3, 6, 0.3, List.of(60),
            DuplexBench.Settings.DEFAULT_SNR_DB);

    private static MaryTtsSynthesizer voice;
    private static VoskRecognizer recognizer;

    @BeforeAll
    static void start() {
        voice = MaryTtsSynthesizer.start("cmu-slt-hsmm");
        recognizer = VoskRecognizer.load(ParleyPaths.fromEnvironment().bundledSpeechModel());
    }

    @AfterAll
    static void stop() {
        recognizer.close();
        voice.close();
    }

    private static DuplexBench bench(boolean cancelEcho) {
        return new DuplexBench(voice, recognizer,
                cancelEcho ? () -> EchoCancellers.create(new EchoOptions(true, false, false, true))
                        : PassThroughEchoCanceller::new,
                Duration.ofMillis(BargeInWatcher.DEFAULT_MIN_SPEECH_MS));
    }

    @Test
    void withTheCancellerParleysEchoIsGoneAndTheUserIsHeard() {
        DuplexBench.Result r = bench(true).run(SHORT);
        System.out.printf("MEASURE cancel on: ERLE p50 %.1f dB, false %d in %.2f min, latencies %s, missed %d,"
                + " WER clean %.2f overlap %.2f never stopping %.2f, wake %d/%d, false accepts %d in %.0f s,"
                + " CPU %.1f / %.1f ms/s%n", r.erle().p50(), r.falseBargeIns(), r.aloneMinutes(),
                Arrays.toString(r.latenciesMs()), r.missed(), r.cleanWer(), r.overlapWer(),
                r.neverStoppingWer(), r.wake().hits(), r.wake().trials(), r.wake().falseAccepts(),
                r.wake().otherSeconds(), r.speakingCpuMsPerSecond(), r.waitingCpuMsPerSecond());

        assertThat(r.processing()).contains("WebRTC");
        assertThat(r.erle().p50()).isGreaterThan(20);
        assertThat(r.aloneMinutes()).isGreaterThanOrEqualTo(0.4);
        assertThat(r.falseBargeIns()).isZero();
        assertThat(r.talkedOver()).isEqualTo(3);
        assertThat(r.latenciesMs()).isNotEmpty();
        assertThat(Arrays.stream(r.latenciesMs()).min().orElseThrow()).isPositive();
        assertThat(Arrays.stream(r.latenciesMs()).max().orElseThrow()).isLessThan(2000);
        assertThat(r.cleanWer()).isLessThan(0.4);
        assertThat(r.overlapWer()).isLessThan(r.neverStoppingWer() + 1e-9);
        assertThat(r.wake().trials()).isEqualTo(6);
        assertThat(r.wake().hits()).isGreaterThanOrEqualTo(4);
        assertThat(r.wake().otherSeconds()).isGreaterThanOrEqualTo(18);
        assertThat(r.speakingCpuMsPerSecond()).isPositive();
        assertThat(r.waitingCpuMsPerSecond()).isPositive();
        assertThat(DuplexGoals.judge(r)).extracting(DuplexGoals.Goal::key).containsExactly("erle_p50",
                "false_barge_ins", "barge_in_p50", "overlap_wer", "wake_hit_rate", "wake_false_accepts");
    }

    @Test
    void withoutTheCancellerParleysOwnVoiceBargesIn() {
        DuplexBench.Result r = bench(false).run(SHORT);
        System.out.printf("MEASURE cancel off: ERLE p50 %.1f dB, false %d in %.2f min%n", r.erle().p50(),
                r.falseBargeIns(), r.aloneMinutes());

        assertThat(r.erle().p50()).isLessThan(5);
        assertThat(r.falseBargeIns()).isPositive();
        assertThat(DuplexGoals.judge(r).getFirst().verdict()).isEqualTo(DuplexGoals.Verdict.FAIL);
    }
}
