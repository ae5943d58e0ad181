package dev.parley.tts;

import dev.parley.audio.AudioClip;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.xml.parsers.ParserConfigurationException;
import marytts.LocalMaryInterface;
import marytts.MaryInterface;
import marytts.exceptions.MaryConfigurationException;
import marytts.exceptions.SynthesisException;
import marytts.modules.synthesis.Voice;
import marytts.util.dom.DomUtils;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.xml.sax.SAXException;

/**
 * Speech from MaryTTS running in-process, at the configured rate and volume. Its interface holds
 * per-request state, so calls are serialized.
 */
public final class MaryTtsSynthesizer implements SpeechSynthesizer {

    /** MaryTTS reads its configuration from system properties too. */
    private static final String SELF_TEST_PROPERTY = "modules.poweronselftest";

    private static final Logger LOG = LogManager.getLogger(MaryTtsSynthesizer.class);

    /**
     * Characters XML 1.0 cannot hold (control characters a model or a tool may send, such as a
     * terminal's escape sequences): one would make the whole sentence unspeakable at another rate.
     */
    private static final Pattern NOT_XML = Pattern.compile(
            "[^\\t\\n\\r\\x{20}-\\x{D7FF}\\x{E000}-\\x{FFFD}\\x{10000}-\\x{10FFFF}]");

    private final MaryInterface mary;
    /** MaryXML's prosody rate ("+20%"), or null to send plain text at the voice's own pace. */
    private String prosodyRate;
    private double volume;
    private final int sampleRate;

    private MaryTtsSynthesizer(MaryInterface mary, int sampleRate, double rate, double volume) {
        this.mary = mary;
        this.sampleRate = sampleRate;
        tune(rate, volume);
    }

    @Override
    public synchronized void tune(double rate, double volume) {
        long percent = Math.round((rate - 1) * 100);
        this.prosodyRate = percent == 0 ? null : (percent > 0 ? "+" : "") + percent + "%";
        this.volume = volume;
    }

    /** Starts MaryTTS with the named voice at its own pace and full volume. */
    public static MaryTtsSynthesizer start(String voice) {
        return start(voice, 1.0, 1.0);
    }

    /**
     * What went wrong, in the words of the part that failed: MaryTTS wraps a module's failure twice
     * ("Cannot start MARY server", "Problem starting module ..."), and only the innermost cause says
     * what to do about it.
     */
    static String startFailure(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause().getMessage() != null) {
            cause = cause.getCause();
        }
        return "MaryTTS could not start: " + cause.getMessage();
    }

    /**
     * Starts MaryTTS with the named voice (about a second), or says which voices exist.
     *
     * @param rate speaking rate relative to the voice's own (0.5 half as fast, 2 twice as fast)
     * @param volume loudness as a fraction of what the voice makes
     */
    public static MaryTtsSynthesizer start(String voice, double rate, double volume) {
        long start = System.nanoTime();
        MaryInterface mary;
        try {
            // MaryTTS's start-up self-test speaks a sentence per module and never reads the audio, which
            // leaves its vocoder thread blocked for the life of the app.
            if (System.getProperty(SELF_TEST_PROPERTY) == null) {
                System.setProperty(SELF_TEST_PROPERTY, "false");
            }
            MaryTtsModules.leaveOutUnused();
            VoiceTreeOrder.use();
            MaryExitDuringStart.quiet();
            mary = new LocalMaryInterface();
        } catch (MaryConfigurationException e) {
            throw new SpeechSynthesisException(startFailure(e), e);
        }
        try {
            mary.setLocale(Locale.US);
            mary.setVoice(voice);
        } catch (IllegalArgumentException e) {
            throw new SpeechSynthesisException("There is no MaryTTS voice '" + voice + "'. Set tts.voice in"
                    + " config.yaml to one of: " + String.join(", ", mary.getAvailableVoices()), e);
        }
        MaryTtsSynthesizer synthesizer = new MaryTtsSynthesizer(mary, voiceSampleRate(voice), rate, volume);
        LOG.info("Started MaryTTS voice {} ({} Hz, rate {}, volume {}) in {} ms", voice, synthesizer.sampleRate,
                rate, volume, (System.nanoTime() - start) / 1_000_000);
        return synthesizer;
    }

    /**
     * The rate the voice's audio comes at (MaryTTS speaks in the voice's own format), which the
     * speaking rate and volume do not change. Read from the voice, not from a test sentence: speaking
     * one took a fifth of the voice's start before Ready, and the warm-up after it
     * ({@code FirstTurnWarmUp}: the window, {@code chat} and {@code serve}) speaks one anyway.
     */
    private static int voiceSampleRate(String name) {
        Voice voice = Voice.getVoice(name);
        if (voice == null) {
            throw new SpeechSynthesisException("MaryTTS started without the voice '" + name + "'", null);
        }
        return Math.round(voice.dbAudioFormat().getSampleRate());
    }

    /**
     * Plain text, or the text inside MaryXML when it is to be spoken at another rate. MaryXML, not SSML:
     * MaryTTS turns SSML into the same MaryXML with an XSLT stylesheet it compiles at start (~0.25 s of
     * CPU), and the audio is the same to the byte (docs/performance.md, "Start-up: C1 only").
     */
    private AudioInputStream generate(String written) throws SynthesisException {
        String text = LongNumbers.spelledOut(written);
        if (prosodyRate == null) {
            mary.setInputType("TEXT");
            return mary.generateAudio(text);
        }
        mary.setInputType("RAWMARYXML"); // the rate travels as <prosody rate="...">
        String escaped = NOT_XML.matcher(text).replaceAll(" ").replace("&", "&amp;").replace("<", "&lt;")
                .replace(">", "&gt;");
        String maryXml = "<?xml version=\"1.0\"?><maryxml version=\"0.5\" xmlns=\"http://mary.dfki.de/2002/MaryXML\""
                + " xml:lang=\"en-US\"><prosody rate=\"" + prosodyRate + "\">" + escaped + "</prosody></maryxml>";
        try {
            return mary.generateAudio(DomUtils.parseDocument(maryXml));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new SynthesisException("could not wrap the text in MaryXML: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized AudioClip synthesize(String text) {
        if (text.isBlank()) {
            return new AudioClip(new float[0], sampleRate);
        }
        try (AudioInputStream audio = generate(text)) {
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
        try (AudioInputStream audio = generate(text)) {
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
                pieces.accept(clip(piece.clone()));
                whole.write(piece, 0, filled);
                filled = 0;
            }
        }
        if (filled > 0) {
            byte[] rest = Arrays.copyOf(piece, filled - filled % 2);
            pieces.accept(clip(rest));
            whole.write(rest, 0, rest.length);
        }
        return clip(whole.toByteArray());
    }

    private AudioClip clip(byte[] pcm16le) {
        return AudioClip.fromPcm16le(pcm16le, sampleRate).withGain(volume);
    }

    private AudioClip toClip(AudioInputStream audio) throws IOException {
        AudioFormat pcm16le = new AudioFormat(audio.getFormat().getSampleRate(), 16, 1, true, false);
        if (audio.getFormat().matches(pcm16le)) {
            return clip(readFully(audio));
        }
        try (AudioInputStream converted = AudioSystem.getAudioInputStream(pcm16le, audio)) {
            return clip(readFully(converted));
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
