package dev.parley.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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

    private static final boolean AUDIO_REQUIRED = Boolean.getBoolean("parley.requireAudio");

    @BeforeEach
    void needsAnOutputDevice() {
        if (AUDIO_REQUIRED) {
            assertThat(Speaker.outputDeviceNames())
                    .as("parley.requireAudio=true but Java Sound lists no output device")
                    .isNotEmpty();
        } else {
            assumeThat(Speaker.outputDeviceNames())
                    .as("no audio output device; run with -Dparley.requireAudio=true to fail instead")
                    .isNotEmpty();
        }
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

        AudioClip heard = listenToTheDefaultSinkWhile(() -> new Speaker(null).play(tone));

        AudioClip loud = loudPart(heard);
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

    private interface Playback {
        void run() throws Exception;
    }

    /**
     * Records the PulseAudio sink's monitor (the default one, or {@code PULSE_SOURCE}) with pacat during {@code playback}: what the sound
     * server really received, measured by a tool independent of Parley's own capture code.
     */
    private static AudioClip listenToTheDefaultSinkWhile(Playback playback) throws Exception {
        Process pacat;
        try {
            // The JVM plays into PULSE_SINK when set (ALSA's pulse plugin honors it): listen to that one.
            String monitor = System.getenv("PULSE_SOURCE") != null ? System.getenv("PULSE_SOURCE") : "@DEFAULT_MONITOR@";
            pacat = new ProcessBuilder("pacat", "--record", "--device=" + monitor, "--rate=16000",
                    "--channels=1", "--format=s16le").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            assumeThat(e).as("pacat (pulseaudio-utils) to listen to the sound server with").isNull();
            throw e;
        }
        ByteArrayOutputStream heard = new ByteArrayOutputStream();
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
            try (InputStream pcm = pacat.getInputStream()) {
                pcm.transferTo(heard);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        int before;
        try {
            // A suspended (idle) sink's monitor sends nothing and, while the sink wakes, loses the start of
            // what is played. Wake it with silence and wait for the monitor to flow.
            new Speaker(null).play(AudioClip.silence(0.3, 16000));
            long deadline = System.nanoTime() + 3_000_000_000L;
            while (heard.size() == 0 && pacat.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assumeThat(heard.size()).as("pacat hears the default sink (is PulseAudio running?)").isPositive();
            before = heard.size();
            playback.run();
            Thread.sleep(300); // the last blocks reach the monitor a little after the device reports them played
        } finally {
            // SIGTERM through the handle: Process.destroy() would also close our end of pacat's output
            // and lose what we have not read yet.
            pacat.toHandle().destroy();
            pacat.waitFor(5, TimeUnit.SECONDS);
        }
        reader.get(5, TimeUnit.SECONDS);
        byte[] pcm = heard.toByteArray();
        return AudioClip.fromPcm16le(Arrays.copyOfRange(pcm, before, pcm.length), 16000);
    }

    /** From the first to the last sample above a tenth of full scale. */
    private static AudioClip loudPart(AudioClip clip) {
        float[] x = clip.samples();
        int first = 0;
        while (first < x.length && Math.abs(x[first]) < 0.1) {
            first++;
        }
        int last = x.length - 1;
        while (last > first && Math.abs(x[last]) < 0.1) {
            last--;
        }
        return new AudioClip(Arrays.copyOfRange(x, first, last + 1), clip.sampleRate());
    }
}
