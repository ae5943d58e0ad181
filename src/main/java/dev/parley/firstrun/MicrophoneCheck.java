package dev.parley.firstrun;

import dev.parley.audio.AudioDeviceException;
import dev.parley.audio.LevelMeter;
import dev.parley.audio.Microphone;
import dev.parley.audio.MicrophoneListener;
import dev.parley.audio.Recording;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.DoubleAccumulator;

/**
 * Listens on an input device for a few seconds through {@link Microphone} (the same capture as the
 * voice loop) and reports its level every 50 ms, so the user sees the meter move while speaking.
 * Succeeds when something louder than {@link LevelMeter#SPEECH_DB} was heard.
 */
public final class MicrophoneCheck {

    /** Called on the capturing thread with each 50 ms window's RMS level in dBFS. */
    @FunctionalInterface
    public interface LevelListener {
        void level(double rmsDbfs);
    }

    /** What the check found: no device ({@code problem} says why), silence, or a voice. */
    public record Result(boolean deviceFound, double peakDbfs, String problem) {

        public boolean heardSomething() {
            return deviceFound && peakDbfs > LevelMeter.SPEECH_DB;
        }

        public String describe() {
            if (!deviceFound) {
                return "no microphone: " + problem;
            }
            return heardSomething()
                    ? "microphone works (loudest %d dB)".formatted(Math.round(peakDbfs))
                    : "microphone found but it heard (almost) nothing (loudest %d dB): is it muted?"
                            .formatted(Math.round(peakDbfs));
        }
    }

    private static final Duration START_GRACE = Duration.ofSeconds(3);

    private final String inputDevice;

    /** The system's default input device. */
    public MicrophoneCheck() {
        this(null);
    }

    /** @param inputDevice part of an input device's name ({@code audio.input-device}), or null for the default */
    public MicrophoneCheck(String inputDevice) {
        this.inputDevice = inputDevice;
    }

    /** Listens for {@code duration}; never throws for a missing or busy device, it reports it. */
    public Result listen(Duration duration, LevelListener listener) {
        AtomicReference<String> lost = new AtomicReference<>();
        CountDownLatch flowing = new CountDownLatch(1);
        MicrophoneListener levels = new MicrophoneListener() {
            @Override
            public void level(double dbfs) {
                flowing.countDown();
                listener.level(dbfs);
            }

            @Override
            public void deviceLost(AudioDeviceException problem) {
                lost.set(problem.getMessage());
            }

            @Override
            public void deviceRestored() {
                lost.set(null);
            }
        };
        Microphone microphone;
        try {
            microphone = Microphone.open(inputDevice, Duration.ZERO, levels);
        } catch (AudioDeviceException | IllegalArgumentException | SecurityException e) {
            return new Result(false, LevelMeter.SILENCE_DB, String.valueOf(e.getMessage()));
        }
        DoubleAccumulator peak = new DoubleAccumulator(Math::max, LevelMeter.SILENCE_DB);
        try (microphone) {
            Recording recording = microphone.startRecording(
                    block -> peak.accumulate(LevelMeter.peakDbfs(block, 0, block.length)));
            try {
                // A device delivers nothing for a moment after it opens (PulseAudio: up to 2 s); that wait
                // does not count towards the time the user has to speak.
                flowing.await(START_GRACE.toMillis(), TimeUnit.MILLISECONDS);
                Thread.sleep(duration);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                recording.stop();
            }
        }
        String problem = lost.get();
        if (problem != null && peak.get() <= LevelMeter.METER_FLOOR_DB) {
            return new Result(false, LevelMeter.SILENCE_DB, problem);
        }
        return new Result(true, peak.get(), null);
    }
}
