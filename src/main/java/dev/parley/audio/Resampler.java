package dev.parley.audio;

/**
 * Converts clips between sample rates without aliasing: a windowed-sinc low-pass filter at the lower of
 * the two Nyquist frequencies, evaluated through a precomputed polyphase table (see
 * {@link PolyphaseFilter}). Any pair of rates works; common ones (8, 16, 22.05, 44.1, 48 kHz) reduce to
 * small exact tables.
 */
public final class Resampler {

    private Resampler() {
    }

    /**
     * Returns {@code clip} at {@code targetRate}, or {@code clip} itself when it already has that rate.
     * The output has {@code round(length × targetRate / sampleRate)} samples and no delay: sample
     * {@code n} of the output lies at the time of input sample {@code n × sampleRate / targetRate}.
     */
    public static AudioClip resample(AudioClip clip, int targetRate) {
        if (targetRate <= 0) {
            throw new IllegalArgumentException("target sample rate must be positive, was " + targetRate);
        }
        if (clip.sampleRate() == targetRate) {
            return clip;
        }
        PolyphaseFilter filter = PolyphaseFilter.forRates(clip.sampleRate(), targetRate);
        return new AudioClip(filter.apply(clip.samples()), targetRate);
    }
}
