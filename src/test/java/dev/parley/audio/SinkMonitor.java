package dev.parley.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Hears what the sound server's default sink really received, for tests that check played audio. */
final class SinkMonitor {

    private SinkMonitor() {
    }

    /**
     * Skips the test on machines without an output device, unless {@code parley.requireAudio=true}
     * says one must exist (CI sets up a PulseAudio null sink): then it fails.
     */
    static void requireOutputDevice() {
        if (Boolean.getBoolean("parley.requireAudio")) {
            assertThat(Speaker.outputDeviceNames())
                    .as("parley.requireAudio=true but Java Sound lists no output device")
                    .isNotEmpty();
        } else {
            assumeThat(Speaker.outputDeviceNames())
                    .as("no audio output device; run with -Dparley.requireAudio=true to fail instead")
                    .isNotEmpty();
        }
    }

    interface Action {
        void run() throws Exception;
    }

    /**
     * Records the default PulseAudio sink's monitor with pacat during {@code playback}: what the sound
     * server really received, measured by a tool independent of Parley's own capture code.
     */
    static AudioClip listenWhile(Action playback) throws Exception {
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
    static AudioClip loudPart(AudioClip clip) {
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
