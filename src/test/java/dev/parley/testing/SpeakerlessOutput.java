package dev.parley.testing;

import dev.parley.audio.AudioDeviceException;
import dev.parley.pipeline.SpeechSink;
import dev.parley.pipeline.TurnClock;
import dev.parley.tts.SpeechSynthesizer;
import dev.parley.voice.SpeechOutput;
import java.util.function.Consumer;

/** A voice with no speaker to play on (none plugged in, the sound server gone): every answer's output fails to open. */
public final class SpeakerlessOutput implements SpeechOutput {

    public static final String PROBLEM = "No audio output device found.";

    private final SpeechSynthesizer voice;

    public SpeakerlessOutput(SpeechSynthesizer voice) {
        this.voice = voice;
    }

    @Override
    public SpeechSynthesizer voice() {
        return voice;
    }

    @Override
    public SpeechSink open(TurnClock clock, Runnable speaking, Consumer<String> heard) throws AudioDeviceException {
        throw new AudioDeviceException(PROBLEM);
    }
}
