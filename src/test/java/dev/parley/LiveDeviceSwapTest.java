package dev.parley;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.audio.AudioClip;
import dev.parley.config.ConfigLoader;
import dev.parley.config.ParleyConfig;
import dev.parley.config.ParleyPaths;
import dev.parley.live.LiveSpeechSettings;
import dev.parley.pipeline.SpeechSink;
import dev.parley.pipeline.TurnClock;
import dev.parley.testing.Loopback;
import dev.parley.testing.TestConfigs;
import dev.parley.testing.WordErrorRate;
import dev.parley.voice.SpeechInput;
import dev.parley.voice.VoiceEvent;
import dev.parley.voice.VoiceEvent.SpeechPartChange;
import dev.parley.voice.VoiceEvent.SpeechPartChange.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Devices chosen in Settings while Parley runs, on the sound server's loopback: after the save the
 * next answer plays on the saved output device and a microphone opened on the saved input device
 * hears it (run with {@code PULSE_SINK=x PULSE_SOURCE=x.monitor} for a private sink). Java Sound lists
 * the sound server as one device, so the saved name is that device's, chosen by name.
 */
@Tag("audio")
class LiveDeviceSwapTest {

    private static final String SENTENCE = "what is the weather like today";

    @TempDir
    Path folder;

    private final LinkedBlockingQueue<VoiceEvent> events = new LinkedBlockingQueue<>();
    private SpeechParts speech;
    private LiveSpeechSettings live;

    @BeforeEach
    void start() throws IOException {
        Loopback.requireDevices();
        ParleyConfig loaded = config("", "");
        ParleyPaths paths = new ParleyPaths(Path.of("."), folder, folder.resolve("data"), folder.resolve("logs"));
        speech = new SpeechParts(paths, new AtomicReference<>(loaded)::get);
        live = new LiveSpeechSettings(loaded, speech.recognizer(), speech.synthesizer(),
                new LiveSpeechParts(speech, events::add), saved -> saved.speechModel(paths), events::add,
                Components.threads("test-device-swap"));
    }

    @AfterEach
    void close() {
        if (live != null) {
            live.close();
            speech.close();
        }
    }

    private ParleyConfig config(String output, String input) throws IOException {
        Path configFolder = Files.createDirectories(folder.resolve("config-" + System.nanoTime()));
        return new ConfigLoader().load(TestConfigs.withSection(configFolder, """
                tts:
                  output-device: "%s"
                audio:
                  input-device: "%s"
                """.formatted(output, input)));
    }

    private SpeechPartChange nextChange() throws InterruptedException {
        while (true) {
            VoiceEvent event = events.poll(30, TimeUnit.SECONDS);
            assertThat(event).as("a speech part change within 30 s").isNotNull();
            if (event instanceof SpeechPartChange change) {
                return change;
            }
        }
    }

    @Test
    void afterTheSaveTheAnswerPlaysOnTheSavedDeviceAndTheNewMicrophoneHearsIt() throws Exception {
        live.apply(config("default", "default"));

        assertThat(nextChange()).isEqualTo(new SpeechPartChange("output device", Step.CHANGED, "default"));
        assertThat(nextChange()).isEqualTo(new SpeechPartChange("input device", Step.CHANGED, "default"));
        List<Double> levels = new CopyOnWriteArrayList<>();
        // The swapped input's microphone reports its levels on the event stream.
        Thread levelWatcher = Thread.ofPlatform().daemon().start(() -> {
            try {
                while (true) {
                    if (events.take() instanceof VoiceEvent.Level level) {
                        levels.add(level.dbfs());
                    }
                }
            } catch (InterruptedException stopped) {
                // the test is over
            }
        });
        String heard;
        try (Loopback loopback = Loopback.keepAlive()) {
            Loopback.awaitAudio(levels);
            SpeechInput.Utterance utterance = live.input().begin(partial -> { }, () -> { });
            AudioClip answer = live.output().voice().synthesize(SENTENCE);
            SpeechSink sink = live.output().open(new TurnClock(), () -> { }, words -> { });
            sink.piece(0, answer);
            sink.chunkDone(0, SENTENCE);
            sink.finish(); // returns once it was played to its end
            Thread.sleep(300); // the monitor hears the end a little after the device reports it played
            heard = utterance.finish();
        } finally {
            levelWatcher.interrupt();
        }

        assertThat(WordErrorRate.of(SENTENCE, heard)).as("heard: " + heard).isLessThanOrEqualTo(0.4);
    }

    @Test
    void aDeviceThatIsNotThereIsReportedWithTheDevicesThereAreAndTheOneInUseStays() throws Exception {
        live.apply(config("HDMI", ""));

        SpeechPartChange failed = nextChange();
        assertThat(failed.part()).isEqualTo("output device");
        assertThat(failed.step()).isEqualTo(Step.FAILED);
        assertThat(failed.detail()).startsWith("No audio output device matches 'HDMI'. Available: ")
                .endsWith("The output device in use stays.");
    }
}
