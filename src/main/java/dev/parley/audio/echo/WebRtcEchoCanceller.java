package dev.parley.audio.echo;

import dev.parley.audio.Pcm16;
import dev.onvoid.webrtc.media.audio.AudioProcessing;
import dev.onvoid.webrtc.media.audio.AudioProcessingConfig;
import dev.onvoid.webrtc.media.audio.AudioProcessingStreamConfig;

/**
 * The WebRTC audio processing module (AEC3, noise suppression, digital gain control, high-pass
 * filter) through webrtc-java. Its first use loads a native library, which can fail: create it only
 * through {@link EchoCancellers}, which falls back to {@link PassThroughEchoCanceller}.
 */
final class WebRtcEchoCanceller implements EchoCanceller {

    /** Moderate: HIGH cost the near talker ~7 dB in the measurements of docs/stack-notes.md. */
    private static final AudioProcessingConfig.NoiseSuppression.Level NOISE_LEVEL =
            AudioProcessingConfig.NoiseSuppression.Level.MODERATE;

    private final AudioProcessing processing;
    private final AudioProcessingStreamConfig stream = new AudioProcessingStreamConfig(SAMPLE_RATE, 1);
    private final EchoOptions options;
    private final byte[] far = new byte[2 * FRAME_SAMPLES];
    private final byte[] near = new byte[2 * FRAME_SAMPLES];
    private final byte[] farOut = new byte[2 * FRAME_SAMPLES];
    private final byte[] out = new byte[2 * FRAME_SAMPLES];
    private boolean closed;

    /** @throws LinkageError or RuntimeException when the native library cannot be loaded */
    WebRtcEchoCanceller(EchoOptions options) {
        this.options = options;
        this.processing = new AudioProcessing();
        NativeExitNoise.webRtcLoaded();
        AudioProcessingConfig config = new AudioProcessingConfig();
        config.echoCanceller.enabled = options.cancelEcho();
        config.echoCanceller.enforceHighPassFiltering = options.cancelEcho() && options.highPassFilter();
        config.highPassFilter.enabled = options.highPassFilter();
        config.noiseSuppression.enabled = options.noiseSuppression();
        config.noiseSuppression.level = NOISE_LEVEL;
        config.gainControl.enabled = options.autoGain();
        config.gainControl.adaptiveDigital.enabled = options.autoGain();
        processing.applyConfig(config);
    }

    @Override
    public synchronized float[] process(float[] farEnd, float[] nearEnd) {
        if (closed) {
            return nearEnd.clone(); // closed while the capture thread was on its way here
        }
        if (options.cancelEcho()) {
            encode(farEnd, far);
            check(processing.processReverseStream(far, stream, stream, farOut), "processReverseStream");
        }
        encode(nearEnd, near);
        check(processing.processStream(near, stream, stream, out), "processStream");
        return decode(out);
    }

    /** The canceller's own view of its state, for the leak log: delay estimate, residual echo. */
    synchronized String state() {
        if (closed) {
            return "";
        }
        var stats = processing.getStatistics();
        return String.format("delay %d ms (median %d, sd %d) erle %.1f residual %.2f (max %.2f) divergent %.2f",
                stats.delayMs, stats.delayMedianMs, stats.delayStandardDeviationMs, stats.echoReturnLossEnhancement,
                stats.residualEchoLikelihood, stats.residualEchoLikelihoodRecentMax, stats.divergentFilterFraction);
    }

    @Override
    public boolean cancelsEcho() {
        return options.cancelEcho();
    }

    @Override
    public String description() {
        return "WebRTC " + options.describe();
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            processing.dispose();
        }
    }

    private static void check(int status, String call) {
        if (status != 0) {
            throw new IllegalStateException("WebRTC " + call + " failed with error " + status);
        }
    }

    /** Signed 16-bit little-endian, clipped: the module's input format. */
    private static void encode(float[] samples, byte[] pcm) {
        if (samples.length != FRAME_SAMPLES) {
            throw new IllegalArgumentException("a frame has " + FRAME_SAMPLES + " samples, not " + samples.length);
        }
        for (int i = 0; i < FRAME_SAMPLES; i++) {
            Pcm16.putLevel(pcm, 2 * i, samples[i]);
        }
    }

    private static float[] decode(byte[] pcm) {
        float[] samples = new float[FRAME_SAMPLES];
        for (int i = 0; i < FRAME_SAMPLES; i++) {
            samples[i] = Pcm16.level(pcm, 2 * i);
        }
        return samples;
    }
}
