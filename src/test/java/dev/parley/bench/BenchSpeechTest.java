package dev.parley.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The speech the duplex benchmark ships is there, at the capture rate, with its words. */
class BenchSpeechTest {

    @Test
    void everySetLoadsWithWordsAndAudio() {
        assertThat(BenchSpeech.load(BenchSpeech.USER)).hasSize(12);
        assertThat(BenchSpeech.load(BenchSpeech.WAKE)).hasSize(16).allSatisfy(clip -> {
            assertThat(clip.words()).isEqualTo("hey parley");
            assertThat(clip.seconds()).isBetween(0.4, 2.0);
        });
        assertThat(BenchSpeech.load(BenchSpeech.OTHER)).hasSize(30).allSatisfy(clip -> {
            assertThat(clip.words()).doesNotStartWith("hey parley");
            assertThat(clip.seconds()).isBetween(0.8, 5.0);
            assertThat(clip.voice()).matches("[a-z+-]+[0-9]*/[0-9]+");
        });
    }
}
