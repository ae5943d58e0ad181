package dev.parley.tts;

import dev.parley.audio.AudioClip;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.Locale;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import marytts.LocalMaryInterface;
import marytts.MaryInterface;
import marytts.exceptions.MaryConfigurationException;
import marytts.exceptions.SynthesisException;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Speech from MaryTTS running in-process. MaryTTS is not streaming within a sentence and its
 * interface holds per-request state, so calls are serialized; the pipeline keeps chunks short.
 */
public final class MaryTtsSynthesizer implements SpeechSynthesizer {

    private static final Logger LOG = LogManager.getLogger(MaryTtsSynthesizer.class);

    private final MaryInterface mary;
    private final int sampleRate;

    private MaryTtsSynthesizer(MaryInterface mary, int sampleRate) {
        this.mary = mary;
        this.sampleRate = sampleRate;
    }

    /** Starts MaryTTS with the named voice (about a second), or says which voices exist. */
    public static MaryTtsSynthesizer start(String voice) {
        long start = System.nanoTime();
        MaryInterface mary;
        try {
            mary = new LocalMaryInterface();
        } catch (MaryConfigurationException e) {
            throw new SpeechSynthesisException("MaryTTS could not start: " + e.getMessage(), e);
        }
        try {
            mary.setLocale(Locale.US);
            mary.setVoice(voice);
        } catch (IllegalArgumentException e) {
            throw new SpeechSynthesisException("There is no MaryTTS voice '" + voice + "'. Set tts.voice in"
                    + " config.yaml to one of: " + String.join(", ", mary.getAvailableVoices()), e);
        }
        MaryTtsSynthesizer synthesizer = new MaryTtsSynthesizer(mary, probeSampleRate(mary));
        LOG.info("Started MaryTTS voice {} ({} Hz) in {} ms", voice, synthesizer.sampleRate,
                (System.nanoTime() - start) / 1_000_000);
        return synthesizer;
    }

    private static int probeSampleRate(MaryInterface mary) {
        try (AudioInputStream audio = mary.generateAudio("Ready.")) {
            return Math.round(audio.getFormat().getSampleRate());
        } catch (SynthesisException | IOException e) {
            throw new SpeechSynthesisException("MaryTTS could not speak a test word: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized AudioClip synthesize(String text) {
        if (text.isBlank()) {
            return new AudioClip(new float[0], sampleRate);
        }
        try (AudioInputStream audio = mary.generateAudio(text)) {
            return toClip(audio);
        } catch (SynthesisException | IOException e) {
            throw new SpeechSynthesisException("MaryTTS could not speak \"" + abbreviate(text) + "\": "
                    + e.getMessage(), e);
        }
    }

    /**
     * MaryTTS's HMM voices make audio as the stream is read (the vocoder runs on demand): the first
     * 50 ms of a sentence exist after ~40-120 ms where the whole sentence takes 300-650 ms. Each 50 ms
     * piece is handed on as it is read.
     */
    @Override
    public synchronized AudioClip synthesize(String text, Consumer<AudioClip> pieces) {
        if (text.isBlank()) {
            return synthesize(text);
        }
        try (AudioInputStream audio = mary.generateAudio(text)) {
            AudioFormat pcm16le = new AudioFormat(audio.getFormat().getSampleRate(), 16, 1, true, false);
            if (!audio.getFormat().matches(pcm16le)) {
                AudioClip clip = toClip(audio);
                pieces.accept(clip);
                return clip;
            }
            return readInPieces(audio, pieces);
        } catch (SynthesisException | IOException e) {
            throw new SpeechSynthesisException("MaryTTS could not speak \"" + abbreviate(text) + "\": "
                    + e.getMessage(), e);
        }
    }

    private AudioClip readInPieces(AudioInputStream audio, Consumer<AudioClip> pieces) throws IOException {
        int pieceBytes = sampleRate / 20 * 2;
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        byte[] piece = new byte[pieceBytes];
        int filled = 0;
        for (int read; (read = audio.read(piece, filled, pieceBytes - filled)) != -1; ) {
            filled += read;
            if (filled == pieceBytes) {
                pieces.accept(AudioClip.fromPcm16le(piece.clone(), sampleRate));
                whole.write(piece, 0, filled);
                filled = 0;
            }
        }
        if (filled > 0) {
            byte[] rest = Arrays.copyOf(piece, filled - filled % 2);
            pieces.accept(AudioClip.fromPcm16le(rest, sampleRate));
            whole.write(rest, 0, rest.length);
        }
        return AudioClip.fromPcm16le(whole.toByteArray(), sampleRate);
    }

    private AudioClip toClip(AudioInputStream audio) throws IOException {
        AudioFormat pcm16le = new AudioFormat(audio.getFormat().getSampleRate(), 16, 1, true, false);
        if (audio.getFormat().matches(pcm16le)) {
            return AudioClip.fromPcm16le(readFully(audio), sampleRate);
        }
        try (AudioInputStream converted = AudioSystem.getAudioInputStream(pcm16le, audio)) {
            return AudioClip.fromPcm16le(readFully(converted), sampleRate);
        }
    }

    /**
     * MaryTTS's sequence stream ends early under {@code readAllBytes()} (it stops after the first
     * 16 KiB part), so read it the plain way until it says end of stream.
     */
    private static byte[] readFully(AudioInputStream audio) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int read; (read = audio.read(buffer)) != -1; ) {
            bytes.write(buffer, 0, read);
        }
        return bytes.toByteArray();
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    @Override
    public int sampleRate() {
        return sampleRate;
    }
}
