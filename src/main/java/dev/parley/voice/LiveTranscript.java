package dev.parley.voice;

import dev.parley.stt.RecognitionStream;
import java.util.function.Consumer;

/** Feeds audio blocks to a recognition stream as they arrive and reports the partial transcript whenever it changes. */
final class LiveTranscript implements Consumer<float[]> {

    private final RecognitionStream stream;
    private final Consumer<String> partials;
    private String last = "";

    LiveTranscript(RecognitionStream stream, Consumer<String> partials) {
        this.stream = stream;
        this.partials = partials;
    }

    @Override
    public void accept(float[] block) {
        stream.accept(block);
        String partial = stream.partial();
        if (!partial.equals(last)) {
            last = partial;
            partials.accept(partial);
        }
    }
}
