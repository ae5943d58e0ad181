package dev.parley.firstrun;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MicrophoneCheckResultTest {

    @Test
    void aVoiceIsHeardAndSilenceIsNot() {
        assertThat(new MicrophoneCheck.Result(true, -20, null).heardSomething()).isTrue();
        assertThat(new MicrophoneCheck.Result(true, -58, null).describe()).contains("is it muted");
        assertThat(new MicrophoneCheck.Result(false, -100, "no line").describe()).isEqualTo("no microphone: no line");
    }
}
