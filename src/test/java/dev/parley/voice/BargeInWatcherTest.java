package dev.parley.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.audio.AudioClip;
import dev.parley.audio.WavFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The barge-in decision alone, on frames: how much voice, short noises, words or none. */
class BargeInWatcherTest {

    private static final int RATE = 16_000;
    private static final int BLOCK = RATE / 40; // 25 ms, as the microphone delivers

    private final BargeInWatcher watcher = new BargeInWatcher(Duration.ofMillis(250));
    private final Random random = new Random(7);

    /** Feeds {@code millis} of audio in 25 ms blocks; returns the first block's end (ms) that barged in, or -1. */
    private int feed(int millis, double dbfs, boolean voiced) {
        for (int at = 0; at < millis; at += 25) {
            if (watcher.hear(block(dbfs, voiced))) {
                return at + 25;
            }
        }
        return -1;
    }

    /**
     * Feeds up to 2 s of beats, each {@code voicedMs} of voice then {@code quietMs} of silence; returns
     * the ms (from the first beat) at the end of the block that barged in, or -1.
     */
    private int feedBeats(int voicedMs, int quietMs) {
        for (int beat = 0; beat * (voicedMs + quietMs) < 2000; beat++) {
            int start = beat * (voicedMs + quietMs);
            int voiced = feed(voicedMs, -25, true);
            if (voiced > 0) {
                return start + voiced;
            }
            int quiet = feed(quietMs, -200, false);
            if (quiet > 0) {
                return start + voicedMs + quiet;
            }
        }
        return -1;
    }

    /** A vowel-like tone (voiced) or a burst of noise at {@code dbfs}; -200 for digital silence. */
    private float[] block(double dbfs, boolean voiced) {
        float[] block = new float[BLOCK];
        double amplitude = Math.pow(10, dbfs / 20) * Math.sqrt(2);
        for (int i = 0; i < BLOCK; i++) {
            block[i] = (float) (voiced ? amplitude * Math.sin(2 * Math.PI * 180 * i / RATE)
                    : amplitude / Math.sqrt(2) * random.nextGaussian() * 0.9);
        }
        return block;
    }

    @ParameterizedTest(name = "{0} ms of voice at -25 dBFS barges in: {1}")
    @CsvSource({"100, false", "200, false", "250, true", "600, true"})
    void voiceBargesInOnceItLastsTheMinimum(int millis, boolean bargesIn) {
        feed(500, -200, false);

        int at = feed(millis, -25, true);
        feed(600, -200, false);

        assertThat(watcher.bargedIn()).isEqualTo(bargesIn);
        if (bargesIn) {
            assertThat(at).isBetween(250, 275);
            assertThat(watcher.speechStartSample()).isEqualTo(500L * RATE / 1000);
        }
    }

    @Test
    void aCoughOrAKeyPressDoesNotInterruptEvenOftenEnough() {
        feed(500, -70, false); // room noise
        for (int i = 0; i < 10; i++) {
            feed(100, -20, false); // a cough
            feed(400, -70, false);
            feed(25, -15, false); // a key press
            feed(400, -70, false);
        }

        assertThat(watcher.bargedIn()).isFalse();
    }

    @Test
    void speechWithQuietConsonantsBargesInOnceItHasLastedTheMinimum() {
        feed(500, -200, false);
        int at = feedBeats(75, 25); // a vowel, then a consonant too quiet to count
        assertThat(at).as("75 %% voiced: a barge-in once 250 ms have passed, not after 250 ms of vowels")
                .isBetween(250, 300);
    }

    @Test
    void aShortBurstAndThenSilenceIsNoBargeInHoweverLongTheSilence() {
        feed(500, -200, false);
        feed(150, -25, true);
        feed(600, -200, false);
        assertThat(watcher.bargedIn()).isFalse();
    }

    @Test
    void voiceTooSparseForItsSpanWaitsForTheVoicedMinimum() {
        feed(500, -200, false);
        int at = feedBeats(50, 75);
        assertThat(at).as("40 %% voiced: only 250 ms of voice itself barges in").isBetween(550, 575);
    }

    @Test
    void aRecognizedWordConfirmsShorterVoice() {
        feed(500, -200, false);
        feed(100, -25, true);
        assertThat(watcher.bargedIn()).isFalse();

        assertThat(watcher.words("stop")).isTrue();
        assertThat(watcher.speechStartSample()).isEqualTo(500L * RATE / 1000);
    }

    @Test
    void aWordWithoutVoiceOrFromAnEarlierRunDoesNotCount() {
        feed(500, -200, false);
        assertThat(watcher.words("the")).isFalse(); // no voice at all: a recognizer's guess at nothing

        feed(50, -25, true); // too short for a word to confirm
        assertThat(watcher.words("the stop")).isFalse();
        feed(400, -200, false); // the run ends

        feed(100, -25, true); // a new run: the old words are not its words
        assertThat(watcher.bargedIn()).isFalse();
        assertThat(watcher.words("the stop")).isFalse();
        assertThat(watcher.words("the stop now")).isTrue();
    }

    @Test
    void leftoverEchoBelowTheVoiceThresholdNeverInterrupts() {
        feed(500, -200, false);
        assertThat(feed(5000, BargeInWatcher.MIN_VOICE_DBFS - 3, true)).isEqualTo(-1);
        assertThat(watcher.words("hello there")).isFalse();
    }

    @Test
    void pausesInsideASentenceKeepTheRunGoing() {
        feed(500, -200, false);
        feed(150, -25, true);
        feed(150, -200, false); // between two words
        assertThat(feed(150, -25, true)).isPositive();
    }

    @Test
    void realSpeechBargesInWithinItsFirstSyllables() throws Exception {
        AudioClip speech = WavFiles.readMono(Path.of("src/test/resources/audio/weather-16k-s16-mono.wav"));
        float[] samples = speech.resampledTo(RATE).samples();
        int at = -1;
        for (int start = 0; start + BLOCK <= samples.length && at < 0; start += BLOCK) {
            float[] block = java.util.Arrays.copyOfRange(samples, start, start + BLOCK);
            if (watcher.hear(block)) {
                at = start + BLOCK;
            }
        }
        assertThat(at).isPositive();
        assertThat(at - watcher.speechStartSample()).isBetween(250L * RATE / 1000, 600L * RATE / 1000);
    }

    @Test
    void voiceMarkedAsParleysOwnNeverCounts() {
        feed(500, -200, false);
        for (int at = 0; at < 2000; at += 25) {
            assertThat(watcher.hear(block(-20, true), true)).isFalse();
        }
        assertThat(watcher.words("he is good")).isFalse();
    }

    @Test
    void refusesANonPositiveMinimum() {
        assertThatThrownBy(() -> new BargeInWatcher(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive");
    }
}
