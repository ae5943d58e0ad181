package dev.parley.voice;

import dev.parley.stt.RecognitionStream;

/** A recognition stream that hears no words and counts the samples it is asked to decode. */
final class WordlessStream implements RecognitionStream {

    long samples;

    @Override
    public void accept(float[] block) {
        samples += block.length;
    }

    @Override
    public String partial() {
        return "";
    }

    @Override
    public String finish() {
        return "";
    }

    @Override
    public void close() {
    }
}
