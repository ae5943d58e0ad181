package dev.parley.voice;

import dev.parley.audio.SpeechEndpointer;
import dev.parley.stt.RecognitionStream;
import java.util.function.Consumer;

/**
 * Feeds audio blocks to a recognition stream as they arrive, reports the partial transcript whenever
 * it changes, and tells once when the speaker has paused after speaking.
 */
final class LiveTranscript implements Consumer<float[]> {

    private final RecognitionStream stream;
    private final Consumer<String> partials;
    private final SpeechEndpointer endpointer;
    private final Runnable speechEnded;
    private String last = "";
    private boolean ended;

    LiveTranscript(RecognitionStream stream, Consumer<String> partials, SpeechEndpointer endpointer,
            Runnable speechEnded) {
        this.stream = stream;
        this.partials = partials;
        this.endpointer = endpointer;
        this.speechEnded = speechEnded;
    }

    @Override
    public void accept(float[] block) {
        stream.accept(block);
        String partial = stream.partial();
        if (!partial.equals(last)) {
            last = partial;
            partials.accept(partial);
        }
        if (endpointer.accept(block) == SpeechEndpointer.Event.SPEECH_ENDED && !ended) {
            ended = true;
            speechEnded.run();
        }
    }
}
