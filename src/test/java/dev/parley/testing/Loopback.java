package dev.parley.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.parley.audio.AudioClip;
import dev.parley.audio.AudioDeviceException;
import dev.parley.audio.Microphone;
import dev.parley.audio.Playback;
import dev.parley.audio.Speaker;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * The sound server's loopback for tests: what a {@link Speaker} plays into the sink, a
 * {@link Microphone} on the sink's monitor hears. Run with {@code PULSE_SINK=x PULSE_SOURCE=x.monitor}
 * to use a private null sink (ALSA's PulseAudio plugin honors both for the default device).
 *
 * <p>A null sink's monitor delivers nothing while nothing plays (the sink idles), so a test keeps a
 * stream of silence playing ({@link #keepAlive}) for as long as it listens.
 */
public final class Loopback implements AutoCloseable {

    private static final boolean AUDIO_REQUIRED = Boolean.getBoolean("parley.requireAudio");

    private static final AudioClip SILENCE = AudioClip.silence(0.5, 16000);

    private final Thread opener;
    private volatile boolean running = true;
    private volatile Playback playback;

    private Loopback() {
        // One stream of silence on one line for as long as the test listens. A line opened per clip
        // would connect and disconnect every half second, and each reconnection makes the null sink
        // re-render its buffer: the monitor then delivers audio in bursts, early or late.
        opener = Thread.ofPlatform().name("loopback-keep-alive").daemon().start(() -> {
            while (running) {
                try {
                    Playback opened = new Speaker(null).open(16000, new Playback.Listener() {
                        @Override
                        public void clipPlayed(int index) {
                            if (running) {
                                playback.enqueue(SILENCE);
                            }
                        }
                    });
                    playback = opened;
                    opened.enqueue(SILENCE);
                    opened.enqueue(SILENCE);
                    opened.done().join(); // ends when close() stops it, or the device fails
                } catch (AudioDeviceException | CompletionException e) {
                    // A test suspended or removed the sink; keep trying so the monitor flows once it is back.
                    sleep();
                }
            }
        });
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Skips the test (or fails it under {@code -Dparley.requireAudio=true}) without input and output devices. */
    public static void requireDevices() {
        String why = "no audio input and output device; run with -Dparley.requireAudio=true to fail instead";
        boolean present = !Microphone.inputDeviceNames().isEmpty() && !Speaker.outputDeviceNames().isEmpty();
        if (AUDIO_REQUIRED) {
            assertThat(present).as("parley.requireAudio=true but Java Sound lists no input or output device").isTrue();
        } else {
            assumeThat(present).as(why).isTrue();
        }
    }

    /** Starts playing silence into the sink, so its monitor flows; close to stop. */
    public static Loopback keepAlive() {
        return new Loopback();
    }

    /**
     * The PulseAudio sink whose monitor the default input records: {@code PULSE_SINK} or the server's
     * default. Skips the test unless the sink is private ({@code PULSE_SINK} set) or CI requires audio,
     * because suspending a shared sink would disturb everyone else using it. (A monitor source cannot
     * be suspended by itself; suspending its sink silences it.)
     */
    public static String privateSink() throws IOException, InterruptedException {
        String sink = System.getenv("PULSE_SINK");
        if (sink == null || sink.isBlank()) {
            assumeThat(AUDIO_REQUIRED).as("suspends the input: needs a private sink (PULSE_SINK/PULSE_SOURCE)"
                    + " or -Dparley.requireAudio=true").isTrue();
            sink = pactl("get-default-sink").strip();
        }
        return sink;
    }

    /** Waits until a microphone reports levels: a sound server needs up to two seconds after a line opens. */
    public static void awaitAudio(List<Double> levels) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (levels.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(levels).as("level readings within 5 s of opening").hasSizeGreaterThanOrEqualTo(2);
    }

    /** Runs pactl (skipping the test if it is not installed) and returns what it printed. */
    public static String pactl(String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = "pactl";
        System.arraycopy(args, 0, command, 1, args.length);
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeThat(e).as("pactl (pulseaudio-utils) to control the sound server").isNull();
            throw e;
        }
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("pactl finished").isTrue();
        assertThat(process.exitValue()).as("pactl " + String.join(" ", args) + ": " + output).isZero();
        return output;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        if (playback != null) {
            playback.stop();
        }
        opener.join(2000);
    }
}
