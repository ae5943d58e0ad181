package dev.parley.bench;

import java.util.Random;

/**
 * What a microphone in a room hears of a loudspeaker: the played signal delayed (sound server,
 * distance), attenuated, and smeared by a short reverberant tail (exponentially decaying noise, the
 * usual stand-in for a room's impulse response). Deterministic for a given seed, so benchmark runs
 * compare.
 *
 * @param delayMs from the sample being played to its echo arriving at the microphone
 * @param attenuationDb how much quieter the direct echo is than what was played
 * @param reverbMs the tail's decay to -60 dB (RT60)
 * @param reverbLevelDb the tail's first reflection relative to the direct echo
 */
public record SimulatedRoom(int delayMs, double attenuationDb, int reverbMs, double reverbLevelDb) {

    /**
     * A small room, the loudspeaker a little farther from the microphone than the user: the echo 12 dB
     * below what was played (about as loud at the microphone as the user's voice), a 150 ms tail
     * starting 12 dB below the direct echo.
     */
    public static SimulatedRoom withDelay(int delayMs) {
        return new SimulatedRoom(delayMs, 12, 150, -12);
    }

    /** The echo of {@code played} (mono, at {@code sampleRate}), as long as {@code played}. */
    public float[] echoOf(float[] played, int sampleRate) {
        float[] response = impulseResponse(sampleRate);
        float[] echo = new float[played.length];
        // Direct form: the response is short (a few thousand taps) and this runs once per benchmark case.
        for (int tap = 0; tap < response.length; tap++) {
            float weight = response[tap];
            if (weight == 0) {
                continue;
            }
            for (int i = tap; i < echo.length; i++) {
                echo[i] += weight * played[i - tap];
            }
        }
        return echo;
    }

    /** The delayed direct path, then the decaying tail; sparse (every 4th tap) to keep the convolution cheap. */
    float[] impulseResponse(int sampleRate) {
        int delay = delayMs * sampleRate / 1000;
        int tail = reverbMs * sampleRate / 1000;
        float[] response = new float[delay + tail + 1];
        double direct = Math.pow(10, -attenuationDb / 20);
        response[delay] = (float) direct;
        Random random = new Random(delayMs * 31L + reverbMs);
        double first = direct * Math.pow(10, reverbLevelDb / 20);
        double decayPerSample = Math.log(1000) / Math.max(1, tail); // -60 dB over the tail
        for (int i = 1; i <= tail; i += 4) {
            response[delay + i] = (float) (first * Math.exp(-decayPerSample * i) * random.nextGaussian());
        }
        return response;
    }
}
