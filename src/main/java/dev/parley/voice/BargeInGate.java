package dev.parley.voice;

import dev.parley.audio.SpeechEndpointer;
import dev.parley.stt.RecognitionStream;
import dev.parley.stt.SpeechRecognizer;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Hands-free while an answer plays: the echo-cancelled microphone's audio waits here until the user
 * talks over Parley ({@link BargeInWatcher}), then becomes the next utterance, the words spoken
 * during the overlap and a lead-in before them included. Until then nothing is shown or kept: each
 * stretch of sound is recognized (the watcher needs its words) and dropped when it ends without a
 * barge-in, so a cough or the television leaves no words in the next question. Runs on the
 * microphone's thread (one producer).
 */
public final class BargeInGate implements Consumer<float[]> {

    private static final Logger LOG = LogManager.getLogger(BargeInGate.class);

    /** Audio kept from before the end-pointer confirms speech, so the first word is whole. */
    private static final int LEAD_IN_SAMPLES = SpeechRecognizer.SAMPLE_RATE * 400 / 1000;

    private final Supplier<RecognitionStream> streams;
    private final BargeInWatcher watcher;
    private final TalkOverLink link;
    /** What {@link TalkOverLink#voiceOver} was last told. */
    private boolean voiceOver;
    private final Consumer<String> partials;
    private final Runnable speechEnded;
    private final Runnable bargedIn;
    private final SpeechEndpointer segments;
    private final LeadIn leadIn = new LeadIn(LEAD_IN_SAMPLES);
    /** Recognizes the current stretch of sound; null between stretches. */
    private RecognitionStream stream;
    /** The utterance once the user barged in; null before. */
    private LiveTranscript utterance;
    private boolean closed;

    /**
     * @param streams opens a recognition stream for a stretch of sound
     * @param speechEnded runs once the user pauses after barging in ({@code endOfSpeechSilence})
     * @param bargedIn runs once, when the user barges in, before any partial is shown
     */
    public BargeInGate(Supplier<RecognitionStream> streams, Duration minSpeech, Duration endOfSpeechSilence,
            Consumer<String> partials, Runnable speechEnded, Runnable bargedIn) {
        this(streams, minSpeech, endOfSpeechSilence, partials, speechEnded, bargedIn, TalkOverLink.NONE);
    }

    /** @param link what the gate reads from and tells the output side (the settling guard, the ducking) */
    public BargeInGate(Supplier<RecognitionStream> streams, Duration minSpeech, Duration endOfSpeechSilence,
            Consumer<String> partials, Runnable speechEnded, Runnable bargedIn, TalkOverLink link) {
        this.link = link;
        this.streams = streams;
        this.watcher = new BargeInWatcher(minSpeech);
        this.partials = partials;
        this.speechEnded = speechEnded;
        this.bargedIn = bargedIn;
        this.segments = new SpeechEndpointer(SpeechRecognizer.SAMPLE_RATE, endOfSpeechSilence);
    }

    @Override
    public synchronized void accept(float[] block) {
        if (closed) {
            return;
        }
        if (utterance != null) {
            utterance.accept(block);
            return;
        }
        try {
            hearOverAnswer(block);
        } catch (RuntimeException e) {
            tellVoiceOver(false); // no more blocks come to a listener that failed (Recording)
            throw e;
        }
    }

    private void hearOverAnswer(float[] block) {
        SpeechEndpointer.Event event = segments.accept(block);
        boolean now = watcher.hear(block, link.ownVoiceLeaks().getAsBoolean());
        tellVoiceOver(watcher.hearingVoice() || now);
        if (stream == null && (event == SpeechEndpointer.Event.SPEECH_STARTED || now)) {
            stream = streams.get();
            leadIn.replayTo(stream::accept);
        }
        leadIn.add(block);
        if (stream == null) {
            return;
        }
        stream.accept(block);
        now |= watcher.words(stream.partial());
        if (now) {
            takeOver();
        } else if (event == SpeechEndpointer.Event.SPEECH_ENDED) {
            LOG.debug("Dropped a stretch of sound without a barge-in: \"{}\"", stream.partial());
            stream.close(); // a noise, not the user: nothing of it stays
            stream = null;
        }
    }

    /** From here on the stretch is the user's utterance: it ends at their next pause. */
    private void takeOver() {
        bargedIn.run();
        tellVoiceOver(false); // the answer is stopped; the next one plays at full level
        leadIn.clear();
        utterance = new LiveTranscript(stream, partials, segments, speechEnded, false);
        partials.accept(stream.partial());
        if (!segments.inSpeech()) {
            speechEnded.run(); // the stretch had already ended in this very block
        }
    }

    /**
     * Tells the output side: "voice over the answer" again with every block while it lasts (it
     * expires when not said again, so a microphone that stops mid-voice cannot leave the answer
     * lowered), and once when it ends.
     */
    private void tellVoiceOver(boolean heard) {
        if (heard != voiceOver) {
            voiceOver = heard;
            LOG.debug(heard ? "Voice over the answer: lowering it" : "Voice over the answer ended: full level");
        } else if (!heard) {
            return;
        }
        link.voiceOver().accept(heard);
    }

    /** The utterance's transcript once the user barged in; "" before (nothing to answer). */
    public synchronized String finish() {
        closed = true;
        tellVoiceOver(false);
        if (utterance == null) {
            closeStream();
            return "";
        }
        return stream.finish();
    }

    /** Drops what was taken. */
    public synchronized void cancel() {
        closed = true;
        tellVoiceOver(false);
        closeStream();
    }

    private void closeStream() {
        if (stream != null) {
            stream.close();
            stream = null;
        }
    }
}
