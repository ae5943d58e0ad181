package dev.parley.voice;

import static org.assertj.core.api.Assertions.assertThat;

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
    private final BargeInGate gate = new BargeInGate(WordlessStream::new, Duration.ofMillis(250), Duration.ofMillis(600),
            partial -> { }, () -> { }, () -> {
                bargeIns.incrementAndGet();
                told.add("barged in");
            }, new TalkOverLink(() -> settling, heard -> told.add(heard ? "voice" : "no voice")));

    private void feed(int millis, double dbfs) {
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
    void anAnswerEndingWhileSomeoneTalksGivesTheLevelBack() {
        feed(500, -200);
        feed(100, -25);
        gate.cancel();

        assertThat(told).containsExactly("voice", "no voice");
    }
}
