package dev.parley.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.audio.AudioDeviceException;
import dev.parley.stt.SpeechModelException;
import dev.parley.testing.FakeRecognizer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** What the voice loop asks the microphone input before it keeps listening over its own answer. */
class MicrophoneSpeechTest {

    @Test
    void hearsPastItsOwnVoiceExactlyWhileTheEchoIsCancelled() {
        AtomicBoolean cancelling = new AtomicBoolean();
        try (MicrophoneSpeech input = new MicrophoneSpeech(listener -> {
            throw new AudioDeviceException("no microphone here");
        }, Duration.ofMillis(800), new FakeRecognizer(), event -> { }, cancelling::get, "")) {
            assertThat(input.hearsPastOwnVoice()).isFalse();

            cancelling.set(true);

            assertThat(input.hearsPastOwnVoice()).isTrue();
        }
    }

    @Test
    void withoutEchoCancellationItIsHalfDuplex() {
        try (MicrophoneSpeech input = new MicrophoneSpeech(listener -> {
            throw new AudioDeviceException("no microphone here");
        }, Duration.ofMillis(800), new FakeRecognizer(), event -> { })) {
            assertThat(input.hearsPastOwnVoice()).isFalse();
        }
    }

    @Test
    void aWakeWordThatCannotBeHeardStopsOnlyHandsFreeSayingWhy() {
        // FakeRecognizer spots no phrase, as the speech model refuses a wake word of words it lacks.
        try (MicrophoneSpeech input = new MicrophoneSpeech(listener -> {
            throw new AudioDeviceException("no microphone here");
        }, Duration.ofMillis(800), new FakeRecognizer(), event -> { }, () -> true, "hey xyzzy")) {
            assertThat(input.hasWakeWord()).isTrue(); // an answer is not talked over without the phrase either

            assertThatThrownBy(() -> input.beginHandsFree(partial -> { }, () -> { }, () -> { }))
                    .isInstanceOf(SpeechModelException.class)
                    .hasMessageContaining("wake word");
            assertThatThrownBy(() -> input.beginOverlapping(partial -> { }, () -> { }, () -> { }))
                    .isInstanceOf(SpeechModelException.class);
        }
    }
}
