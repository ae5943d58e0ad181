package dev.parley.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Plays through a real output device. Skipped on machines without one, unless the system property
 * {@code parley.requireAudio=true} says a device must exist (CI sets up a PulseAudio null sink).
 */
@Tag("audio")
class SpeakerTest {

    @BeforeEach
    void needsAnOutputDevice() {
        SinkMonitor.requireOutputDevice();
    }

    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(ints = {8000, 16000, 22050, 48000})
    void blocksUntilTheClipHasPlayed(int rate) throws AudioDeviceException {
        AudioClip halfSecond = Signals.sine(440, 0.3, 0.5, rate);

        long start = System.nanoTime();
        new Speaker(null).play(halfSecond);
        double seconds = (System.nanoTime() - start) / 1e9;

        // A device cannot play half a second faster than that; sound servers add latency, hence the slack.
        assertThat(seconds).isBetween(0.45, 6.0);
    }

    @Test
    void findsADeviceByPartOfItsNameIgnoringCase() throws AudioDeviceException {
        String name = Speaker.outputDeviceNames().get(0);
        String part = name.substring(0, Math.min(name.length(), 5)).toUpperCase();

        long start = System.nanoTime();
        new Speaker(part).play(Signals.sine(440, 0.3, 0.3, 16000));

        assertThat((System.nanoTime() - start) / 1e9).isGreaterThanOrEqualTo(0.25);
    }

    @Test
    void stopsEarlyWhenInterruptedAndKeepsTheInterruptFlag() throws Exception {
        AudioClip fiveSeconds = Signals.sine(440, 0.3, 5.0, 16000);
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        Thread player = Thread.ofPlatform().start(() -> {
            try {
                new Speaker(null).play(fiveSeconds);
            } catch (AudioDeviceException e) {
                throw new IllegalStateException(e);
            }
            stillInterrupted.set(Thread.currentThread().isInterrupted());
        });

        Thread.sleep(500);
        long interruptedAt = System.nanoTime();
        player.interrupt();
        player.join(5000);

        assertThat(player.isAlive()).as("still playing 5 s after the interrupt").isFalse();
        assertThat((System.nanoTime() - interruptedAt) / 1e9).as("seconds to stop").isLessThan(2.0);
        assertThat(stillInterrupted).isTrue();
    }

    @ParameterizedTest(name = "{0} Hz clip")
    @ValueSource(ints = {8000, 22050, 48000})
    void theDeviceReceivesTheToneInTheClip(int rate) throws Exception {
        // A wrong byte order, sample size or rate would change the tone's frequency or drown it in noise.
        AudioClip tone = Signals.sine(1000, 0.5, 1.0, rate);

        AudioClip heard = SinkMonitor.listenWhile(() -> new Speaker(null).play(tone));

        AudioClip loud = SinkMonitor.loudPart(heard);
        assertThat(loud.durationSeconds()).as("seconds of tone heard").isCloseTo(1.0, within(0.02));
        assertThat(Signals.zeroCrossingFrequency(loud)).isCloseTo(1000, within(2.0));
        assertThat(Signals.amplitudeAt(loud, 1000)).isCloseTo(0.5, within(0.05));
    }

    @Test
    void namesTheAvailableDevicesWhenTheRequestedOneDoesNotExist() {
        assertThatThrownBy(() -> new Speaker("no-such-device-xyz").play(AudioClip.silence(0.1, 16000)))
                .isInstanceOf(AudioDeviceException.class)
                .hasMessageContaining("No audio output device matches 'no-such-device-xyz'")
                .hasMessageContainingAll(Speaker.outputDeviceNames().toArray(String[]::new));
    }
}
