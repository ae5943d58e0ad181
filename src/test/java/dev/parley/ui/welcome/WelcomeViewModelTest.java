package dev.parley.ui.welcome;

import dev.parley.firstrun.VoiceCheck;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.config.ConfigLoader;
import dev.parley.config.ParleyConfig;
import dev.parley.firstrun.ModelOffers;
import dev.parley.firstrun.OllamaProbe;
import dev.parley.ui.Tasks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WelcomeViewModelTest {

    @TempDir
    Path folder;

    private final SimpleBooleanProperty voiceLoaded = new SimpleBooleanProperty(false);

    private WelcomeViewModel started(FakeWelcome backend) {
        WelcomeViewModel model = new WelcomeViewModel(backend, Tasks.direct(), voiceLoaded);
        model.start();
        return model;
    }

    private ParleyConfig saved(FakeWelcome backend) {
        return new ConfigLoader().load(backend.configFile);
    }

    @Test
    void theMeterFollowsTheMicrophoneAndSaysWeHearYouOnceSpeechArrives() {
        FakeWelcome backend = new FakeWelcome(folder, 0);
        WelcomeViewModel model = started(backend);
        assertThat(backend.calls).contains("mic-open");
        assertThat(model.microphoneStatusProperty().get()).isEqualTo("Say something: the bar should move.");

        backend.listener.level(-70);
        assertThat(model.levelProperty().get()).isZero();
        assertThat(model.heardProperty().get()).isFalse();

        backend.listener.level(-20);
        assertThat(model.levelProperty().get()).isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(0.01));
        assertThat(model.heardProperty().get()).isTrue();
        assertThat(model.microphoneStatusProperty().get()).isEqualTo("We hear you.");

        model.next();
        assertThat(model.stepProperty().get()).isEqualTo(WelcomeViewModel.VOICE);
        assertThat(backend.calls).contains("mic-close");
        assertThat(model.levelProperty().get()).isZero();
    }

    @Test
    void aMissingMicrophoneSaysHowToFixItAndTheStepCanBeSkipped() {
        FakeWelcome backend = new FakeWelcome(folder, 0);
        backend.noMicrophone = true;
        WelcomeViewModel model = started(backend);

        assertThat(model.microphoneMissingProperty().get()).isTrue();
        assertThat(model.microphoneStatusProperty().get()).startsWith("No input device found.")
                .contains("pick the input device in Settings", "Try again", "copied below")
                .doesNotContain("pactl"); // plain words; the commands wait behind the Copy button
        assertThat(model.microphoneCommandsProperty().get())
                .isEqualTo("pactl load-module module-null-sink\npactl set-default-source x");

        backend.noMicrophone = false;
        model.listen();
        assertThat(model.microphoneMissingProperty().get()).isFalse();
        assertThat(model.microphoneCommandsProperty().get()).isEmpty();
        assertThat(backend.calls).contains("mic-open");

        model.next();
        assertThat(model.stepProperty().get()).isEqualTo(WelcomeViewModel.VOICE);
    }

    @Test
    void theTestSentenceWaitsForTheVoiceToLoad() {
        FakeWelcome backend = new FakeWelcome(folder, 0);
        WelcomeViewModel model = started(backend);
        model.next();

        assertThat(model.canSpeakBinding().get()).isFalse();
        assertThat(model.voiceStatusProperty().get()).startsWith("The voice is still loading");
        model.playTestSentence();
        assertThat(backend.calls).doesNotContain("speak");

        voiceLoaded.set(true);
        assertThat(model.canSpeakBinding().get()).isTrue();
        assertThat(model.voiceStatusProperty().get()).isEmpty();
        model.playTestSentence();
        assertThat(backend.calls).contains("speak");
        assertThat(model.voiceStatusProperty().get()).startsWith("Did you hear it?").contains("3.2 s");
    }

    @Test
    void missingSpeakersSayWhatIsWrongInWordsWithTheCommandsApart() {
        FakeWelcome backend = new FakeWelcome(folder, 0);
        backend.speakerResult = new VoiceCheck.Result(false, 3.2, "No audio output device found.",
                "sudo apt-get install pulseaudio");
        WelcomeViewModel model = started(backend);
        model.next();
        voiceLoaded.set(true);

        model.playTestSentence();

        assertThat(model.voiceStatusProperty().get()).isEqualTo("Could not play speech: No audio output device found."
                + " Check the output device in Settings, or go on: answers also appear as text.");
        assertThat(model.voiceCommandsProperty().get()).isEqualTo("sudo apt-get install pulseaudio");
    }

    @Test
    void aRunningOllamaIsOfferedFirstAndFinishWritesItAndTheMarker() {
        FakeWelcome backend = new FakeWelcome(folder, 0);
        WelcomeViewModel model = started(backend);

        assertThat(model.models().offers()).hasSize(3);
        assertThat(model.models().selectedProperty().get()).isEqualTo(new ModelOffers.OllamaOffer("qwen2.5:0.5b", OllamaProbe.DEFAULT_URL));
        assertThat(model.models().offersStatusProperty().get()).isEqualTo("Ollama runs at http://localhost:11434 with qwen2.5:0.5b.");

        List<String> switchedTo = new ArrayList<>();
        model.onFinished(switchedTo::add);
        model.next();
        model.next();
        model.finish();

        assertThat(model.doneProperty().get()).isTrue();
        assertThat(model.finishStatusProperty().get()).startsWith("Saved: ollama answers from now on");
        assertThat(switchedTo).as("the window switches to it at once").containsExactly("ollama");
        assertThat(saved(backend).llm().active()).isEqualTo("ollama");
        assertThat(saved(backend).llm().providers().get("ollama").model()).isEqualTo("qwen2.5:0.5b");
        assertThat(backend.firstRun().isDue()).isFalse();
    }

    @Test
    void withoutOllamaTheEmbeddedModelIsOfferedWithItsDownloadSize() {
        FakeWelcome backend = new FakeWelcome(folder, 0);
        backend.ollamaRunning = false;
        WelcomeViewModel model = started(backend);

        assertThat(model.models().selectedProperty().get()).isInstanceOf(ModelOffers.EmbeddedOffer.class);
        assertThat(model.models().selectedProperty().get().describe()).contains("1.3 GB download on first use");
        assertThat(model.models().offersStatusProperty().get()).startsWith("No Ollama at");

        model.finish();
        assertThat(saved(backend).llm().active()).isEqualTo("embedded");
    }

    @Test
    void aTypedCloudKeyGoesToTheKeychainNeverIntoTheConfig() throws Exception {
        FakeWelcome backend = new FakeWelcome(folder, 0);
        WelcomeViewModel model = started(backend);
        model.models().selectedProperty().set(model.models().offers().get(2));

        assertThat(model.models().needsKeyProperty().get()).isTrue();
        assertThat(model.models().keyNoteProperty().get()).contains("stored in the OS keychain as OPENAI_API_KEY");
        model.models().apiKeyProperty().set(" sk-test-123 ");
        model.finish();

        assertThat(backend.keychain).containsEntry("OPENAI_API_KEY", "sk-test-123");
        assertThat(saved(backend).llm().active()).isEqualTo("openai");
        assertThat(Files.readString(backend.configFile)).doesNotContain("sk-test-123");
        assertThat(model.models().apiKeyProperty().get()).isEmpty();
    }

    @Test
    void aCloudProviderChosenWithoutItsKeyIsSavedAsAnsweringOnceTheKeyIsSet() {
        FakeWelcome backend = new FakeWelcome(folder, 0);
        WelcomeViewModel model = started(backend);
        model.models().selectedProperty().set(model.models().offers().get(2));

        model.finish();

        assertThat(saved(backend).llm().active()).isEqualTo("openai");
        assertThat(model.finishStatusProperty().get()).isEqualTo("Saved: openai answers once OPENAI_API_KEY is set:"
                + " paste the key in Settings › Providers, or set OPENAI_API_KEY in your environment and start Parley"
                + " again.");
    }

    @Test
    void withoutAKeychainTheWelcomeNamesTheVariableToSet() {
        FakeWelcome backend = new FakeWelcome(folder, 0);
        backend.keychainAvailable = false;
        WelcomeViewModel model = started(backend);
        model.models().selectedProperty().set(model.models().offers().get(2));

        assertThat(model.models().keyNoteProperty().get()).startsWith("There is no keychain on this system: set OPENAI_API_KEY");
        model.models().apiKeyProperty().set("sk-ignored");
        model.finish();
        assertThat(backend.keychain).isEmpty();
        assertThat(saved(backend).llm().active()).isEqualTo("openai");
        assertThat(model.finishStatusProperty().get()).as("not 'answers from now on': without its key it cannot")
                .isEqualTo("Saved: openai answers once OPENAI_API_KEY is set: export OPENAI_API_KEY=… in your"
                        + " environment and start Parley again.");
    }

    @Test
    void skipWritesOnlyTheMarker() throws Exception {
        FakeWelcome backend = new FakeWelcome(folder, 0);
        String before = Files.readString(backend.configFile);
        WelcomeViewModel model = started(backend);

        model.skip();

        assertThat(model.doneProperty().get()).isTrue();
        assertThat(model.finishStatusProperty().get()).isEmpty();
        assertThat(backend.firstRun().isDue()).isFalse();
        assertThat(Files.readString(backend.configFile)).isEqualTo(before);
        assertThat(backend.calls).contains("mic-close");
    }

    @Test
    void closingWithoutFinishingLeavesTheWelcomeDue() {
        FakeWelcome backend = new FakeWelcome(folder, 0);
        WelcomeViewModel model = started(backend);
        model.close();
        assertThat(backend.calls).contains("mic-close");
        assertThat(backend.firstRun().isDue()).isTrue();
    }
}
