package dev.parley.voice;

import dev.parley.audio.Microphone;
import dev.parley.audio.SpeechEndpointer;
import dev.parley.stt.RecognitionStream;
import java.util.function.Consumer;

/**
 * Feeds audio blocks to a recognition stream as they arrive, reports the partial transcript whenever
 * it changes, and tells once when the speaker has paused after speaking.
 *
 * <p>Hands-free ({@code waitForSpeech}) the recognizer gets nothing until the endpointer hears speech
 * start, then the last {@link #LEAD_IN_SAMPLES} before it and everything after: a hands-free turn may
 * wait for speech for hours, and a recognizer fed all of it spent ~5 % of a core decoding silence and
 * grew its decoding state for as long as nobody spoke.
 */
final class LiveTranscript implements Consumer<float[]> {

    /** Audio kept from before the detected start (which comes 100 ms into speech): half a second. */
    static final int LEAD_IN_SAMPLES = Microphone.SAMPLE_RATE / 2;

    private final RecognitionStream stream;
    private final Consumer<String> partials;
    private final SpeechEndpointer endpointer;
    private final Runnable speechEnded;
    private final LeadIn leadIn = new LeadIn(LEAD_IN_SAMPLES);
    private boolean hearing;
    private String last = "";
    private boolean ended;

    LiveTranscript(RecognitionStream stream, Consumer<String> partials, SpeechEndpointer endpointer,
            Runnable speechEnded, boolean waitForSpeech) {
        this.stream = stream;
        this.partials = partials;
        this.endpointer = endpointer;
        this.speechEnded = speechEnded;
        this.hearing = !waitForSpeech;
    }

    @Override
    public void accept(float[] block) {
        SpeechEndpointer.Event event = endpointer.accept(block);
        if (!hearing) {
            if (event != SpeechEndpointer.Event.SPEECH_STARTED) {
                leadIn.add(block);
                return;
            }
            hearing = true;
            leadIn.replayTo(stream::accept);
            leadIn.clear();
        }
        stream.accept(block);
        String partial = stream.partial();
        if (!partial.equals(last)) {
            last = partial;
            partials.accept(partial);
        }
        if (event == SpeechEndpointer.Event.SPEECH_ENDED && !ended) {
            ended = true;
            speechEnded.run();
        }
    }
}
