package dev.parley.bench;

import dev.parley.audio.AudioClip;
import dev.parley.audio.WavStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The speech the duplex benchmark ships in {@code src/main/resources/bench/duplex/} (made by
 * {@code scripts/make-bench-audio} with espeak-ng, a voice other than Parley's): each set is a folder
 * of 16 kHz mono WAVs and a {@code clips.tsv} of file, voice and words.
 */
public final class BenchSpeech {

    /** What the user says over Parley and in silence. */
    public static final String USER = "user";
    /** "hey parley" in several voices and speeds. */
    public static final String WAKE = "wake";
    /** Sentences that are not the wake word, sound-alikes included. */
    public static final String OTHER = "other";

    /** The capture path's rate, at which the clips are stored. */
    public static final int SAMPLE_RATE = 16_000;
    private static final String ROOT = "/bench/duplex/";

    /** One shipped clip: its file, espeak-ng's voice and speed, its words and its samples at 16 kHz. */
    public record Clip(String name, String voice, String words, float[] samples) {

        public double seconds() {
            return samples.length / (double) SAMPLE_RATE;
        }
    }

    private BenchSpeech() {
    }

    /** The clips of {@code set}, in the order of its list. */
    public static List<Clip> load(String set) {
        List<Clip> clips = new ArrayList<>();
        try (InputStream list = resource(set + "/clips.tsv");
                BufferedReader lines = new BufferedReader(new InputStreamReader(list, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split("\t");
                clips.add(new Clip(fields[0], fields[1], fields[2], samples(set + "/" + fields[0])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The benchmark's speech (" + ROOT + set + ") could not be read", e);
        }
        return clips;
    }

    private static float[] samples(String path) throws IOException {
        try (InputStream in = resource(path); WavStream wav = WavStream.of(in, path)) {
            if (wav.sampleRate() != SAMPLE_RATE) {
                throw new IllegalStateException(path + " is at " + wav.sampleRate() + " Hz, not " + SAMPLE_RATE);
            }
            List<AudioClip> blocks = new ArrayList<>();
            for (float[] block = wav.read(SAMPLE_RATE); block.length > 0; block = wav.read(SAMPLE_RATE)) {
                blocks.add(new AudioClip(block, SAMPLE_RATE));
            }
            return AudioClip.concat(blocks, SAMPLE_RATE).samples();
        }
    }

    private static InputStream resource(String path) throws IOException {
        InputStream in = BenchSpeech.class.getResourceAsStream(ROOT + path);
        if (in == null) {
            throw new IOException(ROOT + path + " is missing from the build; run scripts/make-bench-audio");
        }
        return in;
    }
}
