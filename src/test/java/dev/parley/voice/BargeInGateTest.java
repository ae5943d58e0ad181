package dev.parley.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What the gate tells the output side while an answer plays: voice over it starts and ends (the ducking). */
class BargeInGateTest {

    private static final int RATE = 16_000;
    private static final int BLOCK = RATE / 40; // 25 ms, as the microphone delivers

    private final List<String> told = new ArrayList<>();
    private final AtomicInteger bargeIns = new AtomicInteger();
    private boolean settling;
    private final BargeInGate gate = new BargeInGate(WordlessStream::new, Duration.ofMillis(250),
            Duration.ofMillis(600), partial -> { }, () -> { }, () -> {
                bargeIns.incrementAndGet();
                told.add("barged in");
            }, new TalkOverLink(() -> settling, this::tell));
    /** How often "voice" was said: with every block while the voice lasts. */
    private int voiceBlocks;

    /** Records what the output side is told, each change once. */
    private void tell(boolean heard) {
        voiceBlocks += heard ? 1 : 0;
        String said = heard ? "voice" : "no voice";
        if (told.isEmpty() || !told.getLast().equals(said)) {
            told.add(said);
        }
    }

    private void feed(int millis, double dbfs) {
        feed(gate, millis, dbfs);
    }

    /** {@code millis} of a 180 Hz tone at {@code dbfs} (RMS; -200: silence), in 25 ms blocks. */
    private static void feed(BargeInGate gate, int millis, double dbfs) {
        for (int at = 0; at < millis; at += 25) {
            float[] block = new float[BLOCK];
            double amplitude = Math.pow(10, dbfs / 20) * Math.sqrt(2);
            for (int i = 0; i < BLOCK; i++) {
                block[i] = (float) (amplitude * Math.sin(2 * Math.PI * 180 * (at * RATE / 1000 + i) / RATE));
            }
            gate.accept(block);
        }
    }

    @Test
    void aShortSoundLowersTheAnswerAndGivesItBackWithoutABargeIn() {
        feed(500, -200);
        feed(100, -25); // a cough
        assertThat(told).containsExactly("voice");
        feed(400, -200);

        assertThat(told).containsExactly("voice", "no voice");
        assertThat(voiceBlocks).as("said again with every block of it, or it expires").isGreaterThanOrEqualTo(4);
        assertThat(bargeIns).hasValue(0);
    }

    @Test
    void aBargeInStopsTheAnswerAndTheLoweringEndsWithIt() {
        feed(500, -200);
        feed(600, -25);

        assertThat(told).containsExactly("voice", "barged in", "no voice");
        feed(400, -200);
        assertThat(told).hasSize(3);
    }

    @Test
    void parleysOwnVoiceWhileTheCancellerSettlesLowersNothing() {
        settling = true;
        feed(500, -200);
        feed(600, -25);

        assertThat(told).isEmpty();
    }

    @Test
    void aListenerThatFailsGivesTheLevelBack() {
        BargeInGate failing = new BargeInGate(() -> {
            throw new IllegalStateException("the speech model is being swapped");
        }, Duration.ofMillis(250), Duration.ofMillis(600), partial -> { }, () -> { }, () -> { },
                new TalkOverLink(() -> false, this::tell));
        feed(failing, 500, -200);

        assertThatThrownBy(() -> feed(failing, 500, -25)).isInstanceOf(IllegalStateException.class);
        assertThat(told).containsExactly("voice", "no voice");
    }

    @Test
    void anAnswerEndingWhileSomeoneTalksGivesTheLevelBack() {
        feed(500, -200);
        feed(100, -25);
        gate.cancel();

        assertThat(told).containsExactly("voice", "no voice");
    }
}
