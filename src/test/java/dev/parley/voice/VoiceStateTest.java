package dev.parley.voice;

import static dev.parley.voice.VoiceState.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VoiceStateTest {

    @Test
    void aTurnGoesRoundTheLoop() {
        assertThat(IDLE.canMoveTo(LISTENING)).isTrue();
        assertThat(LISTENING.canMoveTo(TRANSCRIBING)).isTrue();
        assertThat(TRANSCRIBING.canMoveTo(THINKING)).isTrue();
        assertThat(THINKING.canMoveTo(SPEAKING)).isTrue();
        assertThat(SPEAKING.canMoveTo(IDLE)).isTrue();
    }

    @Test
    void everyBusyStateCanBeInterruptedOrFailAndBothLeadOn() {
        for (VoiceState busy : new VoiceState[] {LISTENING, TRANSCRIBING, THINKING, SPEAKING}) {
            assertThat(busy.canMoveTo(INTERRUPTED)).as(busy.name()).isTrue();
            assertThat(busy.canMoveTo(ERROR)).as(busy.name()).isTrue();
        }
        for (VoiceState after : new VoiceState[] {INTERRUPTED, ERROR}) {
            assertThat(after.canMoveTo(IDLE)).isTrue();
            assertThat(after.canMoveTo(LISTENING)).isTrue();
            assertThat(after.canMoveTo(THINKING)).isTrue();
            assertThat(after.canMoveTo(SPEAKING)).isFalse();
        }
    }

    @Test
    void nothingSkipsBackwardsOrSpeaksWithoutThinking() {
        assertThat(IDLE.canMoveTo(SPEAKING)).isFalse();
        assertThat(SPEAKING.canMoveTo(LISTENING)).as("a press while speaking interrupts first").isFalse();
        assertThat(SPEAKING.canMoveTo(THINKING)).isFalse();
        assertThat(THINKING.canMoveTo(TRANSCRIBING)).isFalse();
        assertThat(IDLE.canMoveTo(INTERRUPTED)).isFalse();
    }
}
