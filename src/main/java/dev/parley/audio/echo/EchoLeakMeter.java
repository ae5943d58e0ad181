package dev.parley.audio.echo;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Measures how much of Parley's own voice gets past the canceller: per 100 ms while something is
 * played, the levels of the far end, of the microphone and of what is left after cancellation, with
 * the canceller's own view (its delay estimate and residual-echo likelihood), logged at DEBUG to find
 * and count leaks. Capture thread only.
 */
final class EchoLeakMeter {

    private static final Logger LOG = LogManager.getLogger(EchoLeakMeter.class);
    private static final int FRAMES_PER_REPORT = 10;
    /** A far end this quiet is silence: nothing of Parley's voice to leak. */
    private static final double PLAYING_DBFS = -60;

    private double far;
    private double near;
    private double cleaned;
    private int frames;
    private long reports;

    /** One 10 ms frame was processed. */
    void frame(float[] farFrame, float[] nearFrame, float[] cleanedFrame, EchoCanceller canceller) {
        if (!LOG.isDebugEnabled()) {
            return;
        }
        far += energy(farFrame);
        near += energy(nearFrame);
        cleaned += energy(cleanedFrame);
        if (++frames < FRAMES_PER_REPORT) {
            return;
        }
        double farDb = dbfs(far / frames);
        if (farDb > PLAYING_DBFS) {
            String state = canceller instanceof WebRtcEchoCanceller webRtc ? webRtc.state() : "";
            LOG.debug(String.format("echo %6d: far %6.1f near %6.1f cleaned %6.1f dBFS %s", reports, farDb,
                    dbfs(near / frames), dbfs(cleaned / frames), state));
        }
        reports++;
        far = near = cleaned = 0;
        frames = 0;
    }

    private static double energy(float[] frame) {
        double sum = 0;
        for (float sample : frame) {
            sum += sample * (double) sample;
        }
        return sum / frame.length;
    }

    private static double dbfs(double energy) {
        return 10 * Math.log10(energy + 1e-12);
    }
}
