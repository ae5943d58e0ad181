package dev.parley.audio;

import java.util.List;

/**
 * Mono audio as floating-point samples in [-1, 1] at a known rate: the one audio value that moves
 * between files, the recognizer, the synthesizer and the speaker.
 */
public record AudioClip(float[] samples, int sampleRate) {

    public AudioClip {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive, was " + sampleRate);
        }
    }

    public static AudioClip silence(double seconds, int sampleRate) {
        return new AudioClip(new float[(int) Math.round(seconds * sampleRate)], sampleRate);
    }

    /** Joins clips of one sample rate end to end. */
    public static AudioClip concat(List<AudioClip> clips, int sampleRate) {
        int total = 0;
        for (AudioClip clip : clips) {
            if (clip.sampleRate != sampleRate) {
                throw new IllegalArgumentException(
                        "cannot join a " + clip.sampleRate + " Hz clip into " + sampleRate + " Hz audio");
            }
            total += clip.samples.length;
        }
        float[] joined = new float[total];
        int at = 0;
        for (AudioClip clip : clips) {
            System.arraycopy(clip.samples, 0, joined, at, clip.samples.length);
            at += clip.samples.length;
        }
        return new AudioClip(joined, sampleRate);
    }

    /** Decodes signed 16-bit little-endian mono PCM. */
    public static AudioClip fromPcm16le(byte[] pcm, int sampleRate) {
        float[] samples = new float[pcm.length / 2];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = Pcm16.level(pcm, 2 * i);
        }
        return new AudioClip(samples, sampleRate);
    }

    /** Encodes as signed 16-bit little-endian mono PCM, clipping out-of-range samples. */
    public byte[] toPcm16le() {
        byte[] pcm = new byte[samples.length * 2];
        for (int i = 0; i < samples.length; i++) {
            Pcm16.putLevel(pcm, 2 * i, samples[i]);
        }
        return pcm;
    }

    /** This clip at another sample rate, band-limited so nothing aliases; see {@link Resampler}. */
    public AudioClip resampledTo(int rate) {
        return Resampler.resample(this, rate);
    }

    /** This clip with every sample multiplied by {@code gain} (1 returns this clip). */
    public AudioClip withGain(double gain) {
        if (gain == 1.0) {
            return this;
        }
        float[] scaled = new float[samples.length];
        for (int i = 0; i < samples.length; i++) {
            scaled[i] = (float) Math.max(-1, Math.min(1, samples[i] * gain));
        }
        return new AudioClip(scaled, sampleRate);
    }

    public double durationSeconds() {
        return samples.length / (double) sampleRate;
    }
}
