package dev.parley.firstrun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.audio.AudioClip;
import dev.parley.audio.AudioDeviceException;
import dev.parley.config.ParleyPaths;
import dev.parley.tts.SpeechSynthesizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirstRunTest {

    @TempDir
    Path folder;

    @Test
    void theWelcomeIsDueUntilItWasDoneOnce() {
        ParleyPaths paths = new ParleyPaths(folder, folder.resolve("config"), folder.resolve("data"), folder.resolve("logs"));
        FirstRun firstRun = new FirstRun(paths);
        assertThat(firstRun.isDue()).isTrue();

        firstRun.markDone();

        assertThat(new FirstRun(paths).isDue()).isFalse();
        assertThat(firstRun.marker()).isEqualTo(folder.resolve("config/welcome-done"));
    }

    @Test
    void theVoiceCheckSpeaksTheSentenceAndReportsAMissingDevice() {
        List<String> spoken = new ArrayList<>();
        SpeechSynthesizer voice = new SpeechSynthesizer() {
            public AudioClip synthesize(String text) {
                spoken.add(text);
                return AudioClip.silence(1.5, 16000);
            }

            public int sampleRate() {
                return 16000;
            }

            public void close() {}
        };
        List<AudioClip> played = new ArrayList<>();

        VoiceCheck.Result ok = new VoiceCheck(voice, played::add).speak(VoiceCheck.TEST_SENTENCE);
        VoiceCheck.Result broken = new VoiceCheck(voice, clip -> {
            throw new AudioDeviceException("No audio output device.");
        }).speak("Hi.");

        assertThat(spoken).containsExactly(VoiceCheck.TEST_SENTENCE, "Hi.");
        assertThat(played).hasSize(1);
        assertThat(ok.describe()).isEqualTo("spoke 1.5 s of speech");
        assertThat(broken.played()).isFalse();
        assertThat(broken.describe()).contains("No audio output device.");
    }
}
