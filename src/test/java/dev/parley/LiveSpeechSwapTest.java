package dev.parley;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.audio.AudioClip;
import dev.parley.audio.WavFiles;
import dev.parley.config.ConfigLoader;
import dev.parley.config.ParleyConfig;
import dev.parley.config.ParleyPaths;
import dev.parley.config.TtsConfig;
import dev.parley.live.LiveSpeechSettings;
import dev.parley.live.SwappableSpeechOutput;
import dev.parley.pipeline.SpeechSink;
import dev.parley.pipeline.TurnClock;
import dev.parley.stt.RecognitionStream;
import dev.parley.stt.SpeechRecognizer;
import dev.parley.testing.TestConfigs;
import dev.parley.tts.SpeechSynthesizer;
import dev.parley.voice.VoiceEvent;
import dev.parley.voice.VoiceEvent.SpeechPartChange;
import dev.parley.voice.VoiceEvent.SpeechPartChange.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Settings changes applied while Parley runs, with the real parts: the bundled Vosk model swapped
 * for a copy of itself from another folder (loaded a second time, for real) while an utterance is
 * being recognized, and the real MaryTTS voice: a voice that is not installed, and a second voice
 * loaded while the first one speaks.
 */
@Tag("real")
class LiveSpeechSwapTest {

    private static final Path BUNDLED = Path.of("models/vosk-model-small-en-us-0.15");
    private static final Path AUDIO = Path.of("src/test/resources/audio");
    private static final int BLOCK = SpeechRecognizer.SAMPLE_RATE / 40;

    @TempDir
    Path folder;

    private final LinkedBlockingQueue<VoiceEvent> events = new LinkedBlockingQueue<>();
    private SpeechParts speech;
    private LiveSpeechSettings live;

    @BeforeEach
    void startWithTheBundledModelAndVoice() throws IOException {
        ParleyConfig loaded = config(BUNDLED.toAbsolutePath(), "cmu-slt-hsmm");
        ParleyPaths paths = new ParleyPaths(Path.of("."), folder, folder.resolve("data"), folder.resolve("logs"));
        AtomicReference<ParleyConfig> current = new AtomicReference<>(loaded);
        speech = new SpeechParts(paths, current::get);
        live = new LiveSpeechSettings(loaded, speech.recognizer(), speech.synthesizer(),
                new LiveSpeechParts(speech, events::add), saved -> saved.speechModel(paths), events::add,
                Components.threads("test-speech-swap"));
    }

    @AfterEach
    void close() {
        live.close();
        speech.close();
    }

    private ParleyConfig config(Path model, String voice) throws IOException {
        Path configFolder = Files.createDirectories(folder.resolve("config-" + System.nanoTime()));
        return new ConfigLoader().load(TestConfigs.withSection(configFolder, """
                stt:
                  model-path: "%s"
                tts:
                  voice: %s
                """.formatted(model, voice)));
    }

    private SpeechPartChange next() throws InterruptedException {
        while (true) {
            VoiceEvent event = events.poll(60, TimeUnit.SECONDS);
            assertThat(event).as("a speech part change within 60 s").isNotNull();
            if (event instanceof SpeechPartChange change) {
                return change;
            }
        }
    }

    @Test
    void theSpeechModelIsSwappedForACopyWhileAnUtteranceIsRecognizedWhichFinishesOnTheOldOne() throws Exception {
        AudioClip weather = WavFiles.readMono(AUDIO.resolve("weather-16k-s16-mono.wav"));
        Path copy = copyOfTheBundledModel();
        SpeechRecognizer firstModel = speech.recognizer();
        RecognitionStream speaking = live.recognizer().stream();
        float[] samples = weather.samples();
        int half = samples.length / 2 / BLOCK * BLOCK;
        feed(speaking, Arrays.copyOfRange(samples, 0, half));

        long start = System.nanoTime();
        live.apply(config(copy, "cmu-slt-hsmm"));
        assertThat(next()).isEqualTo(new SpeechPartChange("speech model", Step.LOADING, ""));
        assertThat(next()).isEqualTo(new SpeechPartChange("speech model", Step.CHANGED, copy.toString()));
        System.out.printf("speech model loaded and swapped in %d ms%n", (System.nanoTime() - start) / 1_000_000);

        feed(speaking, Arrays.copyOfRange(samples, half, samples.length));
        assertThat(speaking.finish()).as("the utterance begun on the old model").isEqualTo("what is the weather like today");
        assertThatThrownBy(firstModel::stream).as("the old model, closed after its utterance")
                .hasMessageContaining("closed");
        assertThat(live.recognizer().transcribe(weather)).as("the next utterance, on the copy")
                .isEqualTo("what is the weather like today");
    }

    @Test
    void aFolderThatIsNoSpeechModelIsReportedAndTheModelInUseKeepsRecognizing() throws Exception {
        Path empty = Files.createDirectories(folder.resolve("not-a-model"));

        live.apply(config(empty, "cmu-slt-hsmm"));

        assertThat(next().step()).isEqualTo(Step.LOADING);
        SpeechPartChange failed = next();
        assertThat(failed.step()).isEqualTo(Step.FAILED);
        assertThat(failed.detail()).startsWith("The folder " + empty + " is not a Vosk model")
                .endsWith("The speech model in use stays.");
        AudioClip lights = WavFiles.readMono(AUDIO.resolve("lights-16k-s16-mono.wav"));
        assertThat(live.recognizer().transcribe(lights)).isNotBlank();
    }

    @Test
    void aVoiceThatIsNotInstalledIsReportedWithTheVoicesThereAreAndTheVoiceInUseKeepsSpeaking() throws Exception {
        live.apply(config(BUNDLED.toAbsolutePath(), "cmu-rms-hsmm"));

        assertThat(next()).isEqualTo(new SpeechPartChange("voice", Step.LOADING, ""));
        SpeechPartChange failed = next();
        assertThat(failed.step()).isEqualTo(Step.FAILED);
        assertThat(failed.detail()).contains("There is no MaryTTS voice 'cmu-rms-hsmm'")
                .contains("cmu-slt-hsmm").endsWith("The voice in use stays.");
        assertThat(live.voice()).isSameAs(speech.synthesizer());
        assertThat(live.voice().synthesize("Still here.").durationSeconds()).isGreaterThan(0.3);
    }

    @Test
    void aNewVoiceLoadedWhileAnAnswerIsSpokenTakesOverFromTheNextAnswer() throws Exception {
        SpeechSynthesizer first = speech.synthesizer();
        SwappableSpeechOutput output = new SwappableSpeechOutput(new SwappableSpeechOutput.Part(
                new LiveSpeechParts(speech, events::add).output(first, ""), () -> { }));
        String sentence = "The weather today is sunny with a light breeze from the west.";
        SpeechSink answer = output.open(new TurnClock(), () -> { }, heard -> { });
        SpeechSynthesizer answering = output.voice();
        CompletableFuture<AudioClip> spoken = CompletableFuture.supplyAsync(() -> answering.synthesize(sentence));

        SpeechSynthesizer faster = new LiveSpeechParts(speech, events::add)
                .voice(new TtsConfig("cmu-slt-hsmm", "", 1.5, 1.0));
        output.replace(new SwappableSpeechOutput.Part(new LiveSpeechParts(speech, events::add).output(faster, ""),
                faster::close));

        assertThat(answering).as("the answer being spoken keeps its voice").isSameAs(first);
        AudioClip before = spoken.get(30, TimeUnit.SECONDS);
        answer.silence();
        output.open(new TurnClock(), () -> { }, heard -> { }).silence();
        assertThat(output.current().voice()).isSameAs(faster);
        AudioClip after = output.current().voice().synthesize(sentence);
        assertThat(after.durationSeconds()).as("the next answer, at rate 1.5")
                .isLessThan(before.durationSeconds() * 0.85);
    }

    private Path copyOfTheBundledModel() throws IOException {
        Path copy = folder.resolve("model-copy");
        try (Stream<Path> files = Files.walk(BUNDLED)) {
            for (Path source : files.toList()) {
                Path target = copy.resolve(BUNDLED.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        return copy;
    }

    private static void feed(RecognitionStream stream, float[] samples) {
        for (int at = 0; at < samples.length; at += BLOCK) {
            stream.accept(Arrays.copyOfRange(samples, at, Math.min(samples.length, at + BLOCK)));
        }
    }
}
