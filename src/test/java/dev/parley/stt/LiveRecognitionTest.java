package dev.parley.stt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.audio.AudioClip;
import dev.parley.audio.LevelMeter;
import dev.parley.audio.Microphone;
import dev.parley.audio.MicrophoneListener;
import dev.parley.audio.Recording;
import dev.parley.audio.Speaker;
import dev.parley.audio.WavFiles;
import dev.parley.testing.Loopback;
import dev.parley.bench.WordErrorRate;
import java.nio.file.Path;
import java.util.Arrays;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Speech played by a {@link Speaker} into the sound server's sink is heard by the {@link Microphone} on
 * the sink's monitor, in the same JVM, and recognized as it arrives. Skipped without audio devices
 * unless {@code -Dparley.requireAudio=true}.
 */
@Tag("audio")
class LiveRecognitionTest {

    static final String WEATHER = "what is the weather like today";
    static final Path AUDIO = Path.of("src/test/resources/audio");

    static VoskRecognizer recognizer;
    static AudioClip weather;
    static AudioClip lights;

    @BeforeAll
    static void loadModel() throws Exception {
        recognizer = VoskRecognizer.load(Path.of("models/vosk-model-small-en-us-0.15"));
        weather = WavFiles.readMono(AUDIO.resolve("weather-48k-s16-stereo.wav"));
        lights = WavFiles.readMono(AUDIO.resolve("lights-16k-s16-mono.wav"));
        recognizer.transcribe(lights); // warm
    }

    @AfterAll
    static void close() {
        recognizer.close();
    }

    @BeforeEach
    void needsDevices() {
        Loopback.requireDevices();
    }

    @Test
    void speechPlayedWhileTheMicrophoneRunsIsRecognizedAsItArrives() throws Exception {
        List<Double> levels = new CopyOnWriteArrayList<>();
        Set<String> partials = ConcurrentHashMap.newKeySet();
        String text;
        AudioClip recorded;
        long finishMillis;
        try (Loopback loopback = Loopback.keepAlive();
                Microphone microphone = Microphone.open(null, Duration.ofMillis(300), levels::add);
                RecognitionStream stream = recognizer.stream()) {
            Loopback.awaitAudio(levels);
            Recording recording = microphone.startRecording(block -> {
                stream.accept(block);
                partials.add(stream.partial());
            });
            new Speaker(null).play(weather);
            Thread.sleep(300); // the monitor hears the end a little after the device reports it played
            recorded = recording.stop(); // returns once every block has been decoded
            long start = System.nanoTime();
            text = stream.finish();
            finishMillis = (System.nanoTime() - start) / 1_000_000;
        }
        System.out.println("live: finish() to final transcript " + finishMillis + " ms");

        assertThat(WordErrorRate.of(WEATHER, text)).as(text).isLessThanOrEqualTo(0.2);
        assertThat(finishMillis).as("ms from finish() to the transcript; ~40 on an idle machine").isLessThan(300);
        assertThat(partials).as("partial transcripts on the way").hasSizeGreaterThanOrEqualTo(3);
        assertThat(recorded.durationSeconds()).isBetween(weather.durationSeconds(), weather.durationSeconds() + 1.5);
        assertThat(WordErrorRate.of(WEATHER, recognizer.transcribe(recorded))).isLessThanOrEqualTo(0.2);
    }

    @Test
    void preRollKeepsTheWordSpokenJustBeforeRecordingStarted() throws Exception {
        AtomicReference<Microphone> microphone = new AtomicReference<>();
        CompletableFuture<Recording> pressed = new CompletableFuture<>();
        AtomicBoolean playing = new AtomicBoolean();
        AtomicInteger levelsSinceAudible = new AtomicInteger();
        // "Press the key" 100 ms of audio after the first word became audible. The press is timed on
        // the captured stream, not the wall clock: a sound server may deliver a monitor's audio in
        // bursts, and a wall-clock press would then land anywhere in the utterance.
        MicrophoneListener pressAfterFirstWord = level -> {
            if (playing.get() && (level > -40 || levelsSinceAudible.get() > 0)
                    && levelsSinceAudible.incrementAndGet() == 3) {
                pressed.complete(microphone.get().startRecording(block -> { }));
            }
        };
        List<Double> levels = new CopyOnWriteArrayList<>();
        AudioClip recorded;
        try (Loopback loopback = Loopback.keepAlive();
                Microphone opened = Microphone.open(null, Duration.ofMillis(300), level -> {
                    levels.add(level);
                    pressAfterFirstWord.level(level);
                })) {
            microphone.set(opened);
            Loopback.awaitAudio(levels);
            playing.set(true);
            new Speaker(null).play(lights);
            Recording recording = pressed.get(5, TimeUnit.SECONDS);
            Thread.sleep(300);
            recorded = recording.stop();
        }

        AudioClip preRoll = new AudioClip(Arrays.copyOf(recorded.samples(), 4800), 16000);
        assertThat(new LevelMeter(4800).add(preRoll.samples()).orElseThrow())
                .as("level of the pre-roll: it holds the start of the first word").isGreaterThan(-45.0);
        String text = recognizer.transcribe(recorded);
        String expected = recognizer.transcribe(lights);
        assertThat(WordErrorRate.of(expected, text)).as("heard '%s', the clip says '%s'", text, expected)
                .isLessThanOrEqualTo(0.2);
        assertThat(text.split(" ")[0]).isEqualTo(expected.split(" ")[0]);
    }
}
