package dev.parley.bench;

import dev.parley.audio.AudioClip;
import dev.parley.audio.echo.EchoCanceller;
import dev.parley.audio.echo.EchoReturnLossEnhancement;
import dev.parley.tts.SpeechSynthesizer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Measures the microphone's echo canceller on Parley's own voice: the five-sentence benchmark reply,
 * spoken by the real voice, played into a {@link SimulatedRoom} at several delays and cancelled by a
 * fresh canceller each time. Reports ERLE over the echo-only segments (all of them, and after the
 * canceller's first seconds of adaptation) and the canceller's CPU time per second of audio.
 */
public final class EchoBench {

    /** From a headset-like 20 ms to a slow Bluetooth or sound-server path. */
    public static final List<Integer> DELAYS_MS = List.of(20, 60, 120, 250);
    /** What "converged" skips: the canceller adapts within the first second or two of echo. */
    public static final double CONVERGENCE_SECONDS = 3;

    private static final int RATE = EchoCanceller.SAMPLE_RATE;

    /**
     * One delay's figures.
     *
     * @param erle all echo-only segments, from the first one
     * @param erleConverged the echo-only segments after {@link #CONVERGENCE_SECONDS}
     * @param cpuMsPerSecond the canceller's CPU time (both ends) per second of audio
     */
    public record Case(SimulatedRoom room, EchoReturnLossEnhancement erle, EchoReturnLossEnhancement erleConverged,
            double cpuMsPerSecond) {}

    /** @param farSeconds length of the played reply */
    public record Result(String processing, double farSeconds, List<Case> cases) {}

    private final SpeechSynthesizer voice;
    private final Supplier<EchoCanceller> cancellers;

    /** @param cancellers a fresh canceller per case, so each starts unadapted */
    public EchoBench(SpeechSynthesizer voice, Supplier<EchoCanceller> cancellers) {
        this.voice = voice;
        this.cancellers = cancellers;
    }

    public Result run() {
        float[] played = playedReply();
        List<Case> cases = new ArrayList<>();
        String processing = null;
        for (int delayMs : DELAYS_MS) {
            SimulatedRoom room = SimulatedRoom.withDelay(delayMs);
            float[] echo = room.echoOf(played, RATE);
            try (EchoCanceller canceller = cancellers.get()) {
                processing = canceller.description();
                ThreadMXBean threads = ManagementFactory.getThreadMXBean();
                long cpuStart = threads.getCurrentThreadCpuTime();
                float[] cancelled = canceller.processAll(played, echo);
                double cpuMs = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
                int skip = (int) (CONVERGENCE_SECONDS * RATE);
                cases.add(new Case(room, EchoReturnLossEnhancement.measure(echo, cancelled),
                        EchoReturnLossEnhancement.measure(Arrays.copyOfRange(echo, skip, echo.length),
                                Arrays.copyOfRange(cancelled, skip, cancelled.length)),
                        cpuMs / (echo.length / (double) RATE)));
            }
        }
        return new Result(processing, played.length / (double) RATE, cases);
    }

    /** The reply as the speaker plays it, at the capture rate, with half a second of silence around it. */
    private float[] playedReply() {
        AudioClip reply = voice.synthesize(VoiceBench.REPLY).resampledTo(RATE);
        int pad = RATE / 2;
        float[] played = new float[reply.samples().length + 2 * pad];
        System.arraycopy(reply.samples(), 0, played, pad, reply.samples().length);
        return played;
    }
}
