package dev.parley.audio.echo;

import java.util.ArrayList;
import java.util.List;

/**
 * What the microphone's audio processing does.
 *
 * @param cancelEcho remove Parley's own voice (the far end) from the microphone signal
 * @param noiseSuppression suppress steady background noise (fans, hum); costs the voice a few dB
 * @param autoGain adapt the microphone's level digitally towards a steady speech level
 * @param highPassFilter cut rumble below ~80 Hz; applies only while one of the others runs
 */
public record EchoOptions(boolean cancelEcho, boolean noiseSuppression, boolean autoGain, boolean highPassFilter) {

    /** Nothing: the microphone signal passes unchanged. */
    public static final EchoOptions NONE = new EchoOptions(false, false, false, false);

    /** Whether any processing runs at all; the high-pass filter alone does not start it. */
    public boolean anyProcessing() {
        return cancelEcho || noiseSuppression || autoGain;
    }

    /** "echo cancellation + high-pass filter", for logs and the benchmark. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (cancelEcho) {
            parts.add("echo cancellation");
        }
        if (noiseSuppression) {
            parts.add("noise suppression");
        }
        if (autoGain) {
            parts.add("auto gain");
        }
        if (highPassFilter && anyProcessing()) {
            parts.add("high-pass filter");
        }
        return parts.isEmpty() ? "off" : String.join(" + ", parts);
    }
}
