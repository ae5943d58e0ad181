package dev.parley.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.audio.AudioDeviceException;
import dev.parley.config.ConfigLoader;
import dev.parley.config.ParleyConfig;
import dev.parley.config.TtsConfig;
import dev.parley.pipeline.TurnClock;
import dev.parley.stt.RecognitionStream;
import dev.parley.stt.SpeechModelException;
import dev.parley.stt.SpeechRecognizer;
import dev.parley.testing.FakeSynthesizer;
import dev.parley.testing.TestConfigs;
import dev.parley.tts.SpeechSynthesisException;
import dev.parley.tts.SpeechSynthesizer;
import dev.parley.voice.SpeechOutput;
import dev.parley.voice.VoiceEvent;
import dev.parley.voice.VoiceEvent.SpeechPartChange;
import dev.parley.voice.VoiceEvent.SpeechPartChange.Step;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveSpeechSettingsTest {

    @TempDir
    Path folder;

    private final LinkedBlockingQueue<VoiceEvent> events = new LinkedBlockingQueue<>();
    private final Loader loader = new Loader();
    private final SwappableRecognizerTest.Model firstModel = new SwappableRecognizerTest.Model("lights on");
    private final Voice firstVoice = new Voice("cmu-slt-hsmm");
    private LiveSpeechSettings settings;

    /** A voice that knows its name and whether it was closed. */
    static final class Voice implements SpeechSynthesizer {
        final String name;
        final FakeSynthesizer sound = new FakeSynthesizer(10);
        boolean closed;
        double rate = 1;

        Voice(String name) {
            this.name = name;
        }

        @Override
        public dev.parley.audio.AudioClip synthesize(String text) {
            return sound.synthesize(text);
        }

        @Override
        public void tune(double rate, double volume) {
            this.rate = rate;
        }

        @Override
        public int sampleRate() {
            return FakeSynthesizer.SAMPLE_RATE;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** Makes fake parts: models for the folders it knows, voices it knows, devices it has. */
    static final class Loader implements SpeechPartLoader {
        final Map<Path, SwappableRecognizerTest.Model> models = new HashMap<>();
        final List<String> voices = new ArrayList<>(List.of("cmu-slt-hsmm", "dfki-prudence"));
        final List<String> devices = new ArrayList<>(List.of("", "USB headset"));
        final List<SwappableSpeechInputTest.Input> inputs = new ArrayList<>();
        final List<String> outputs = new ArrayList<>();
        int modelLoads;

        @Override
        public SpeechRecognizer speechModel(Path folder) {
            modelLoads++;
            SwappableRecognizerTest.Model model = models.get(folder);
            if (model == null) {
                throw new SpeechModelException("No speech model at " + folder + ".");
            }
            return model;
        }

        @Override
        public SpeechSynthesizer voice(TtsConfig tts) {
            if (!voices.contains(tts.voice())) {
                throw new SpeechSynthesisException("There is no MaryTTS voice '" + tts.voice() + "'.", null);
            }
            return new Voice(tts.voice());
        }

        @Override
        public void checkOutputDevice(String name) {
            check(name, "output");
        }

        @Override
        public void checkInputDevice(String name) {
            check(name, "input");
        }

        private void check(String name, String kind) {
            if (!devices.contains(name)) {
                throw new AudioDeviceException("No audio " + kind + " device matches '" + name + "'.");
            }
        }

        @Override
        public SpeechOutput output(SpeechSynthesizer voice, String name) {
            outputs.add(name);
            return new SwappableSpeechOutputTest.Output(voice);
        }

        @Override
        public SwappableSpeechInput.Part input(ParleyConfig config, SpeechRecognizer recognizer) {
            SwappableSpeechInputTest.Input made = new SwappableSpeechInputTest.Input(config.audio().inputDevice());
            inputs.add(made);
            return made.part();
        }
    }

    @BeforeEach
    void start() throws IOException {
        settings = new LiveSpeechSettings(config("", "cmu-slt-hsmm", "", ""), firstModel, firstVoice, loader,
                saved -> Path.of(saved.stt().modelPath()), events::add,
                Thread.ofPlatform().name("test-swap-", 0).daemon(true).factory());
    }

    @AfterEach
    void close() {
        settings.close();
    }

    private ParleyConfig config(String modelPath, String voice, String output, String input) throws IOException {
        return new ConfigLoader().load(TestConfigs.withSection(folder, """
                stt:
                  model-path: "%s"
                tts:
                  voice: %s
                  output-device: "%s"
                  rate: 1.2
                audio:
                  input-device: "%s"
                """.formatted(modelPath, voice, output, input)));
    }

    private SpeechPartChange next() throws InterruptedException {
        VoiceEvent event = events.poll(5, TimeUnit.SECONDS);
        assertThat(event).as("an event within 5 s").isInstanceOf(SpeechPartChange.class);
        return (SpeechPartChange) event;
    }

    private static String recognize(SpeechRecognizer recognizer) {
        try (RecognitionStream stream = recognizer.stream()) {
            stream.accept(new float[] {0.5f, -0.5f});
            return stream.finish();
        }
    }

    @Test
    void aSavedSpeechModelIsLoadedInTheBackgroundAndRecognizesTheNextUtterance() throws Exception {
        Path other = folder.resolve("vosk-model-en-us-0.22");
        loader.models.put(other, new SwappableRecognizerTest.Model("what time is it"));

        settings.apply(config(other.toString(), "cmu-slt-hsmm", "", ""));

        assertThat(next()).isEqualTo(new SpeechPartChange("speech model", Step.LOADING, ""));
        assertThat(next()).isEqualTo(new SpeechPartChange("speech model", Step.CHANGED, other.toString()));
        assertThat(recognize(settings.recognizer())).isEqualTo("what time is it");
        assertThat(firstModel.closed).as("the old model, unused").isTrue();
    }

    @Test
    void aFolderThatIsNoModelIsReportedAndTheModelInUseStays() throws Exception {
        Path nothing = folder.resolve("typo");

        settings.apply(config(nothing.toString(), "cmu-slt-hsmm", "", ""));

        assertThat(next().step()).isEqualTo(Step.LOADING);
        SpeechPartChange failed = next();
        assertThat(failed.step()).isEqualTo(Step.FAILED);
        assertThat(failed.detail()).isEqualTo("No speech model at " + nothing + ". The speech model in use stays.");
        assertThat(recognize(settings.recognizer())).isEqualTo("lights on");
        assertThat(firstModel.closed).isFalse();

        settings.apply(config(nothing.toString(), "cmu-slt-hsmm", "", ""));
        assertThat(next().step()).as("saved again: tried again").isEqualTo(Step.LOADING);
        assertThat(next().step()).isEqualTo(Step.FAILED);
        assertThat(loader.modelLoads).isEqualTo(2);
    }

    @Test
    void aVoiceThatIsNotInstalledIsReportedAndTheVoiceInUseStays() throws Exception {
        settings.apply(config("", "no-such-voice", "", ""));

        assertThat(next()).isEqualTo(new SpeechPartChange("voice", Step.LOADING, ""));
        assertThat(next()).isEqualTo(new SpeechPartChange("voice", Step.FAILED,
                "There is no MaryTTS voice 'no-such-voice'. The voice in use stays."));
        assertThat(settings.voice()).isSameAs(firstVoice);
        assertThat(firstVoice.closed).isFalse();
    }

    @Test
    void anotherVoiceSpeaksTheNextAnswerAndTheOldOneIsClosedOnceItsAnswerEnded() throws Exception {
        var answer = settings.output().open(new TurnClock(), () -> { }, heard -> { });

        settings.apply(config("", "dfki-prudence", "", ""));

        assertThat(next().step()).isEqualTo(Step.LOADING);
        assertThat(next()).isEqualTo(new SpeechPartChange("voice", Step.CHANGED, "dfki-prudence"));
        assertThat(((Voice) settings.voice()).name).isEqualTo("dfki-prudence");
        assertThat(firstVoice.closed).as("its answer still plays").isFalse();
        answer.finish();
        assertThat(firstVoice.closed).isTrue();
    }

    @Test
    void anotherOutputDeviceKeepsTheVoiceOpenAndPlaysTheNextAnswer() throws Exception {
        settings.apply(config("", "cmu-slt-hsmm", "USB headset", ""));

        assertThat(next()).isEqualTo(new SpeechPartChange("output device", Step.CHANGED, "USB headset"));
        assertThat(loader.outputs).containsExactly("", "USB headset");
        assertThat(settings.voice()).isSameAs(firstVoice);
        assertThat(firstVoice.closed).isFalse();
    }

    @Test
    void aMissingDeviceIsReportedAndTheDeviceInUseStays() throws Exception {
        settings.apply(config("", "cmu-slt-hsmm", "HDMI", "Webcam"));

        assertThat(next()).isEqualTo(new SpeechPartChange("output device", Step.FAILED,
                "No audio output device matches 'HDMI'. The output device in use stays."));
        assertThat(next()).isEqualTo(new SpeechPartChange("input device", Step.FAILED,
                "No audio input device matches 'Webcam'. The input device in use stays."));
        assertThat(loader.outputs).containsExactly("");
        assertThat(loader.inputs).hasSize(1);
        assertThat(loader.inputs.getFirst().closed).isFalse();
    }

    @Test
    void anotherMicrophoneIsOpenedAndTheOldOneClosedBetweenUtterances() throws Exception {
        settings.apply(config("", "cmu-slt-hsmm", "", "USB headset"));

        assertThat(next()).isEqualTo(new SpeechPartChange("input device", Step.CHANGED, "USB headset"));
        assertThat(loader.inputs).hasSize(2);
        assertThat(loader.inputs.getFirst().closed).isTrue();
        settings.input().begin(text -> { }, () -> { });
        assertThat(loader.inputs.getLast().begun).hasSize(1);
    }

    @Test
    void aSaveThatChangesNoSpeechPartLoadsNothingButRetunesTheVoice() throws Exception {
        settings.apply(config("", "cmu-slt-hsmm", "", ""));
        Path other = folder.resolve("other-model");
        loader.models.put(other, new SwappableRecognizerTest.Model());
        settings.apply(config(other.toString(), "cmu-slt-hsmm", "", ""));

        assertThat(next()).as("the first save said nothing").isEqualTo(new SpeechPartChange("speech model", Step.LOADING, ""));
        assertThat(loader.inputs).hasSize(1);
        assertThat(loader.outputs).hasSize(1);
        assertThat(firstVoice.rate).isEqualTo(1.2);
    }
}
