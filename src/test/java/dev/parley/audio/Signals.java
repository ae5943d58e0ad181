package dev.parley.audio;

/** Test signals and the measurements that check them. */
final class Signals {

    private Signals() {
    }

    static AudioClip sine(double hz, double amplitude, double seconds, int rate) {
        float[] samples = new float[(int) Math.round(seconds * rate)];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return new AudioClip(samples, rate);
    }

    /**
     * Amplitude of the {@code hz} component in the middle half of the clip (the ends are where filters
     * ramp in and out): a Hann-windowed DFT evaluated at exactly {@code hz}, like a Goertzel filter.
     */
    static double amplitudeAt(AudioClip clip, double hz) {
        float[] x = clip.samples();
        int from = x.length / 4;
        int length = x.length / 2;
        double omega = 2 * Math.PI * hz / clip.sampleRate();
        double re = 0;
        double im = 0;
        double windowSum = 0;
        for (int n = 0; n < length; n++) {
            double window = 0.5 - 0.5 * Math.cos(2 * Math.PI * n / (length - 1));
            re += window * x[from + n] * Math.cos(omega * (from + n));
            im -= window * x[from + n] * Math.sin(omega * (from + n));
            windowSum += window;
        }
        return 2 * Math.hypot(re, im) / windowSum;
    }

    /** Frequency from the rising zero crossings in the middle half, each located by linear interpolation. */
    static double zeroCrossingFrequency(AudioClip clip) {
        float[] x = clip.samples();
        double first = Double.NaN;
        double last = Double.NaN;
        int crossings = 0;
        for (int i = x.length / 4; i < 3 * x.length / 4; i++) {
            if (x[i - 1] < 0 && x[i] >= 0) {
                double at = i - 1 + x[i - 1] / (double) (x[i - 1] - x[i]);
                if (crossings == 0) {
                    first = at;
                }
                last = at;
                crossings++;
            }
        }
        return (crossings - 1) / ((last - first) / clip.sampleRate());
    }

    /** Seconds of a 0.5-amplitude 1 kHz tone in {@code clip}: such a sine is above 0.1 ~87 % of the time. */
    static double toneSeconds(AudioClip clip) {
        long loud = 0;
        for (float sample : clip.samples()) {
            if (Math.abs(sample) > 0.1) {
                loud++;
            }
        }
        return loud / 0.87 / clip.sampleRate();
    }

    /** Root mean square of the middle half. */
    static double rms(AudioClip clip) {
        float[] x = clip.samples();
        double sum = 0;
        int from = x.length / 4;
        int to = 3 * x.length / 4;
        for (int i = from; i < to; i++) {
            sum += x[i] * (double) x[i];
        }
        return Math.sqrt(sum / (to - from));
    }

    static double peak(AudioClip clip) {
        double peak = 0;
        for (float sample : clip.samples()) {
            peak = Math.max(peak, Math.abs(sample));
        }
        return peak;
    }

    static double decibels(double ratio) {
        return 20 * Math.log10(ratio);
    }

    /** Ratio of a signal's power to the power of its difference from a reference, in dB. */
    static double signalToNoiseDb(float[] reference, float[] actual) {
        int length = Math.min(reference.length, actual.length);
        double signal = 0;
        double noise = 0;
        for (int i = 0; i < length; i++) {
            signal += reference[i] * (double) reference[i];
            double difference = actual[i] - (double) reference[i];
            noise += difference * difference;
        }
        return 10 * Math.log10(signal / noise);
    }
}
