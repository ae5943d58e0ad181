package dev.parley.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** End-pointing on synthetic signals (a table of cases) and on real speech. */
class SpeechEndpointerTest {

    private static final int RATE = 16000;
    private static final Duration END_SILENCE = Duration.ofMillis(800);
    private static final double TOLERANCE_SECONDS = 0.03;

    /** One utterance found: where its speech began and where its closing silence began, in seconds. */
    record Utterance(double start, double end) {
        @Override
        public String toString() {
            return String.format("%.2f–%.2f s", start, end);
        }
    }

    static Stream<Arguments> signals() {
        return Stream.of(
                Arguments.of("digital silence", signal().silence(3), 800, List.of()),
                Arguments.of("a tone between silences", signal().silence(1).tone(-20, 0.5).silence(1.5), 800,
                        List.of(new Utterance(1.0, 1.5))),
                Arguments.of("a 50 ms click is not speech", signal().silence(1).tone(-10, 0.05).silence(1.5), 800,
                        List.of()),
                Arguments.of("a pause shorter than the end silence keeps one utterance",
                        signal().silence(1).tone(-20, 0.5).silence(0.4).tone(-20, 0.5).silence(1.5), 800,
                        List.of(new Utterance(1.0, 2.4))),
                Arguments.of("a pause longer than the end silence splits",
                        signal().silence(1).tone(-20, 0.5).silence(0.4).tone(-20, 0.5).silence(1.5), 300,
                        List.of(new Utterance(1.0, 1.5), new Utterance(1.9, 2.4))),
                Arguments.of("speech over steady noise",
                        signal().noise(-45, 1).toneOverNoise(-20, -45, 0.6).noise(-45, 1.5), 800,
                        List.of(new Utterance(1.0, 1.6))),
                Arguments.of("steady noise alone", signal().noise(-35, 3), 800, List.of()),
                Arguments.of("a tone under the absolute minimum", signal().silence(1).tone(-62, 1).silence(1), 800,
                        List.of()),
                Arguments.of("a trailing-off word is held by the lower threshold",
                        // 12 dB over the floor starts it; 8 dB over (between the thresholds) does not end it.
                        signal().noise(-50, 1).toneOverNoise(-30, -50, 0.3).toneOverNoise(-42, -50, 0.5).noise(-50, 1.5),
                        800, List.of(new Utterance(1.0, 1.8))),
                Arguments.of("an utterance still going at the end has not ended",
                        signal().silence(1).tone(-20, 1), 800, List.of(new Utterance(1.0, Double.NaN))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signals")
    void findsTheUtterancesOfSyntheticSignals(String name, Signal signal, int endSilenceMs, List<Utterance> expected) {
        List<Utterance> found = endpoint(signal.clip(), Duration.ofMillis(endSilenceMs), Microphone.BLOCK_SAMPLES);

        assertThat(found).as(name).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(found.get(i).start()).as("%s: start of %s", name, found.get(i))
                    .isCloseTo(expected.get(i).start(), org.assertj.core.api.Assertions.within(TOLERANCE_SECONDS));
            if (!Double.isNaN(expected.get(i).end())) {
                assertThat(found.get(i).end()).as("%s: end of %s", name, found.get(i))
                        .isCloseTo(expected.get(i).end(), org.assertj.core.api.Assertions.within(TOLERANCE_SECONDS));
            } else {
                assertThat(found.get(i).end()).isNaN();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"weather-16k-s16-mono.wav", "lights-16k-s16-mono.wav", "weather-48k-s24-mono.wav"})
    void findsOneUtteranceAroundRealSpeech(String file) throws IOException {
        AudioClip speech = WavFiles.readMono(Path.of("src/test/resources/audio", file)).resampledTo(RATE);
        Utterance truth = loudSpan(speech, -35);
        // A quiet room, not digital silence, around the speech.
        AudioClip clip = signal().noise(-65, 1).clip(speech).noise(-65, 1.5).clip();

        List<Utterance> found = endpoint(clip, END_SILENCE, Microphone.BLOCK_SAMPLES);

        assertThat(found).as("utterances found").hasSize(1);
        assertThat(found.get(0).start()).as("start").isBetween(1 + truth.start() - 0.1, 1 + truth.start() + 0.05);
        assertThat(found.get(0).end()).as("end").isBetween(1 + truth.end() - 0.1, 1 + truth.end() + 0.2);
    }

    @Test
    void separatesTwoRealUtterancesWithAPauseBetween() throws IOException {
        AudioClip weather = WavFiles.readMono(Path.of("src/test/resources/audio/weather-16k-s16-mono.wav"));
        AudioClip lights = WavFiles.readMono(Path.of("src/test/resources/audio/lights-16k-s16-mono.wav"));
        AudioClip clip = signal().noise(-65, 1).clip(weather).noise(-65, 1.2).clip(lights).noise(-65, 1.5).clip();

        assertThat(endpoint(clip, END_SILENCE, Microphone.BLOCK_SAMPLES)).hasSize(2);
    }

    @ParameterizedTest(name = "{0}-sample blocks")
    @ValueSource(ints = {1, 160, 400, 1600})
    void theBlockSizeDoesNotMatter(int blockSamples) throws IOException {
        AudioClip weather = WavFiles.readMono(Path.of("src/test/resources/audio/weather-16k-s16-mono.wav"));
        AudioClip clip = signal().noise(-65, 1).clip(weather).noise(-65, 1.5).clip();

        assertThat(endpoint(clip, END_SILENCE, blockSamples))
                .isEqualTo(endpoint(clip, END_SILENCE, Microphone.BLOCK_SAMPLES));
    }

    @Test
    void refusesBlocksThatCouldHoldTwoChanges() {
        assertThatThrownBy(() -> new SpeechEndpointer(RATE, END_SILENCE).accept(new float[RATE / 5]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 100 ms");
    }

    /** Runs the endpointer over {@code clip}; an utterance still open at the end has end NaN. */
    private static List<Utterance> endpoint(AudioClip clip, Duration endSilence, int blockSamples) {
        SpeechEndpointer endpointer = new SpeechEndpointer(RATE, endSilence);
        List<Utterance> found = new ArrayList<>();
        float[] samples = clip.samples();
        for (int at = 0; at < samples.length; at += blockSamples) {
            switch (endpointer.accept(Arrays.copyOfRange(samples, at, Math.min(samples.length, at + blockSamples)))) {
                case SPEECH_STARTED -> found.add(new Utterance(endpointer.speechStartSample() / (double) RATE, Double.NaN));
                case SPEECH_ENDED -> found.set(found.size() - 1,
                        new Utterance(found.getLast().start(), endpointer.speechEndSample() / (double) RATE));
                case NONE -> { }
            }
        }
        return found;
    }

    /** From the first to the last 10 ms frame louder than {@code dbfs}: where the speech really is. */
    private static Utterance loudSpan(AudioClip clip, double dbfs) {
        float[] x = clip.samples();
        int frame = RATE / 100;
        double first = -1;
        double last = -1;
        for (int at = 0; at + frame <= x.length; at += frame) {
            LevelMeter meter = new LevelMeter(frame);
            double level = meter.add(Arrays.copyOfRange(x, at, at + frame)).orElseThrow();
            if (level > dbfs) {
                first = first < 0 ? at / (double) RATE : first;
                last = (at + frame) / (double) RATE;
            }
        }
        return new Utterance(first, last);
    }

    static Signal signal() {
        return new Signal();
    }

    /** A test signal built piece by piece at 16 kHz; levels in dBFS (RMS). */
    static final class Signal {
        private final List<AudioClip> pieces = new ArrayList<>();
        private final Random random = new Random(42);

        Signal silence(double seconds) {
            pieces.add(AudioClip.silence(seconds, RATE));
            return this;
        }

        Signal tone(double dbfs, double seconds) {
            // A sine's RMS is its amplitude over √2.
            pieces.add(Signals.sine(300, Math.sqrt(2) * Math.pow(10, dbfs / 20), seconds, RATE));
            return this;
        }

        Signal noise(double dbfs, double seconds) {
            pieces.add(new AudioClip(noiseSamples(dbfs, seconds), RATE));
            return this;
        }

        Signal toneOverNoise(double toneDbfs, double noiseDbfs, double seconds) {
            float[] tone = Signals.sine(300, Math.sqrt(2) * Math.pow(10, toneDbfs / 20), seconds, RATE).samples();
            float[] noise = noiseSamples(noiseDbfs, seconds);
            for (int i = 0; i < tone.length; i++) {
                tone[i] += noise[i];
            }
            pieces.add(new AudioClip(tone, RATE));
            return this;
        }

        Signal clip(AudioClip clip) {
            pieces.add(clip.resampledTo(RATE));
            return this;
        }

        AudioClip clip() {
            return AudioClip.concat(pieces, RATE);
        }

        private float[] noiseSamples(double dbfs, double seconds) {
            float[] noise = new float[(int) Math.round(seconds * RATE)];
            double sigma = Math.pow(10, dbfs / 20);
            for (int i = 0; i < noise.length; i++) {
                noise[i] = (float) (sigma * random.nextGaussian());
            }
            return noise;
        }

        @Override
        public String toString() {
            return pieces.size() + " pieces";
        }
    }
}
