package dev.parley.stt;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.audio.AudioClip;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.vosk.LibVosk;
import org.vosk.LogLevel;
import org.vosk.Model;
import org.vosk.Recognizer;

/**
 * Offline recognition with a Vosk (Kaldi) model loaded once. One recognizer is kept and reset
 * between utterances: Kaldi expands its decoding graph lazily and caches it per recognizer, so a
 * fresh recognizer decodes a 3 s utterance in ~1.3 s on two cores where a warm one needs ~0.3 s.
 * Recognition streams are therefore served one at a time, and a whole clip is transcribed as one
 * stream. Audio of other rates is resampled to 16 kHz first.
 */
public final class VoskRecognizer implements SpeechRecognizer {


    private static final Logger LOG = LogManager.getLogger(VoskRecognizer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** 200 ms per call keeps Vosk's internal buffers small without per-call overhead dominating. */
    private static final int FEED_BYTES = SAMPLE_RATE / 5 * 2;

    private static final long CLOSE_WAIT_SECONDS = 5;

    /** Most users run an installed Parley, which carries the model: a build command is for a source checkout. */
    private static final String HOW_TO_FIX = "Set stt.model-path in config.yaml to an unzipped Vosk model folder"
            + " (models: https://alphacephei.com/vosk/models), or reinstall Parley, which brings the English one"
            + " (from a source checkout: ./mvnw generate-resources unpacks it).";

    private final Model model;
    private final Recognizer recognizer;
    /** One stream at a time: the recognizer decodes one utterance. */
    private final Semaphore session = new Semaphore(1);
    private volatile boolean closed;

    private VoskRecognizer(Model model, Recognizer recognizer) {
        this.model = model;
        this.recognizer = recognizer;
    }

    /** Loads the model in {@code modelDir}, or fails with a message that says how to get one. */
    public static VoskRecognizer load(Path modelDir) {
        checkLooksLikeModel(modelDir);
        LibVosk.setLogLevel(LogLevel.WARNINGS);
        long start = System.nanoTime();
        try {
            Model model = new Model(modelDir.toAbsolutePath().toString());
            VoskRecognizer loaded = new VoskRecognizer(model, new Recognizer(model, SAMPLE_RATE));
            LOG.info("Loaded speech model {} in {} ms", modelDir, (System.nanoTime() - start) / 1_000_000);
            return loaded;
        } catch (IOException e) {
            throw new SpeechModelException("The speech model at " + modelDir + " could not be loaded ("
                    + e.getMessage() + "); it is damaged or not a Vosk model. " + HOW_TO_FIX);
        }
    }

    private static void checkLooksLikeModel(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new SpeechModelException("No speech model at " + dir + ". " + HOW_TO_FIX);
        }
        // Vosk aborts the whole process (Kaldi KALDI_ERR) on some broken models, so catch the common
        // cases here where a clear message is still possible.
        boolean hasAcousticModel = Files.isRegularFile(dir.resolve("am/final.mdl"))
                || Files.isRegularFile(dir.resolve("final.mdl"));
        boolean hasConfig = Files.isRegularFile(dir.resolve("conf/model.conf"))
                || Files.isRegularFile(dir.resolve("mfcc.conf"));
        if (!hasAcousticModel || !hasConfig) {
            throw new SpeechModelException("The folder " + dir + " is not a Vosk model (it has no "
                    + (hasAcousticModel ? "conf/model.conf" : "am/final.mdl") + "). " + HOW_TO_FIX);
        }
    }

    /**
     * A spotter of {@code phrase} on this model (its own small recognizer, so it runs beside the
     * streams). The phrase's words must be in the model's vocabulary: Vosk would drop the others from
     * the grammar and the phrase could never be heard, so a phrase with one is refused naming it.
     */
    @Override
    public PhraseSpotter spotter(String phrase) {
        checkNotClosed();
        List<String> unknown = VoskVocabulary.unknownWords(model, VoskPhraseSpotter.normalize(phrase));
        if (!unknown.isEmpty()) {
            throw new SpeechModelException("The wake word '" + phrase + "' (voice.wake-word in config.yaml) cannot be"
                    + " heard: the speech model does not know " + (unknown.size() == 1 ? "the word '" : "the words '")
                    + String.join("', '", unknown) + "'. Choose a phrase of words it knows (English words for the"
                    + " bundled model), or a speech model of the phrase's language (stt.model-path).");
        }
        try {
            return new VoskPhraseSpotter(model, phrase);
        } catch (IOException e) {
            throw new SpeechModelException("The wake word '" + phrase + "' cannot be listened for: " + e.getMessage());
        }
    }

    /** Waits for the open stream, if any, to end; see {@link SpeechRecognizer#stream()}. */
    @Override
    public RecognitionStream stream() {
        checkNotClosed();
        session.acquireUninterruptibly();
        return new VoskStream();
    }

    /** A stream if none is open, without waiting; see {@link SpeechRecognizer#tryStream()}. */
    @Override
    public Optional<RecognitionStream> tryStream() {
        checkNotClosed();
        return session.tryAcquire() ? Optional.of(new VoskStream()) : Optional.empty();
    }

    private void checkNotClosed() {
        if (closed) {
            throw new IllegalStateException("the speech recognizer is closed");
        }
    }

    /**
     * A session on the one warm recognizer, reset when it ends. Its methods synchronize on the
     * recognizer because Vosk's recognizer is not thread-safe.
     */
    private final class VoskStream implements RecognitionStream {

        /** Text of the segments Vosk has already closed at pauses within the utterance. */
        private final StringBuilder segments = new StringBuilder();
        private boolean ended;

        @Override
        public void accept(float[] samples) {
            byte[] pcm = new AudioClip(samples, SAMPLE_RATE).toPcm16le();
            synchronized (recognizer) {
                requireOpen();
                for (int offset = 0; offset < pcm.length; offset += FEED_BYTES) {
                    int length = Math.min(FEED_BYTES, pcm.length - offset);
                    byte[] piece = offset == 0 && length == pcm.length ? pcm : Arrays.copyOfRange(pcm, offset, offset + length);
                    if (recognizer.acceptWaveForm(piece, length)) {
                        append(segments, words(recognizer.getResult(), "text"));
                    }
                }
            }
        }

        @Override
        public String partial() {
            synchronized (recognizer) {
                if (ended) {
                    return segments.toString();
                }
                StringBuilder text = new StringBuilder(segments);
                append(text, words(recognizer.getPartialResult(), "partial"));
                return text.toString();
            }
        }

        @Override
        public String finish() {
            synchronized (recognizer) {
                requireOpen();
                try {
                    append(segments, words(recognizer.getFinalResult(), "text"));
                } finally {
                    end();
                }
                return segments.toString();
            }
        }

        @Override
        public void close() {
            synchronized (recognizer) {
                if (!ended) {
                    // reset() alone keeps audio Kaldi's feature pipeline has buffered but not decoded,
                    // and the next utterance would start with it: finishing flushes it.
                    try {
                        recognizer.getFinalResult();
                    } finally {
                        end();
                    }
                }
            }
        }

        private void end() {
            ended = true;
            try {
                recognizer.reset();
            } finally {
                session.release();
            }
        }

        private void requireOpen() {
            if (ended) {
                throw new IllegalStateException("this recognition stream has ended; start another one");
            }
        }
    }

    private static String words(String resultJson, String field) {
        try {
            return JSON.readTree(resultJson).path(field).asText("").trim();
        } catch (IOException e) {
            throw new UncheckedIOException("Vosk returned unreadable JSON: " + resultJson, e);
        }
    }

    private static void append(StringBuilder text, String words) {
        if (!words.isEmpty()) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(words);
        }
    }

    /** Idempotent: a second call would wait for the stream permit that the first one kept. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            // Freeing the native recognizer under a running stream would crash the JVM; a stream left
            // open by a bug must not hang shutdown either, so wait a little and otherwise leak it.
            if (!session.tryAcquire(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("A recognition stream is still open after {} s; the speech model is not freed", CLOSE_WAIT_SECONDS);
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        synchronized (recognizer) {
            recognizer.close();
            model.close();
        }
    }
}
