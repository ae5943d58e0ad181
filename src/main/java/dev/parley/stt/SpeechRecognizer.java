package dev.parley.stt;

import dev.parley.audio.AudioClip;

/** Turns speech into text. The one hook the pipeline calls for recognition. */
public interface SpeechRecognizer extends AutoCloseable {

    /** Transcribes a whole utterance of any sample rate; returns lower-case words, or "" for silence. */
    String transcribe(AudioClip utterance);

    @Override
    void close();
}
