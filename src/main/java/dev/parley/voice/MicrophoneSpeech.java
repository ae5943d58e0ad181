package dev.parley.voice;

import dev.parley.audio.AudioDeviceException;
import dev.parley.audio.Microphone;
import dev.parley.audio.MicrophoneListener;
import dev.parley.audio.Recording;
import dev.parley.audio.SpeechEndpointer;
import dev.parley.stt.PhraseSpotter;
import dev.parley.stt.RecognitionStream;
import dev.parley.stt.SpeechModelException;
import dev.parley.stt.SpeechRecognizer;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Utterances from the microphone, recognized while they are spoken: by the time the talk key is
 * released, decoding has kept pace and only the last blocks are left to finish.
 *
 * <p>The microphone stays open, so the pre-roll always holds the last moments and the level meter
 * always moves. A microphone missing at start is tried again at each push-to-talk, so plugging one
 * in is enough; one that fails later is reopened by {@link Microphone} itself.
 */
public final class MicrophoneSpeech implements SpeechInput, AutoCloseable {

    private static final Logger LOG = LogManager.getLogger(MicrophoneSpeech.class);

    private final Function<MicrophoneListener, Microphone> opener;
    private final Duration endOfSpeechSilence;
    private final SpeechRecognizer recognizer;
    private final Consumer<VoiceEvent> events;
    private final BooleanSupplier echoCancelled;
    private final TalkOverLink talkOver;
    private final Duration bargeInMinSpeech;
    /** Listens for the wake word in hands-free mode; null when none is set, or it cannot be heard. */
    private final PhraseSpotter wakeWord;
    /**
     * Why the configured wake word cannot be heard (a word the speech model does not know), or null.
     * Only hands-free needs the phrase, so the talk key still works and hands-free says this instead.
     */
    private final SpeechModelException wakeWordProblem;
    private Microphone microphone;

    /**
     * Opens the microphone now if it can; reports its level and problems to {@code events}.
     *
     * @param opener opens the configured microphone, reporting to the listener it is given
     * @param endOfSpeechSilence the pause that ends an utterance when listening hands-free
     */
    public MicrophoneSpeech(Function<MicrophoneListener, Microphone> opener, Duration endOfSpeechSilence,
            SpeechRecognizer recognizer, Consumer<VoiceEvent> events) {
        this(opener, endOfSpeechSilence, recognizer, events, () -> false, "");
    }

    /** With the default {@code audio.barge-in-min-ms}. */
    public MicrophoneSpeech(Function<MicrophoneListener, Microphone> opener, Duration endOfSpeechSilence,
            SpeechRecognizer recognizer, Consumer<VoiceEvent> events, BooleanSupplier echoCancelled, String wakeWord) {
        this(opener, endOfSpeechSilence, recognizer, events, echoCancelled, wakeWord,
                Duration.ofMillis(BargeInWatcher.DEFAULT_MIN_SPEECH_MS));
    }

    /**
     * @param echoCancelled whether the microphone the opener opens has Parley's own voice removed
     *     right now and the user wants to talk over answers ({@code audio.talk-over} and
     *     {@code LiveEchoCancellation::cancelsEcho}); see {@link #hearsPastOwnVoice()}
     * @param wakeWord the phrase hands-free listening waits for ({@code voice.wake-word}); blank: none
     * @param bargeInMinSpeech voice that interrupts an answer without a recognized word
     *     ({@code audio.barge-in-min-ms})
     */
    public MicrophoneSpeech(Function<MicrophoneListener, Microphone> opener, Duration endOfSpeechSilence,
            SpeechRecognizer recognizer, Consumer<VoiceEvent> events, BooleanSupplier echoCancelled, String wakeWord,
            Duration bargeInMinSpeech) {
        this(opener, endOfSpeechSilence, recognizer, events, echoCancelled, wakeWord, bargeInMinSpeech,
                TalkOverLink.NONE);
    }

    /** @param talkOver what listening while Parley speaks shares with the speaker side */
    public MicrophoneSpeech(Function<MicrophoneListener, Microphone> opener, Duration endOfSpeechSilence,
            SpeechRecognizer recognizer, Consumer<VoiceEvent> events, BooleanSupplier echoCancelled, String wakeWord,
            Duration bargeInMinSpeech, TalkOverLink talkOver) {
        this.talkOver = talkOver;
        this.echoCancelled = echoCancelled;
        this.bargeInMinSpeech = bargeInMinSpeech;
        this.opener = opener;
        this.endOfSpeechSilence = endOfSpeechSilence;
        this.recognizer = recognizer;
        this.events = events;
        PhraseSpotter spotter = null;
        SpeechModelException problem = null;
        if (wakeWord != null && !wakeWord.isBlank()) {
            try {
                spotter = recognizer.spotter(wakeWord);
            } catch (SpeechModelException e) {
                LOG.info("Hands-free cannot start: {}", e.getMessage()); // said when it is turned on
                problem = e;
            }
        }
        this.wakeWord = spotter;
        this.wakeWordProblem = problem;
        try {
            opened();
        } catch (AudioDeviceException e) {
            // Reported; the next push-to-talk tries again.
        }
    }

    private synchronized Microphone opened() throws AudioDeviceException {
        if (microphone == null) {
            try {
                microphone = opener.apply(new MicrophoneListener() {
                    @Override
                    public void level(double dbfs) {
                        events.accept(new VoiceEvent.Level(dbfs));
                    }

                    @Override
                    public void deviceLost(AudioDeviceException problem) {
                        events.accept(new VoiceEvent.MicrophoneStatus(problem.words(), problem.commands()));
                    }

                    @Override
                    public void deviceRestored() {
                        events.accept(new VoiceEvent.MicrophoneStatus(""));
                    }
                });
            } catch (AudioDeviceException e) {
                events.accept(new VoiceEvent.MicrophoneStatus(e.words(), e.commands()));
                throw e;
            }
        }
        return microphone;
    }

    @Override
    public Utterance begin(Consumer<String> partials, Runnable speechEnded) {
        return transcribed(partials, speechEnded, false);
    }

    /**
     * An utterance transcribed as it comes; {@code waitForSpeech}: hands-free, where the recognizer
     * only gets audio from just before the user starts speaking (see {@link LiveTranscript}).
     */
    private Utterance transcribed(Consumer<String> partials, Runnable speechEnded, boolean waitForSpeech) {
        Microphone open = opened();
        RecognitionStream stream = recognizer.stream();
        Recording recording;
        try {
            recording = open.startListening(new LiveTranscript(stream, partials,
                    new SpeechEndpointer(Microphone.SAMPLE_RATE, endOfSpeechSilence), speechEnded, waitForSpeech));
        } catch (RuntimeException e) {
            stream.close();
            throw e;
        }
        return new Utterance() {
            @Override
            public String finish() {
                recording.stop();
                return stream.finish();
            }

            @Override
            public void cancel() {
                recording.stop();
                stream.close();
            }
        };
    }

    @Override
    public Utterance beginHandsFree(Consumer<String> partials, Runnable speechEnded, Runnable woke) {
        if (wakeWordProblem != null) {
            throw new SpeechModelException(wakeWordProblem.getMessage());
        }
        if (wakeWord == null) {
            return transcribed(partials, speechEnded, true);
        }
        WakeGate gate = new WakeGate(wakeWord, recognizer::stream, partials, endOfSpeechSilence, speechEnded, woke);
        return taken(opened().startListening(gate), gate::finish, gate::cancel);
    }

    /** With a wake word, only the phrase interrupts: a television talking over Parley must not. */
    @Override
    public Utterance beginOverlapping(Consumer<String> partials, Runnable speechEnded, Runnable bargedIn) {
        if (hasWakeWord()) {
            return beginHandsFree(partials, speechEnded, bargedIn);
        }
        BargeInGate gate = new BargeInGate(recognizer::stream, bargeInMinSpeech, endOfSpeechSilence, partials,
                speechEnded, bargedIn, talkOver);
        return taken(opened().startListening(gate), gate::finish, gate::cancel);
    }

    /** The utterance {@code recording} feeds: stopping the recording comes first either way. */
    private static Utterance taken(Recording recording, Supplier<String> finish, Runnable cancel) {
        return new Utterance() {
            @Override
            public String finish() {
                recording.stop();
                return finish.get();
            }

            @Override
            public void cancel() {
                recording.stop();
                cancel.run();
            }
        };
    }

    @Override
    public boolean hasWakeWord() {
        return wakeWord != null || wakeWordProblem != null;
    }

    @Override
    public boolean hearsPastOwnVoice() {
        return echoCancelled.getAsBoolean();
    }

    @Override
    public synchronized void close() {
        if (microphone != null) {
            microphone.close();
            microphone = null;
        }
        if (wakeWord != null) {
            wakeWord.close();
        }
    }
}
