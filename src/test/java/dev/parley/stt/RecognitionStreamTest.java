package dev.parley.stt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.audio.AudioClip;
import dev.parley.audio.WavFiles;
import dev.parley.bench.WordErrorRate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Streaming recognition with the real bundled Vosk model, fed the way the microphone feeds it: 25 ms blocks. */
@Tag("real")
class RecognitionStreamTest {

    static final String WEATHER = "what is the weather like today";
    static final Path AUDIO = Path.of("src/test/resources/audio");
    static final int BLOCK = SpeechRecognizer.SAMPLE_RATE / 40;

    static VoskRecognizer recognizer;
    static AudioClip weather;
    static AudioClip lights;

    @BeforeAll
    static void loadModelAndWarmIt() throws Exception {
        recognizer = VoskRecognizer.load(Path.of("models/vosk-model-small-en-us-0.15"));
        weather = WavFiles.readMono(AUDIO.resolve("weather-16k-s16-mono.wav"));
        lights = WavFiles.readMono(AUDIO.resolve("lights-16k-s16-mono.wav"));
        recognizer.transcribe(lights); // the first utterance of a recognizer is slow; see VoskRecognizer
    }

    @AfterAll
    static void close() {
        recognizer.close();
    }

    @Test
    void partialTranscriptGrowsWhileAudioArrivesAndTheFinalOneIsComplete() {
        Set<String> partials = new LinkedHashSet<>();
        String text;
        try (RecognitionStream stream = recognizer.stream()) {
            for (float[] block : blocks(weather)) {
                stream.accept(block);
                partials.add(stream.partial());
            }
            text = stream.finish();
        }

        partials.remove("");
        assertThat(partials).as("distinct partial transcripts").hasSizeGreaterThanOrEqualTo(3);
        assertThat(partials.iterator().next().split(" ")).as("the first partial is a start").hasSizeLessThan(4);
        assertThat(WordErrorRate.of(WEATHER, text)).as(text).isLessThanOrEqualTo(0.2);
    }

    @Test
    void finalTranscriptArrivesQuicklyWhenDecodingKeptPace() {
        List<Long> millis = new ArrayList<>();
        for (int run = 0; run < 3; run++) {
            try (RecognitionStream stream = recognizer.stream()) {
                for (float[] block : blocks(weather)) {
                    stream.accept(block);
                }
                long start = System.nanoTime();
                String text = stream.finish();
                millis.add((System.nanoTime() - start) / 1_000_000);
                assertThat(WordErrorRate.of(WEATHER, text)).as(text).isLessThanOrEqualTo(0.2);
            }
        }
        System.out.println("finish() to final transcript, warm, " + weather.durationSeconds() + " s utterance: " + millis + " ms");

        // ~100 ms on an idle 2-core machine; the slack is for a loaded one.
        assertThat(millis.stream().sorted().toList().get(1)).as("median ms").isLessThan(300);
    }

    @Test
    void transcribeIsOneWholeStream() {
        assertThat(WordErrorRate.of(WEATHER, recognizer.transcribe(weather))).isLessThanOrEqualTo(0.2);
        assertThat(recognizer.transcribe(weather.resampledTo(48000))).isEqualTo(recognizer.transcribe(weather));
    }

    @Test
    void anAbandonedStreamLeavesNothingBehindForTheNext() {
        try (RecognitionStream stream = recognizer.stream()) {
            blocks(lights).stream().limit(60).forEach(stream::accept);
            assertThat(stream.partial()).isNotEmpty();
        }

        String text = recognizer.transcribe(weather);

        assertThat(text).doesNotContain("kitchen").doesNotContain("light");
        assertThat(WordErrorRate.of(WEATHER, text)).isLessThanOrEqualTo(0.2);
    }

    @Test
    void streamsAreServedOneAtATime() throws Exception {
        RecognitionStream first = recognizer.stream();
        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> recognizer.transcribe(weather));

        Thread.sleep(300);
        assertThat(second).as("waits while the first stream is open").isNotDone();
        first.close();
        assertThat(WordErrorRate.of(WEATHER, second.get(10, TimeUnit.SECONDS))).isLessThanOrEqualTo(0.2);
    }

    @Test
    void aFinishedStreamTakesNoMoreAudio() {
        RecognitionStream stream = recognizer.stream();
        stream.finish();

        assertThatThrownBy(() -> stream.accept(new float[BLOCK])).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("start another one");
        stream.close(); // harmless
    }

    static List<float[]> blocks(AudioClip clip) {
        List<float[]> blocks = new ArrayList<>();
        float[] samples = clip.samples();
        for (int at = 0; at < samples.length; at += BLOCK) {
            blocks.add(Arrays.copyOfRange(samples, at, Math.min(samples.length, at + BLOCK)));
        }
        return blocks;
    }
}
