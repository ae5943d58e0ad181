package dev.parley.audio;

import dev.parley.storage.GivenFiles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads WAV files of any common PCM or float layout whole as mono {@link AudioClip}s, and writes clips as
 * 16-bit mono WAV. Files too long to hold in memory are read block by block through {@link WavStream}.
 */
public final class WavFiles {

    /**
     * The most samples a clip read whole may hold: ten minutes at 48 kHz, 115 MB of floats. A question
     * or an uploaded recording fits many times over; hours of audio go through {@link WavStream} instead.
     */
    static final int MAX_CLIP_SAMPLES = 48_000 * 60 * 10;
    private static final int BLOCK_FRAMES = 1 << 16;

    private WavFiles() {
    }

    /** Reads {@code wav} and averages its channels into one. */
    public static AudioClip readMono(Path wav) throws IOException {
        try (WavStream stream = WavStream.open(wav)) {
            return readWhole(stream, MAX_CLIP_SAMPLES);
        }
    }

    /** Reads a whole WAV stream (without closing it); {@code nameForErrors} says which one in messages. */
    public static AudioClip readMono(InputStream wav, String nameForErrors) throws IOException {
        return readMono(wav, nameForErrors, MAX_CLIP_SAMPLES);
    }

    static AudioClip readMono(InputStream wav, String nameForErrors, int maxSamples) throws IOException {
        try (WavStream stream = WavStream.of(wav, nameForErrors)) {
            return readWhole(stream, maxSamples);
        }
    }

    /**
     * All of {@code stream}'s audio, refusing more than {@code maxSamples} before reading it and a file cut
     * short of what its header announces after: a clip is taken for the whole recording, so part of one
     * must not pass for it.
     */
    private static AudioClip readWhole(WavStream stream, int maxSamples) throws IOException {
        long declared = stream.declaredFrames().orElse(0L);
        if (declared > maxSamples) {
            throw tooLong(stream, maxSamples);
        }
        float[] samples = new float[(int) Math.max(declared, Math.min(BLOCK_FRAMES, maxSamples))];
        int length = 0;
        for (float[] block = stream.read(BLOCK_FRAMES); block.length > 0; block = stream.read(BLOCK_FRAMES)) {
            if (block.length > maxSamples - length) {
                throw tooLong(stream, maxSamples);
            }
            if (length + block.length > samples.length) {
                samples = Arrays.copyOf(samples, (int) Math.min(maxSamples, 2L * (length + block.length)));
            }
            System.arraycopy(block, 0, samples, length, block.length);
            length += block.length;
        }
        Optional<String> shortfall = stream.shortfall();
        if (shortfall.isPresent()) {
            throw new AudioFormatException(shortfall.get() + "; if the recording was interrupted, keep what is"
                    + " there with: " + ConversionHint.ignoringLength(stream.name()));
        }
        return new AudioClip(length == samples.length ? samples : Arrays.copyOf(samples, length), stream.sampleRate());
    }

    private static AudioFormatException tooLong(WavStream stream, int maxSamples) {
        return new AudioFormatException(String.format(Locale.ROOT, "%s is too long to load whole: Parley holds"
                + " at most %.0f min of %,d Hz audio in memory at once; transcribe it with parley transcribe,"
                + " which reads files of any length, or cut it into pieces", stream.name(),
                maxSamples / (double) stream.sampleRate() / 60, stream.sampleRate()));
    }

    /**
     * Writes {@code clip} as 16-bit PCM mono WAV, creating parent directories. Readers never see a half-
     * written file: the bytes go to a temporary file in the same directory, which then replaces
     * {@code wav} in one rename; a pipe, device or link ({@code /dev/stdout}) is written into instead
     * ({@link GivenFiles#write}).
     */
    public static void write(Path wav, AudioClip clip) throws IOException {
        GivenFiles.write(wav, encodePcm16(clip, wav.toString()));
    }

    /** {@code clip} as the bytes of a 16-bit PCM mono WAV file, for a stream rather than a file. */
    public static byte[] bytes(AudioClip clip) {
        return encodePcm16(clip, "the WAV audio");
    }


    private static byte[] encodePcm16(AudioClip clip, String name) {
        long dataBytes = 2L * clip.samples().length;
        if (dataBytes > 0xFFFFFFFFL - 36) {
            throw new IllegalArgumentException("cannot write " + name + ": " + clip.durationSeconds()
                    + " s of audio exceed the 4 GB a WAV file can hold; split the clip");
        }
        ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        header.put(ascii("RIFF")).putInt((int) (36 + dataBytes)).put(ascii("WAVE"));
        header.put(ascii("fmt ")).putInt(16)
                .putShort((short) 1)                        // PCM
                .putShort((short) 1)                        // mono
                .putInt(clip.sampleRate())
                .putInt(clip.sampleRate() * 2)              // bytes per second
                .putShort((short) 2)                        // bytes per frame
                .putShort((short) 16);                      // bits per sample
        header.put(ascii("data")).putInt((int) dataBytes);
        byte[] pcm = clip.toPcm16le();
        byte[] file = new byte[44 + pcm.length];
        System.arraycopy(header.array(), 0, file, 0, 44);
        System.arraycopy(pcm, 0, file, 44, pcm.length);
        return file;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
