package dev.parley.audio;

import dev.parley.storage.GivenFiles;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The audio of a WAV file read block by block as mono samples, so that a file of any length (hours of
 * recording, or an endless device) takes the memory of one block. Channels are averaged: a sound in only
 * one channel keeps half its amplitude.
 *
 * <p>A header that announces more audio than the file holds (a recording cut off, or a lying size) is
 * not an error while reading: the blocks end where the audio ends, and {@link #shortfall()} then says
 * what is missing so that the caller can tell its user instead of passing part of a file off as all of it.
 */
public final class WavStream implements AutoCloseable {

    /** Rates outside this range are not audio Parley can use, and their resampling filters grow huge. */
    static final int MIN_SAMPLE_RATE = 4_000;
    static final int MAX_SAMPLE_RATE = 384_000;
    private static final int MAX_BLOCK_BYTES = 1 << 20;

    private final InputStream in;
    private final boolean closesInput;
    private final String name;
    private final WavFormat format;
    private final long declaredBytes;
    private long bytesRead;
    private long framesRead;
    private boolean ended;

    private WavStream(InputStream in, boolean closesInput, String name, WavHeader header) {
        this.in = in;
        this.closesInput = closesInput;
        this.name = name;
        this.format = header.format();
        this.declaredBytes = header.dataBytes();
    }

    /** Opens {@code wav} and reads its header; fails with a message that says what is wrong and what to do. */
    public static WavStream open(Path wav) throws IOException {
        String name = wav.toString();
        if (name.isEmpty()) { // Path.of("") is the current folder
            throw new AudioFormatException("The WAV file's name is empty; give the path of a .wav file");
        }
        if (Files.isDirectory(wav)) {
            throw new AudioFormatException(name + " is a directory, not a WAV file; give the path of a .wav file in it");
        }
        InputStream in;
        try {
            in = new BufferedInputStream(GivenFiles.open(wav));
        } catch (NoSuchFileException e) {
            throw new AudioFormatException(name + " does not exist (looked for " + wav.toAbsolutePath()
                    + "); check the path and the current directory");
        }
        try {
            return new WavStream(in, true, name, checked(WavHeader.read(in, name), name));
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /**
     * Reads the header of the WAV audio in {@code in}; {@code nameForErrors} says which one in messages.
     * Closing the returned stream leaves {@code in} open: it belongs to the caller.
     */
    public static WavStream of(InputStream in, String nameForErrors) throws IOException {
        InputStream buffered = new BufferedInputStream(in);
        return new WavStream(buffered, false, nameForErrors, checked(WavHeader.read(buffered, nameForErrors), nameForErrors));
    }

    private static WavHeader checked(WavHeader header, String name) throws AudioFormatException {
        int rate = header.format().sampleRate();
        if (rate < MIN_SAMPLE_RATE || rate > MAX_SAMPLE_RATE) {
            throw new AudioFormatException(String.format(Locale.ROOT, "%s declares a sample rate of %,d Hz;"
                    + " Parley reads %,d to %,d Hz, so resample it with: %s", name, rate, MIN_SAMPLE_RATE,
                    MAX_SAMPLE_RATE, ConversionHint.toWav(name, null)));
        }
        return header;
    }

    public int sampleRate() {
        return format.sampleRate();
    }

    /** The name messages use for this file. */
    public String name() {
        return name;
    }

    /** Frames the header announces, or empty when it leaves the length open (a streamed recording). */
    public Optional<Long> declaredFrames() {
        return declaredBytes == WavHeader.UNKNOWN_SIZE ? Optional.empty() : Optional.of(declaredBytes / format.frameBytes());
    }

    /**
     * The next at most {@code maxFrames} frames as mono samples (fewer when frames are very wide); an empty
     * array once the audio has ended.
     *
     * @throws AudioFormatException when the audio ends before a single whole frame
     */
    public float[] read(int maxFrames) throws IOException {
        if (ended) {
            return new float[0];
        }
        int frameBytes = format.frameBytes();
        // However many frames are asked for, a block holds at most about a megabyte: a header may
        // declare 65,535 channels of 64-bit samples, half a megabyte per frame.
        long wanted = Math.min(maxFrames, Math.max(1, MAX_BLOCK_BYTES / frameBytes)) * (long) frameBytes;
        if (declaredBytes != WavHeader.UNKNOWN_SIZE) {
            wanted = Math.min(wanted, declaredBytes - bytesRead);
        }
        byte[] bytes = in.readNBytes((int) wanted);
        bytesRead += bytes.length;
        // A recording cut off mid-write may end inside a frame: keep the whole frames.
        int frames = bytes.length / frameBytes;
        if (bytes.length < wanted || bytesRead == declaredBytes) {
            ended = true;
        }
        framesRead += frames;
        if (ended && framesRead == 0) {
            throw new AudioFormatException(name + " contains no audio (its data chunk holds " + bytesRead
                    + " bytes, less than one " + frameBytes + "-byte frame); record it again");
        }
        return downmix(bytes, frames);
    }

    /**
     * After the last block: how the file falls short of what its header announces, as a sentence naming
     * the file, or empty when it holds all of it (or announced no length).
     */
    public Optional<String> shortfall() {
        if (!ended || declaredBytes == WavHeader.UNKNOWN_SIZE || bytesRead >= declaredBytes) {
            return Optional.empty();
        }
        return Optional.of(name + " is cut off: its header announces " + duration(declaredBytes / format.frameBytes())
                + " of audio but the file ends after " + duration(framesRead));
    }

    /** Seconds of audio read so far. */
    public double secondsRead() {
        return framesRead / (double) format.sampleRate();
    }

    private String duration(long frames) {
        double seconds = frames / (double) format.sampleRate();
        if (seconds < 120) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        return seconds < 7200
                ? String.format(Locale.ROOT, "%.0f min", seconds / 60)
                : String.format(Locale.ROOT, "%.1f hours", seconds / 3600);
    }

    private float[] downmix(byte[] bytes, int frames) {
        SampleEncoding encoding = format.encoding();
        int channels = format.channels();
        float[] mono = new float[frames];
        int at = 0;
        for (int frame = 0; frame < frames; frame++) {
            float sum = 0;
            for (int channel = 0; channel < channels; channel++) {
                sum += encoding.decode(bytes, at);
                at += encoding.bytes;
            }
            mono[frame] = sum / channels;
        }
        return mono;
    }

    @Override
    public void close() throws IOException {
        if (closesInput) {
            in.close();
        }
    }
}
